import { needState, precondition } from '../../engine/preconditions.ts';
import { anonymous, expect, req, sessionFrom, test } from './fixtures.ts';

test.describe('revokeMySession  DELETE /users/me/sessions/{sessionId}', () => {
  test('204 for a session id that does not exist (documented)', { annotation: req('traq:revokeMySession#204', 'RFC9110-15.3.5') }, async ({ traq, data }) => {
    const session = await traq.session();
    expect(await traq.call('revokeMySession', { expect: 204, as: session, params: { sessionId: data.string.uuid() } })).toConform();
  });

  test('204 for an own session, which then no longer authenticates', { annotation: req('traq:revokeMySession#204', 'traq:revokeMySession.ends-session', 'traq:getMySessions#401') }, async ({ traq, run }, info) => {
    needState(run, 'traq', info, 'a revoked session stops working');
    const keeper = await traq.session();
    const before = await traq.sessionIds(keeper);
    const victim = sessionFrom(await traq.login(traq.user, { expect: 204 }));
    const added = (await traq.sessionIds(keeper)).filter((id) => !before.includes(id));
    precondition(victim !== undefined && added.length === 1, info, `cannot tell which listed session the new login opened (${added.length} new ids); see traq:getMySessions.lists-own-session`);
    expect(await traq.call('revokeMySession', { expect: 204, as: keeper, params: { sessionId: added[0]! } })).toConform();
    expect(await traq.call('getMySessions', { expect: 401, as: victim })).toConform({ because: 'traq:revokeMySession.ends-session' });
  });

  test('400 for a session id that is not a UUID', { annotation: req('traq:revokeMySession#400') }, async ({ traq, data }) => {
    const session = await traq.session();
    expect(await traq.call('revokeMySession', { expect: 400, as: session, params: { sessionId: `not-a-uuid-${data.string.alphanumeric(8)}` } })).toConform();
  });

  test('401 with a challenge without credentials', { annotation: req('traq:revokeMySession#401', 'RFC9110-15.5.2') }, async ({ traq, data }) => {
    expect(await traq.call('revokeMySession', { expect: 401, as: anonymous, params: { sessionId: data.string.uuid() } })).toConform();
  });
});

import { needState } from '../../engine/preconditions.ts';
import { anonymous, expect, finding, req, test, violation } from './fixtures.ts';

test.describe('getMySessions  GET /users/me/sessions', () => {
  test('200 with the caller\'s sessions as LoginSession[]', { annotation: req('traq:getMySessions#200') }, async ({ traq }) => {
    const session = await traq.session();
    expect(await traq.call('getMySessions', { expect: 200, as: session })).toConform();
  });

  test('200 with a bearer token', { annotation: req('traq:getMySessions#200') }, async ({ traq }) => {
    expect(await traq.call('getMySessions', { expect: 200, as: traq.bearer() })).toConform();
  });

  test('the list holds the session just created', { annotation: req('traq:getMySessions.lists-own-session') }, async ({ traq, run }, info) => {
    needState(run, 'traq', info, 'a new session appears in the list');
    const observer = await traq.session();
    const before = await traq.sessionIds(observer);
    await traq.session();
    const after = await traq.sessionIds(observer);
    const added = after.filter((id) => !before.includes(id));
    expect(finding('traq:getMySessions.lists-own-session', traq.client.exchanges.slice(-3), added.length === 0
      ? [violation('lists_new_session', 'a login did not add a session to the list', { expected: `${before.length + 1} or more sessions, one of them new`, received: `${after.length}, none new` })]
      : [])).toConform();
  });

  test('401 with a challenge without credentials', { annotation: req('traq:getMySessions#401', 'RFC9110-15.5.2') }, async ({ traq }) => {
    expect(await traq.call('getMySessions', { expect: 401, as: anonymous })).toConform();
  });

  test('401 with a challenge for a session cookie the server never issued', { annotation: req('traq:getMySessions#401', 'RFC9110-15.5.2') }, async ({ traq, data }) => {
    const forged = { label: 'forged session cookie', headers: { cookie: `r_session=${data.string.alphanumeric(36)}` } };
    expect(await traq.call('getMySessions', { expect: 401, as: forged })).toConform();
  });

  test('401 with a challenge for a bearer token the server never issued', { annotation: req('traq:getMySessions#401', 'RFC9110-15.5.2') }, async ({ traq, data }) => {
    const forged = { label: 'forged bearer token', headers: { authorization: `Bearer ${data.string.alphanumeric(36)}` } };
    expect(await traq.call('getMySessions', { expect: 401, as: forged })).toConform();
  });
});

import { effectUnjudged, expect, expectRefused, expectRefusedOrNoOp, finding, req, test, unaffectedByOther } from './fixtures.ts';

test.describe('revokeMySession  DELETE /users/me/sessions/{sessionId}', () => {
  test('204 for a session id that does not exist (documented)', { annotation: req('traq:revokeMySession#204', 'RFC9110-15.3.5') }, async ({ traq, data }) => {
    const session = await traq.session();
    expect(await traq.call('revokeMySession', { expect: 204, as: session, params: { sessionId: data.string.uuid() } })).toConform();
  });

  test('204 for an own session, which then no longer authenticates', { annotation: req('traq:revokeMySession#204', 'traq:revokeMySession.ends-session') }, async ({ traq }) => {
    traq.needState('a revoked session stops working');
    const keeper = await traq.session();
    const { session: victim, id } = await traq.listedSession(keeper);
    expect(await traq.call('revokeMySession', { expect: 204, as: keeper, params: { sessionId: id } })).toConform();
    expectRefused(await traq.call('getMySessions', { expect: 401, as: victim }), 'traq:revokeMySession.ends-session');
  });

  test('B naming A\'s session id ends nothing: A\'s session still authenticates and is still listed', { annotation: req('traq:revokeMySession.only-own', 'traq:revokeMySession.other-user-answered') }, async ({ traq }) => {
    traq.needState('a session survives another user\'s request');
    // A's session under attack is one this test opens (and ends at teardown); an observer session of A finds its id.
    const observer = await traq.session();
    const { session: victim, id } = await traq.listedSession(observer);
    const b = await traq.second();
    const worked = await traq.works(victim);
    const attack = await traq.call('revokeMySession', { expect: 204, as: b, params: { sessionId: id } });
    expectRefusedOrNoOp(attack, 'traq:revokeMySession.other-user-answered', 204);
    const works = await traq.works(victim);
    const listed = (await traq.sessionIds(observer)).includes(id);
    const authenticating = { object: 'A\'s session', loss: 'stopped authenticating', before: worked, after: works };
    const listing = { object: 'A\'s session', loss: 'disappeared from A\'s list', before: true, after: listed };
    expect(finding('traq:revokeMySession.only-own', traq.client.exchanges.slice(-4),
      [...unaffectedByOther(authenticating), ...unaffectedByOther(listing)],
      effectUnjudged(authenticating))).toConform();
  });

  // No scenario for a sessionId that is not a UUID: the document names no status for it, and traQ
  // itself reads such an id as the nil UUID and answers 204.
});

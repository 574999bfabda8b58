import { unaffectedByOther, effectUnjudged } from '../../engine/checks/cross-identity.ts';
import { expect, expectRefused, finding, req, SECOND_CREDENTIALS, test, unknownTokenId } from './fixtures.ts';

test.describe('deleteApiToken  DELETE /user/tokens/{api_token_id}', () => {
  test('204 for one of the caller\'s tokens', { annotation: req('semaphore:deleteApiToken#204', 'RFC9110-15.3.5') }, async ({ semaphore }) => {
    const token = await semaphore.token();
    expect(await semaphore.deleteToken(token.owner, token.id, { expect: 204 })).toConform();
  });

  test('afterwards the expired token no longer authenticates', { annotation: req('semaphore:deleteApiToken#204', 'semaphore:deleteApiToken.token-revoked') }, async ({ semaphore }) => {
    semaphore.needState('an expired token stops working');
    const token = await semaphore.token();
    expect(await semaphore.deleteToken(token.owner, token.id, { expect: 204 })).toConform();
    expectRefused(await semaphore.call('listApiTokens', { expect: 401, as: token.bearer }), 'semaphore:deleteApiToken.token-revoked');
  });

  test('204 or a 4xx for an id that names none of the caller\'s tokens', { annotation: req('semaphore:deleteApiToken.unknown-id') }, async ({ semaphore, data }) => {
    const session = await semaphore.session();
    // Semaphore answers 204 on PostgreSQL and 404 on bolt; the document lists 204 and no refusal.
    const ex = await semaphore.deleteToken(session, unknownTokenId(data), { expect: 204 });
    const status = ex.response?.status;
    if (status === 204) return expect(ex).toConform({ because: 'semaphore:deleteApiToken.unknown-id' });
    expectRefused(ex, 'semaphore:deleteApiToken.unknown-id');
  });
});

test.describe('deleteApiToken  DELETE /user/tokens/{api_token_id}, by another user', () => {
  for (const second of SECOND_CREDENTIALS) {
    test(`another user's ${second.kind} naming A's token leaves it working, and gets 204 or a 4xx`, { annotation: req('semaphore:deleteApiToken.foreign-id', 'semaphore:deleteApiToken.only-own') }, async ({ semaphore }) => {
      semaphore.needState('another user\'s request leaves A\'s token as it was');
      // B first: without the second user's variables the test skips before it creates anything.
      const b = await second.of(semaphore);
      const a = await semaphore.token();
      const before = [await semaphore.probe(a.bearer), await semaphore.listsUnexpired(a.owner, a.id)];
      const ex = await semaphore.deleteToken(b, a.id, { expect: 204 });
      const after = [await semaphore.probe(a.bearer), await semaphore.listsUnexpired(a.owner, a.id)];
      // The document lists only 204 (a no-op for someone else's id, as Semaphore on PostgreSQL answers); a refusal is any 4xx.
      if (ex.response?.status === 204) expect.soft(ex).toConform({ because: 'semaphore:deleteApiToken.foreign-id' });
      else expect.soft({ ...ex, expectedStatus: '4XX' as const }).toConform({ because: 'semaphore:deleteApiToken.foreign-id' });
      const effects = [
        { object: 'A\'s API token', loss: 'stopped authenticating', before: before[0]!.works, after: after[0]!.works },
        { object: 'A\'s API token', loss: 'was gone or expired in A\'s list', before: before[1]!.works, after: after[1]!.works },
      ];
      const exchanges = [ex, ...after.map((p) => p.exchange)];
      expect(finding('semaphore:deleteApiToken.only-own', exchanges, effects.flatMap(unaffectedByOther), effects.map(effectUnjudged).find((r) => r !== undefined))).toConform();
    });
  }
});

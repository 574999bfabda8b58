import { listsNoneOf } from '../../engine/checks/cross-identity.ts';
import { expect, finding, req, SECOND_CREDENTIALS, test, tokenIds } from './fixtures.ts';

test.describe('listApiTokens  GET /user/tokens, by another user', () => {
  for (const second of SECOND_CREDENTIALS) {
    test(`another user's ${second.kind} lists none of A's tokens`, { annotation: req('semaphore:listApiTokens#200', 'semaphore:listApiTokens.only-own') }, async ({ semaphore }) => {
      semaphore.needState('each user sees only their own tokens (it answers every list with the contract\'s example)');
      const b = await second.of(semaphore);
      const a = await semaphore.token();
      const ex = await semaphore.call('listApiTokens', { expect: 200, as: b });
      expect(ex).toConform();
      // A credential of B that was answered as A would list A's token here too.
      expect(finding('semaphore:listApiTokens.only-own', [ex], listsNoneOf(`B's list (with B's ${second.kind})`, tokenIds(ex), [a.id], 'API tokens'))).toConform();
    });
  }
});

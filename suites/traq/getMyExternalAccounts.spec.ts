import { expect, finding, listsNoneOf, req, test } from './fixtures.ts';

test.describe('getMyExternalAccounts  GET /users/me/ex-accounts', () => {
  test('B\'s list shows none of the accounts linked to A', { annotation: req('traq:getMyExternalAccounts.only-own') }, async ({ traq }) => {
    traq.needState('a list holds only the caller\'s linked accounts');
    const a = await traq.session();
    const b = await traq.second();
    const mine = await traq.linkedAccounts(a);
    const shown = await traq.linkedAccounts(b);
    // An A with no linked account has nothing that could leak: the test then shows nothing either way.
    expect(finding('traq:getMyExternalAccounts.only-own', traq.client.exchanges.slice(-2), listsNoneOf('B\'s list of linked accounts', shown, mine, 'linked accounts'),
      mine.length === 0 ? 'not judged: A (TRAQ_USERNAME) has no linked external account that B\'s list could show' : undefined)).toConform();
  });
});

import { anonymous, expect, expectRefused, req, test } from './fixtures.ts';

test.describe('getMyExternalAccounts  GET /users/me/ex-accounts', () => {
  test('200 with the linked accounts as ExternalProviderUser[]', { annotation: req('traq:getMyExternalAccounts#200') }, async ({ traq }) => {
    const session = await traq.session();
    expect(await traq.call('getMyExternalAccounts', { expect: 200, as: session })).toConform();
  });

  test('refused without credentials', { annotation: req('traq:getMyExternalAccounts.requires-credentials') }, async ({ traq }) => {
    expectRefused(await traq.call('getMyExternalAccounts', { expect: 401, as: anonymous }), 'traq:getMyExternalAccounts.requires-credentials');
  });
});

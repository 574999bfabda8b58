import { anonymous, expect, req, test } from './fixtures.ts';

test.describe('getMyExternalAccounts  GET /users/me/ex-accounts', () => {
  test('200 with the linked accounts as ExternalProviderUser[]', { annotation: req('traq:getMyExternalAccounts#200') }, async ({ traq }) => {
    const session = await traq.session();
    expect(await traq.call('getMyExternalAccounts', { expect: 200, as: session })).toConform();
  });

  test('401 with a challenge without credentials', { annotation: req('traq:getMyExternalAccounts#401', 'RFC9110-15.5.2') }, async ({ traq }) => {
    expect(await traq.call('getMyExternalAccounts', { expect: 401, as: anonymous })).toConform();
  });
});

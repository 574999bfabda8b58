import { anonymous, bearer, expect, req, test } from './fixtures.ts';

test.describe('listApiTokens  GET /user/tokens', () => {
  test('200 with the caller\'s tokens as APIToken[] for a session cookie', { annotation: req('semaphore:listApiTokens#200', 'ASVS-8.2.1') }, async ({ semaphore }) => {
    const session = await semaphore.session();
    expect(await semaphore.call('listApiTokens', { expect: 200, as: session })).toConform();
  });

  test('200 with the caller\'s tokens as APIToken[] for an API token', { annotation: req('semaphore:listApiTokens#200', 'ASVS-8.2.1') }, async ({ semaphore }) => {
    const token = await semaphore.token();
    expect(await semaphore.call('listApiTokens', { expect: 200, as: token.bearer })).toConform();
  });

  test('401 with a challenge without credentials', { annotation: req('semaphore:listApiTokens#401', 'RFC9110-15.5.2') }, async ({ semaphore }) => {
    expect(await semaphore.call('listApiTokens', { expect: 401, as: anonymous })).toConform();
  });

  test('401 with a challenge for a session cookie the server never issued', { annotation: req('semaphore:listApiTokens#401', 'RFC9110-15.5.2') }, async ({ semaphore, data }) => {
    const forged = { label: 'forged session cookie', headers: { cookie: `semaphore=${data.string.alphanumeric(64)}` } };
    expect(await semaphore.call('listApiTokens', { expect: 401, as: forged })).toConform();
  });

  test('401 with a challenge for an API token the server never issued', { annotation: req('semaphore:listApiTokens#401', 'RFC9110-15.5.2') }, async ({ semaphore, data }) => {
    expect(await semaphore.call('listApiTokens', { expect: 401, as: bearer(data.string.alphanumeric({ length: 44, casing: 'lower' })) })).toConform();
  });
});

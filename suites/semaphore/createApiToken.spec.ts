import { anonymous, bearer, expect, expectRefused, req, test, tokenIds } from './fixtures.ts';

test.describe('createApiToken  POST /user/tokens', () => {
  test('201 with the new APIToken for a session cookie', { annotation: req('semaphore:createApiToken#201', 'ASVS-8.2.1') }, async ({ semaphore }) => {
    const session = await semaphore.session();
    expect(await semaphore.createToken(session, { expect: 201 })).toConform();
  });

  test('the new token authenticates GET /user/tokens as a bearer token', { annotation: req('semaphore:createApiToken#201', 'semaphore:createApiToken.token-works', 'semaphore:listApiTokens#200') }, async ({ semaphore }) => {
    const session = await semaphore.session();
    const created = await semaphore.createToken(session, { expect: 201 });
    expect(created).toConform();
    const [id] = tokenIds(created);
    expect(await semaphore.call('listApiTokens', { expect: 200, as: bearer(id!) })).toConform({ because: 'semaphore:createApiToken.token-works' });
  });

  test('refused without credentials', { annotation: req('semaphore:createApiToken.requires-credentials') }, async ({ semaphore }) => {
    expectRefused(await semaphore.createToken(anonymous, { expect: 401 }), 'semaphore:createApiToken.requires-credentials');
  });

  test('refused for a session cookie the server never issued', { annotation: req('semaphore:createApiToken.requires-credentials') }, async ({ semaphore, data }) => {
    semaphore.needState('a cookie it never issued is refused (it checks only that one is present)');
    const forged = { label: 'forged session cookie', headers: { cookie: `semaphore=${data.string.alphanumeric(64)}` } };
    expectRefused(await semaphore.createToken(forged, { expect: 401 }), 'semaphore:createApiToken.requires-credentials');
  });

  test('refused for an API token the server never issued', { annotation: req('semaphore:createApiToken.requires-credentials') }, async ({ semaphore, data }) => {
    semaphore.needState('a token it never issued is refused (it checks only that one is present)');
    expectRefused(await semaphore.createToken(bearer(data.string.alphanumeric({ length: 44, casing: 'lower' })), { expect: 401 }), 'semaphore:createApiToken.requires-credentials');
  });
});

import { bearer, expect, req, test, tokenIds } from './fixtures.ts';

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
});

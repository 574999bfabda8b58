import { expect, finding, providerIds, req, test, violation } from './fixtures.ts';

test.describe('getLoginMetadata  GET /auth/login', () => {
  test('200 with the login metadata as LoginMetadata, without credentials', { annotation: req('semaphore:getLoginMetadata#200') }, async ({ semaphore }) => {
    expect(await semaphore.call('getLoginMetadata', { expect: 200 })).toConform();
  });

  test('the configured OIDC provider is among oidc_providers', { annotation: req('semaphore:getLoginMetadata#200', 'semaphore:getLoginMetadata.lists-provider') }, async ({ semaphore }) => {
    const provider = semaphore.oidcProvider();
    const ex = await semaphore.call('getLoginMetadata', { expect: 200 });
    expect(ex).toConform();
    const listed = providerIds(ex);
    expect(finding('semaphore:getLoginMetadata.lists-provider', [ex], listed.includes(provider)
      ? []
      : [violation('lists_provider', `the configured provider ${provider} is not listed`, { expected: `an entry with id ${provider}`, received: listed.length ? `ids ${listed.join(', ')}` : 'no provider' })])).toConform();
  });
});

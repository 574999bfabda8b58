import { needState } from '../../engine/preconditions.ts';
import { expect, finding, req, test, toAuthorizationRequest, toLoginPage } from './fixtures.ts';

test.describe('startOidcLogin  GET /auth/oidc/{provider_id}/login', () => {
  test('307 to the provider\'s authorization request (client_id, redirect_uri, state) for a configured provider', { annotation: req('semaphore:startOidcLogin#307', 'semaphore:startOidcLogin.to-provider') }, async ({ semaphore }) => {
    const provider = semaphore.oidcProvider();
    const ex = await semaphore.call('startOidcLogin', { expect: 307, params: { provider_id: provider } });
    expect(ex).toConform();
    expect(finding('semaphore:startOidcLogin.to-provider', [ex], toAuthorizationRequest(ex))).toConform();
  });

  test('307 with a Location for a provider the server does not know', { annotation: req('semaphore:startOidcLogin#307') }, async ({ semaphore, data }) => {
    expect(await semaphore.call('startOidcLogin', { expect: 307, params: { provider_id: `cf-unknown-${data.string.alphanumeric(10)}` } })).toConform();
  });

  test('a provider the server does not know is sent to the login page', { annotation: req('semaphore:startOidcLogin#307', 'semaphore:startOidcLogin.unknown-to-login') }, async ({ semaphore, run, data }, info) => {
    needState(run, 'semaphore', info, 'an unknown provider goes to the login page (it knows no providers and answers every one with the contract\'s example redirect)');
    const ex = await semaphore.call('startOidcLogin', { expect: 307, params: { provider_id: `cf-unknown-${data.string.alphanumeric(10)}` } });
    expect(ex).toConform();
    expect(finding('semaphore:startOidcLogin.unknown-to-login', [ex], toLoginPage(ex))).toConform();
  });
});

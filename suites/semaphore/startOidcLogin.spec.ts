import type { Faker } from '@faker-js/faker';
import { REDIRECT_ATTACKS } from '../../engine/attacks/redirects.ts';
import { expect, finding, req, test, toAuthorizationRequest, toLoginPage, type Semaphore } from './fixtures.ts';

/**
 * Where a sign-in goes afterwards: the document names no parameter for it, but Semaphore reads
 * `?redirect=` here (api/login.go line 418 at the pinned commit) and puts it into the
 * authorization request's redirect_uri. Both the provider's redirect and the error path's are judged.
 */
const STARTS: readonly { which: string; provider: (semaphore: Semaphore, data: Faker) => string }[] = [
  { which: 'a configured provider', provider: (semaphore) => semaphore.oidcProvider() },
  { which: 'an unknown provider', provider: (_semaphore, data) => `cf-unknown-${data.string.alphanumeric(10)}` },
];

test.describe('startOidcLogin  GET /auth/oidc/{provider_id}/login', () => {
  test('302 to the provider\'s authorization request (client_id, redirect_uri) for a configured provider', { annotation: req('semaphore:startOidcLogin#302', 'RFC9110-10.2.2', 'semaphore:startOidcLogin.to-provider') }, async ({ semaphore }) => {
    const provider = semaphore.oidcProvider();
    const ex = await semaphore.call('startOidcLogin', { expect: 302, params: { provider_id: provider } });
    expect(ex).toConform();
    expect(finding('semaphore:startOidcLogin.to-provider', [ex], toAuthorizationRequest(ex))).toConform();
  });

  test('302 for a provider the server does not know', { annotation: req('semaphore:startOidcLogin#302', 'RFC9110-10.2.2') }, async ({ semaphore, data }) => {
    expect(await semaphore.call('startOidcLogin', { expect: 302, params: { provider_id: `cf-unknown-${data.string.alphanumeric(10)}` } })).toConform();
  });

  test('a provider the server does not know is sent to the login page', { annotation: req('semaphore:startOidcLogin#302', 'semaphore:startOidcLogin.unknown-to-login') }, async ({ semaphore, data }) => {
    semaphore.needState('an unknown provider goes to the login page (it knows no providers and answers every one with the contract\'s example redirect)');
    const ex = await semaphore.call('startOidcLogin', { expect: 302, params: { provider_id: `cf-unknown-${data.string.alphanumeric(10)}` } });
    expect(ex).toConform();
    expect(finding('semaphore:startOidcLogin.unknown-to-login', [ex], toLoginPage(ex))).toConform();
  });

  for (const start of STARTS) {
    for (const attack of REDIRECT_ATTACKS) {
      test(`?redirect= with ${attack.name} leads nowhere else, for ${start.which}`, { annotation: req('ASVS-5.1.5') }, async ({ semaphore, data }) => {
        const ex = await semaphore.call('startOidcLogin', { expect: 302, params: { provider_id: start.provider(semaphore, data) }, query: { redirect: attack.value } });
        expect(ex).toConform({ only: ['ASVS-5.1.5'] });
      });
    }
  }
});

import type { Exchange } from '../../engine/http/exchange.ts';
import { expect, finding, req, setsNoSession, test, toLoginPage, type Semaphore } from './fixtures.ts';

/** The callback was refused: it logs nobody in and sends the browser to the login page. */
const refused = (semaphore: Semaphore, ex: Exchange) =>
  finding('semaphore:finishOidcLogin.rejects-bad-state', [ex], [...setsNoSession(ex, semaphore.contract), ...toLoginPage(ex)]);

test.describe('finishOidcLogin  GET /auth/oidc/{provider_id}/redirect', () => {
  test('302 to the login page, and no session, for a callback without a state', { annotation: req('semaphore:finishOidcLogin#302', 'RFC9110-10.2.2', 'semaphore:finishOidcLogin.rejects-bad-state') }, async ({ semaphore, data }) => {
    const provider = semaphore.oidcProvider();
    const ex = await semaphore.call('finishOidcLogin', { expect: 302, params: { provider_id: provider }, query: { code: data.string.alphanumeric(32) } });
    expect(ex).toConform();
    expect(refused(semaphore, ex)).toConform();
  });

  test('302 to the login page, and no session, for a state the server never issued', { annotation: req('semaphore:finishOidcLogin#302', 'RFC9110-10.2.2', 'semaphore:finishOidcLogin.rejects-bad-state') }, async ({ semaphore, data }) => {
    const provider = semaphore.oidcProvider();
    const ex = await semaphore.call('finishOidcLogin', { expect: 302, params: { provider_id: provider }, query: { state: data.string.alphanumeric(24), code: data.string.alphanumeric(32) } });
    expect(ex).toConform();
    expect(refused(semaphore, ex)).toConform();
  });

  test('302 to the login page, and no session, for the state issued to another browser', { annotation: req('semaphore:finishOidcLogin#302', 'RFC9110-10.2.2', 'semaphore:finishOidcLogin.rejects-bad-state') }, async ({ semaphore, data }) => {
    semaphore.needState('a state it issued is refused without the browser that holds it');
    const provider = semaphore.oidcProvider();
    const issued = await semaphore.oidcState(provider);
    // The state comes back without the state cookie that binds it to the browser it was issued to.
    const ex = await semaphore.call('finishOidcLogin', { expect: 302, params: { provider_id: provider }, query: { state: issued, code: data.string.alphanumeric(32) } });
    expect(ex).toConform();
    expect(refused(semaphore, ex)).toConform();
  });

  test('302 to the login page, and no session, for a provider the server does not know', { annotation: req('semaphore:finishOidcLogin#302', 'RFC9110-10.2.2', 'semaphore:finishOidcLogin.rejects-bad-state') }, async ({ semaphore, data }) => {
    const ex = await semaphore.call('finishOidcLogin', { expect: 302, params: { provider_id: `cf-unknown-${data.string.alphanumeric(10)}` }, query: { state: data.string.alphanumeric(24), code: data.string.alphanumeric(32) } });
    expect(ex).toConform();
    expect(refused(semaphore, ex)).toConform();
  });
});

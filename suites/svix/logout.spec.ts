import { effectOnCredential, expect, finding, idempotencyKey, req, test, violation } from './fixtures.ts';
import type { Exchange } from '../../engine/http/exchange.ts';

/** Every scenario that sends logout with the organisation token: a server that got it wrong would end that token. */
const RISKS_ORG_TOKEN = 'logout with the organisation token (SVIX_TOKEN) would end it, should the server wrongly accept it';

test.describe('logout  POST /api/v1/auth/logout/', () => {
  test('204 for an app-portal token the run obtained', { annotation: req('svix:logout#204', 'RFC9110-15.3.5') }, async ({ svix }) => {
    const portal = await svix.portalToken();
    expect(await svix.call('logout', { expect: 204, as: portal })).toConform();
  });

  test('afterwards the logged-out token no longer authenticates', { annotation: req('svix:logout#204', 'svix:logout.ends-token', 'svix:logout#401', 'RFC9110-15.5.2') }, async ({ svix }) => {
    svix.needState('a logged-out token stops working');
    const portal = await svix.portalToken();
    expect(await svix.call('logout', { expect: 204, as: portal })).toConform();
    expect(await svix.call('logout', { expect: 401, as: portal })).toConform({ because: 'svix:logout.ends-token' });
  });

  test('B logging out its own token (of SVIX_SECOND_APP_ID) leaves A\'s token (of SVIX_APP_ID) working', { annotation: req('svix:logout.only-own') }, async ({ svix }) => {
    svix.needState('one token\'s logout leaves another working');
    const other = svix.secondAppId();
    const a = await svix.portalToken();
    const b = await svix.portalToken(other);
    const before = await svix.probe(a);
    const out = await svix.call('logout', { expect: 204, as: b });
    const after = await svix.probe(a);
    const effect = effectOnCredential('svix:logout.only-own', 'A\'s app-portal token', before, [out], after);
    // A logout that did not happen cannot show what it does to other tokens (logout#204 is judged elsewhere).
    if (effect.violations.length === 0) svix.step(out, 204, 'B\'s logout of its own token');
    expect(effect).toConform();
  });

  test('logging out the organisation token fails, with 403', { annotation: req('svix:logout.refuses-other-tokens', 'svix:logout#403') }, async ({ svix }) => {
    svix.needDestructive(RISKS_ORG_TOKEN);
    const ex = await svix.call('logout', { expect: 403, as: svix.org });
    // Upstream says only that it fails: any refusal conforms, and 403 (upstream's Forbidden) is the reading we warn on.
    expect(finding('svix:logout.refuses-other-tokens', [ex], notAccepted(ex))).toConform();
    expect(ex).toConform();
  });

  test('the organisation token still works after the refused logout', { annotation: req('svix:logout.refuses-other-tokens', 'svix:dashboardAccess#200') }, async ({ svix }) => {
    svix.needState('the organisation token outlives an attempt to log it out');
    svix.needDestructive(RISKS_ORG_TOKEN);
    const ex = await svix.call('logout', { expect: 403, as: svix.org });
    expect(finding('svix:logout.refuses-other-tokens', [ex], notAccepted(ex))).toConform();
    expect(await svix.portalAccess({ expect: 200 })).toConform({ because: 'svix:logout.refuses-other-tokens' });
  });

  test('409 when the idempotency key was already used for a different request', { annotation: req('svix:logout#409') }, async ({ svix, data }) => {
    // Only the organisation token can make a successful request other than logout, so only it can reuse a key here.
    svix.needDestructive(RISKS_ORG_TOKEN);
    const key = idempotencyKey(data);
    svix.step(await svix.portalAccess({ expect: 200, idempotencyKey: key }), 200, 'dashboard-access with a fresh idempotency key');
    // Should the key be ignored, a conforming server refuses to log out the organisation token (403).
    expect(await svix.call('logout', { expect: 409, as: svix.org, headers: { 'idempotency-key': key } })).toConform();
  });

  test('429 once the caller exceeds the rate limit', { annotation: req('svix:logout#429') }, async ({ svix }) => {
    svix.needDestructive(RISKS_ORG_TOKEN);
    // The organisation token: a conforming server refuses each request (upstream names no status) and ends nothing.
    expect(await svix.rateLimited('logout', (status) => status >= 400 && status < 500, { as: svix.org })).toConform();
  });
});

/** A refusal, whatever its status: a 2xx (or no answer) claims a logout upstream says must fail. */
function notAccepted(ex: Exchange) {
  const status = ex.response?.status;
  return status !== undefined && status >= 400 ? [] : [violation('logout_refused', 'logout with the organisation token was not refused', { expected: 'a 4xx (upstream: logging out other tokens fails)', received: status === undefined ? `no answer (${ex.error})` : String(status) })];
}

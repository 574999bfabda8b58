import { precondition } from '../../engine/preconditions.ts';
import { expectRefused } from '../../engine/test.ts';
import { accessFrom, appIdOutsidePattern, expect, finding, idempotencyKey, req, test, unknownAppId, violation } from './fixtures.ts';

test.describe('dashboardAccess  POST /api/v1/auth/dashboard-access/{app_id}/', () => {
  test('200 with a new app-portal token and its login URL as DashboardAccessOut', { annotation: req('svix:dashboardAccess#200', 'ASVS-8.2.1') }, async ({ svix }) => {
    expect(await svix.portalAccess({ expect: 200 })).toConform();
  });

  test('the same request with the same idempotency key gets the first response back', { annotation: req('svix:dashboardAccess#200', 'svix:dashboardAccess.idempotent-replay') }, async ({ svix, data }) => {
    svix.needState('a replay returns the first token (it answers every request with the example)');
    const key = idempotencyKey(data);
    const first = await svix.portalAccess({ expect: 200, idempotencyKey: key });
    expect(first).toConform();
    const again = await svix.portalAccess({ expect: 200, idempotencyKey: key });
    expect(again).toConform({ because: 'svix:dashboardAccess.idempotent-replay' });
    const [a, b] = [accessFrom(first), accessFrom(again)];
    const same = a.token !== undefined && a.token === b.token && a.url === b.url;
    expect(finding('svix:dashboardAccess.idempotent-replay', [first, again], same ? [] : [
      violation('idempotent_replay', 'the repeated request minted new portal access instead of replaying the first response', { expected: 'the first response\'s token and url', received: 'a different token or url' }),
    ])).toConform();
  });

  test('a response kept for an idempotency key is not replayed to another token that sends the key', { annotation: req('svix:dashboardAccess.replay-only-to-caller') }, async ({ svix, data }, info) => {
    svix.needState('a kept response goes back only to its caller (it replays the example to anyone)');
    const b = await svix.portalToken();
    const key = idempotencyKey(data);
    const first = await svix.portalAccess({ expect: 200, idempotencyKey: key });
    const kept = accessFrom(first).token;
    precondition(first.response?.status === 200 && kept !== undefined, info, `dashboard-access with a fresh idempotency key got ${first.response?.status ?? first.error} without a token; see svix:dashboardAccess#200`);
    // The same request as the organisation's, with its key, from B (whether B may call it at all is judged by svix:dashboardAccess#403).
    const again = await svix.call('dashboardAccess', { expect: 403, as: b, params: { app_id: svix.appId }, headers: { 'idempotency-key': key } });
    const leaked = accessFrom(again).token === kept;
    expect(finding('svix:dashboardAccess.replay-only-to-caller', [first, again], leaked ? [
      violation('replayed_to_other_identity', 'B got the response kept for the organisation\'s request, with the portal token minted for it', { expected: 'no response kept for another caller', received: `${again.response?.status} carrying the organisation's portal token` }),
    ] : [])).toConform();
  });

  test('an app-portal token of another application (SVIX_SECOND_APP_ID) gets no portal access to SVIX_APP_ID', { annotation: req('svix:dashboardAccess.app-token-only-own-app') }, async ({ svix }) => {
    svix.needState('a token of one application is refused on another (it mints for any token)');
    const b = await svix.portalToken(svix.secondAppId());
    const ex = await svix.call('dashboardAccess', { expect: 403, as: b, params: { app_id: svix.appId } });
    const minted = accessFrom(ex).token !== undefined;
    // Upstream names no status for it: any refusal (403 as for any portal token, 404 as if the application were not there).
    expectRefused(ex, 'svix:dashboardAccess.app-token-only-own-app', minted ? [
      violation('acts_on_other_application', 'B\'s app-portal token got portal access to A\'s application', { expected: 'a refusal, and no token', received: `${ex.response?.status} with a new portal token for SVIX_APP_ID` }),
    ] : []);
  });

  test('403 for an app-portal token, which may not mint portal access', { annotation: req('svix:dashboardAccess#403') }, async ({ svix }) => {
    const portal = await svix.portalToken();
    expect(await svix.call('dashboardAccess', { expect: 403, as: portal, params: { app_id: svix.appId } })).toConform();
  });

  test('404 for an application that does not exist', { annotation: req('svix:dashboardAccess#404') }, async ({ svix, data }) => {
    expect(await svix.portalAccess({ expect: 404, appId: unknownAppId(data) })).toConform();
  });

  test('409 when the idempotency key was already used for a different request', { annotation: req('svix:dashboardAccess#409') }, async ({ svix, data }) => {
    const key = idempotencyKey(data);
    svix.step(await svix.portalAccess({ expect: 200, idempotencyKey: key }), 200, 'dashboard-access with a fresh idempotency key');
    expect(await svix.portalAccess({ expect: 409, appId: unknownAppId(data), idempotencyKey: key })).toConform();
  });

  test('422 for an app_id that breaks the pattern', { annotation: req('svix:dashboardAccess#422') }, async ({ svix, data }) => {
    expect(await svix.portalAccess({ expect: 422, appId: appIdOutsidePattern(data) })).toConform();
  });

  test('422 for an app_id longer than 256 characters', { annotation: req('svix:dashboardAccess#422') }, async ({ svix, data }) => {
    expect(await svix.portalAccess({ expect: 422, appId: `app_${data.string.alphanumeric(253)}` })).toConform();
  });

  test('429 once the caller exceeds the rate limit', { annotation: req('svix:dashboardAccess#429') }, async ({ svix, data }) => {
    // An unknown application: each request is refused with 404 and mints nothing.
    expect(await svix.rateLimited('dashboardAccess', 404, { as: svix.org, params: { app_id: unknownAppId(data) } })).toConform();
  });
});

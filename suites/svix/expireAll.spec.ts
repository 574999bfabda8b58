import { expectRefused } from '../../engine/test.ts';
import { appIdOutsidePattern, effectOnCredential, expect, idempotencyKey, req, test, unknownAppId, LATEST, MAX_EXPIRY } from './fixtures.ts';

/** The API cannot list an application's portal tokens, so expire-all on SVIX_APP_ID may end tokens the run did not create. */
const ENDS_FOREIGN_TOKENS = 'expire-all ends every app-portal token of SVIX_APP_ID, including ones this run did not create, and the API offers no way to list them first';
/** A refusal scenario aimed at SVIX_APP_ID: a server that wrongly accepted it would expire tokens this run did not create. */
const RISKS_FOREIGN_TOKENS = 'a server that wrongly accepted this request would expire every app-portal token of SVIX_APP_ID, including ones this run did not create';

test.describe('expireAll  POST /api/v1/auth/app/{app_id}/expire-all/', () => {
  test('204 for the organisation token and an expiry within 0…259200', { annotation: req('svix:expireAll#204', 'RFC9110-15.3.5') }, async ({ svix, data }) => {
    svix.needDestructive(ENDS_FOREIGN_TOKENS);
    const expiry = data.number.int({ min: 0, max: MAX_EXPIRY });
    expect(await svix.call('expireAll', { expect: 204, as: svix.org, params: { app_id: svix.appId }, json: { expiry } })).toConform();
  });

  test('afterwards the application\'s existing portal tokens no longer authenticate', { annotation: req('svix:expireAll#204', 'svix:expireAll.expires-tokens', 'svix:logout#401', 'RFC9110-15.5.2') }, async ({ svix }) => {
    svix.needState('expired tokens stop working');
    svix.needDestructive(ENDS_FOREIGN_TOKENS);
    const portal = await svix.portalToken();
    expect(await svix.call('expireAll', { expect: 204, as: svix.org, params: { app_id: svix.appId }, json: { expiry: 0 } })).toConform();
    expect(await svix.call('logout', { expect: 401, as: portal })).toConform({ because: 'svix:expireAll.expires-tokens' });
  });

  test('expire-all for SVIX_APP_ID leaves the tokens of another application (SVIX_SECOND_APP_ID) working', { annotation: req('svix:expireAll.only-that-app') }, async ({ svix }) => {
    svix.needState('another application\'s tokens outlive expire-all');
    const other = svix.secondAppId();
    svix.needDestructive(ENDS_FOREIGN_TOKENS);
    // A: a token of the other application; B: the organisation expiring SVIX_APP_ID's tokens at once.
    const a = await svix.portalToken(other);
    const before = await svix.probe(a);
    const ex = await svix.call('expireAll', { expect: 204, as: svix.org, params: { app_id: svix.appId }, json: { expiry: 0 } });
    const after = await svix.probe(a);
    const effect = effectOnCredential('svix:expireAll.only-that-app', 'A\'s app-portal token (of the other application)', before, [ex], after);
    // An expire-all that did not happen cannot show whom it reaches (expireAll#204 is judged elsewhere).
    if (effect.violations.length === 0) svix.step(ex, 204, 'expire-all for SVIX_APP_ID');
    expect(effect).toConform();
  });

  test('an app-portal token of another application (SVIX_SECOND_APP_ID) cannot expire SVIX_APP_ID\'s tokens', { annotation: req('svix:expireAll.app-token-only-own-app') }, async ({ svix }) => {
    svix.needState('a token of one application leaves another application\'s tokens alone');
    const other = svix.secondAppId();
    svix.needDestructive(RISKS_FOREIGN_TOKENS);
    const a = await svix.portalToken();
    const b = await svix.portalToken(other);
    const before = await svix.probe(a);
    // Expiry 0, so that a server which wrongly served it shows the effect at once.
    const attack = await svix.call('expireAll', { expect: 403, as: b, params: { app_id: svix.appId }, json: { expiry: 0 } });
    const after = await svix.probe(a);
    expect.soft(effectOnCredential('svix:expireAll.app-token-only-own-app', 'A\'s app-portal token', before, [attack], after)).toConform();
    // Upstream names no status for it: any refusal (403 as for any portal token, 404 as if the application were not there).
    expectRefused(attack, 'svix:expireAll.app-token-only-own-app');
  });

  test('403 for an app-portal token, which may not expire tokens', { annotation: req('svix:expireAll#403') }, async ({ svix }) => {
    // A portal token belongs to SVIX_APP_ID, and for an application that does not exist a server
    // may answer 404 first; so this one needs the real application, and the opt-in.
    svix.needDestructive(RISKS_FOREIGN_TOKENS);
    const portal = await svix.portalToken();
    expect(await svix.call('expireAll', { expect: 403, as: portal, params: { app_id: svix.appId }, json: LATEST })).toConform();
  });

  test('404 for an application that does not exist', { annotation: req('svix:expireAll#404') }, async ({ svix, data }) => {
    expect(await svix.call('expireAll', { expect: 404, as: svix.org, params: { app_id: unknownAppId(data) }, json: LATEST })).toConform();
  });

  test('409 when the idempotency key was already used for a different request', { annotation: req('svix:expireAll#409') }, async ({ svix, data }) => {
    const key = idempotencyKey(data);
    svix.step(await svix.portalAccess({ expect: 200, idempotencyKey: key }), 200, 'dashboard-access with a fresh idempotency key');
    // An unknown application: should the key be ignored, the request is refused with 404 and expires nothing.
    expect(await svix.call('expireAll', { expect: 409, as: svix.org, params: { app_id: unknownAppId(data) }, json: LATEST, headers: { 'idempotency-key': key } })).toConform();
  });

  test('422 for an expiry above 259200', { annotation: req('svix:expireAll#422') }, async ({ svix, data }) => {
    expect(await svix.refusedExpireAll({ json: { expiry: MAX_EXPIRY + 1 } }, data)).toConform();
  });

  test('422 for a negative expiry', { annotation: req('svix:expireAll#422') }, async ({ svix, data }) => {
    expect(await svix.refusedExpireAll({ json: { expiry: -1 } }, data)).toConform();
  });

  test('422 for an expiry that is not an integer', { annotation: req('svix:expireAll#422') }, async ({ svix, data }) => {
    // Not a numeral: even a server that coerces "60" to 60 must refuse it.
    expect(await svix.refusedExpireAll({ json: { expiry: data.word.sample() } }, data)).toConform();
  });

  test('422 when the body is missing', { annotation: req('svix:expireAll#422') }, async ({ svix, data }) => {
    expect(await svix.refusedExpireAll({}, data)).toConform();
  });

  test('422 for an app_id that breaks the pattern', { annotation: req('svix:expireAll#422') }, async ({ svix, data }) => {
    expect(await svix.call('expireAll', { expect: 422, as: svix.org, params: { app_id: appIdOutsidePattern(data) }, json: LATEST })).toConform();
  });

  test('422 for an app_id longer than 256 characters', { annotation: req('svix:expireAll#422') }, async ({ svix, data }) => {
    expect(await svix.call('expireAll', { expect: 422, as: svix.org, params: { app_id: `app_${data.string.alphanumeric(253)}` }, json: LATEST })).toConform();
  });

  test('429 once the caller exceeds the rate limit', { annotation: req('svix:expireAll#429') }, async ({ svix, data }) => {
    // An unknown application: each request is refused with 404 and expires nothing.
    expect(await svix.rateLimited('expireAll', 404, { as: svix.org, params: { app_id: unknownAppId(data) }, json: LATEST })).toConform();
  });
});

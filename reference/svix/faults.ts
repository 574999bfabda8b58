import type { Fault } from '../kit/types.ts';

/**
 * The defects the Svix reference server can be switched to, each with the MUST requirements a full
 * conformance run must fail against it (and no others) and the SHOULDs it must warn on.
 *
 * `catches` follows from the suites in suites/svix, whose scenarios are listed here. A test's steps
 * marked "setup" are preconditions: when one goes wrong the test is skipped, not failed. A test stops
 * at its first failed check, so what it would have judged afterwards is "not reached", not failed.
 * "mint T" is dashboard-access with the organisation token for SVIX_APP_ID (setup, needs 200); K is a
 * fresh idempotency key; "unknown" is a pattern-valid app id that does not exist.
 *   dashboardAccess#200 (+ASVS-8.2.1)  DA(org) → 200
 *   dashboardAccess.idempotent-replay  DA(org, K) → 200; DA(org, K) → 200 with the same token and url
 *   dashboardAccess#401  DA(no Authorization) → 401; DA(Bearer garbage) → 401 (+RFC9110-15.5.2)
 *   dashboardAccess#403  mint T; DA(T) → 403
 *   dashboardAccess#404  DA(org, unknown) → 404
 *   dashboardAccess#409  setup DA(org, K) → 200; DA(org, unknown, K) → 409
 *   dashboardAccess#422  DA(org, app id outside the pattern) → 422; DA(org, 257-character app id) → 422
 *   logout#204           mint T; LO(T) → 204
 *   logout.ends-token    mint T; LO(T) → 204; LO(T) → 401 (its shape judged as logout#401)
 *   logout.refuses-other-tokens (+logout#403, SHOULD)  LO(org) → not 2xx, then 403;
 *                        LO(org) → not 2xx, then DA(org) → 200 (the token still works)
 *                        (every LO(org), 409 and 429 included, needs CONFORMANCE_ALLOW_DESTRUCTIVE)
 *   logout#401           LO(no Authorization) → 401; LO(Bearer garbage) → 401
 *   logout#409           setup DA(org, K) → 200; LO(org, K) → 409
 *   expireAll#204        EA(org, {expiry: 0…259200}) → 204
 *   expireAll.expires-tokens  mint T; EA(org, {expiry: 0}) → 204; LO(T) → 401
 *   expireAll#401        EA(no Authorization, unknown) → 401; EA(Bearer garbage, unknown) → 401
 *   expireAll#403        mint T; EA(T) → 403 (needs CONFORMANCE_ALLOW_DESTRUCTIVE: SVIX_APP_ID)
 *   expireAll#404        EA(org, unknown) → 404
 *   expireAll#409        setup DA(org, K) → 200; EA(org, unknown, K) → 409
 *   expireAll#422        EA(org) with {expiry: 259201}, {expiry: -1}, {expiry: "<word>"}, no body → 422 each
 *                        (on SVIX_APP_ID with CONFORMANCE_ALLOW_DESTRUCTIVE, else on an unknown app, where
 *                        a 404 skips); an app id outside the pattern, a 257-character app id → 422 each
 *   every #429           up to SVIX_PROBE_RATE_LIMIT requests in bursts of 10 that change nothing
 *                        (DA and EA for an unknown app: 404; LO(org): 403) until one is not that status;
 *                        it must be a 429. A request never answered as documented skips the probe.
 *   Cross-identity (A and B: portal tokens the test minted, of SVIX_APP_ID and SVIX_SECOND_APP_ID; "probe X" is
 *   DA(X, unknown): 403 or 404 says X works, 401 that it does not):
 *   logout.only-own      mint A; mint B; probe A; LO(B); probe A (works as before; LO(B) must have been 204)
 *   expireAll.only-that-app  mint B; probe B; EA(org, SVIX_APP_ID, {expiry: 0}); probe B (needs CONFORMANCE_ALLOW_DESTRUCTIVE)
 *   expireAll.app-token-only-own-app  mint A; mint B; probe A; EA(B, SVIX_APP_ID, {expiry: 0}) → any 4xx; probe A
 *                        (needs CONFORMANCE_ALLOW_DESTRUCTIVE)
 *   dashboardAccess.app-token-only-own-app  mint B; DA(B, SVIX_APP_ID) → any 4xx, no token
 *   dashboardAccess.replay-only-to-caller   mint T; DA(org, K) → 200 (setup); DA(T, K) must not carry the org's token
 *   not provoked: logout#404 and logout#422 (no request leads there; the contract says why).
 */
export const SVIX_FAULTS = {
  'expire-all-200': {
    summary: 'expire-all answers 200 with an empty JSON object instead of 204 (the tokens are still expired)',
    // The effect test stops at the 200, so expires-tokens is not reached rather than failed.
    catches: ['svix:expireAll#204'],
  },
  'missing-www-authenticate': {
    summary: 'a request without an Authorization header gets its 401 without WWW-Authenticate',
    // The contract does not require the header (upstream documents none); RFC 9110 alone judges it.
    catches: ['RFC9110-15.5.2'],
  },
  'dashboard-access-ignores-missing-auth': {
    summary: 'dashboard-access without an Authorization header is served as if the organisation token had been sent',
    catches: ['svix:dashboardAccess#401'],
  },
  'expire-all-ignores-missing-auth': {
    summary: 'expire-all without an Authorization header is served as if the organisation token had been sent',
    // The scenarios name an application that does not exist, so the server answers 404 (and expires nothing).
    catches: ['svix:expireAll#401'],
  },
  'expire-all-missing-body-is-empty': {
    summary: 'expire-all reads a missing body as {} (no expiry: at once) and answers 204, ending the application\'s portal tokens',
    catches: ['svix:expireAll#422'],
  },
  'expire-all-401-403-swapped': {
    summary: 'expire-all answers 403 when no Authorization header is sent, and 401 (with a challenge) to an app-portal token',
    catches: ['svix:expireAll#401'],
    warns: ['svix:expireAll#403'],
  },
  'portal-token-mints-access': {
    summary: 'dashboard-access does not check the token kind: an app-portal token mints new portal access (200), for any application',
    // Upstream does not say who gets its 403, nor that a portal token is bound to its application: both SHOULDs.
    catches: [],
    warns: ['svix:dashboardAccess#403', 'svix:dashboardAccess.app-token-only-own-app'],
  },
  'dashboard-access-any-app': {
    summary: 'dashboard-access mints a token for any pattern-valid app id without checking that the application exists',
    catches: ['svix:dashboardAccess#404'],
  },
  'logout-accepts-org-token': {
    summary: 'logout with the organisation token answers 204 (the token stays valid)',
    // The failing check stops each test before the status (logout#403, a SHOULD) is judged.
    catches: ['svix:logout.refuses-other-tokens'],
  },
  'logout-does-not-revoke': {
    summary: 'logout answers 204 but the app-portal token keeps working',
    catches: ['svix:logout.ends-token'],
  },
  'expire-all-ignored': {
    summary: 'expire-all answers 204 but leaves the application\'s portal tokens as they were',
    catches: ['svix:expireAll.expires-tokens'],
  },
  'expiry-not-enforced': {
    summary: 'an app-portal token keeps working after its expiry time (expire-all records it; nothing checks it)',
    catches: ['svix:expireAll.expires-tokens'],
  },
  'expire-all-accepts-out-of-range': {
    summary: 'expire-all accepts an integer expiry outside 0…259200 and answers 204',
    catches: ['svix:expireAll#422'],
  },
  'not-found-code-number': {
    summary: 'a 404 for an unknown application carries `code` as a number (404) instead of a string',
    catches: ['svix:dashboardAccess#404', 'svix:expireAll#404'],
  },
  'validation-error-missing-loc': {
    summary: 'the items of a 422\'s `detail` list lack the required `loc`',
    catches: ['svix:dashboardAccess#422', 'svix:expireAll#422'],
  },
  'portal-url-not-uri': {
    summary: 'dashboard-access returns a relative `url` (login#key=…), which is not a URI',
    // Tests that only mint a token as a step (setup) need its status and token, not its url.
    catches: ['svix:dashboardAccess#200'],
  },
  'portal-access-cacheable': {
    summary: 'dashboard-access sends the new portal token without Cache-Control: no-store',
    catches: [],
    warns: ['ASVS-8.2.1'],
  },
  'idempotency-ignored': {
    summary: 'the idempotency-key header is ignored: every request runs anew and nothing is replayed or refused',
    catches: ['svix:dashboardAccess.idempotent-replay'],
    warns: ['svix:dashboardAccess#409', 'svix:logout#409', 'svix:expireAll#409'],
  },
  'idempotency-conflict-replays': {
    summary: 'a key reused for a different request gets the first request\'s stored response instead of 409',
    catches: [],
    warns: ['svix:dashboardAccess#409', 'svix:logout#409', 'svix:expireAll#409'],
  },
  'logout-ends-all-tokens': {
    summary: 'logout ends every app-portal token of the organisation, of every application, not only the one that sends it',
    // The effect is judged by probes of A's token before and after B's logout: "A's app-portal token stopped authenticating after B's request".
    catches: ['svix:logout.only-own'],
  },
  'expire-all-every-app': {
    summary: 'expire-all ends the app-portal tokens of every application of the organisation, not only the one named',
    catches: ['svix:expireAll.only-that-app'],
  },
  'app-token-expires-any-app': {
    summary: 'expire-all does not check the token kind: an app-portal token expires the tokens of any application, its own or another',
    // The portal token on its own application is the #403 scenario; on another application, the object-level one.
    catches: [],
    warns: ['svix:expireAll#403', 'svix:expireAll.app-token-only-own-app'],
  },
  'idempotency-shared-across-callers': {
    summary: 'the idempotency store is keyed by key and request alone: another token that sends the same request with the key gets the stored response, with the portal token minted for the first caller',
    catches: [],
    warns: ['svix:dashboardAccess.replay-only-to-caller'],
  },
  'rate-limited-503': {
    summary: 'a caller over the rate limit gets 503 Service Unavailable (with Retry-After) instead of 429',
    catches: ['svix:dashboardAccess#429', 'svix:logout#429', 'svix:expireAll#429'],
  },
  'rate-limited-plain-text': {
    summary: 'a caller over the rate limit gets its 429 as text/plain "Too Many Requests" instead of an HttpErrorOut',
    catches: ['svix:dashboardAccess#429', 'svix:logout#429', 'svix:expireAll#429'],
  },
} as const satisfies Record<string, Fault>;

export type SvixFault = keyof typeof SVIX_FAULTS;

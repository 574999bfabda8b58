import type { Fault } from '../kit/types.ts';

/**
 * The defects the Svix reference server can be switched to, each with the MUST requirements a full
 * conformance run must fail against it, and no others.
 *
 * `catches` is derived from the suite's scenarios, one test per requirement id. Every request in a
 * test, setup steps included, is judged against the contract for the status the step expects, so a
 * defect in a setup step fails that test too. "mint T" is dashboard-access with the organisation
 * token for SVIX_APP_ID (expects 200); K is a fresh idempotency key; "unknown" is a pattern-valid app
 * id that does not exist.
 *   dashboardAccess#200  DA(org) → 200
 *   dashboardAccess#401  DA(no Authorization) → 401; DA(Bearer garbage) → 401
 *   dashboardAccess#403  mint T; DA(T) → 403
 *   dashboardAccess#404  DA(org, unknown) → 404
 *   dashboardAccess#422  DA(org, app id that breaks the pattern) → 422
 *   dashboardAccess.idempotent-replay  DA(org, K) → 200; DA(org, K) → 200 with the same body
 *   dashboardAccess#409  DA(org, K) → 200; DA(org, unknown, K) → 409
 *   logout#204           mint T; LO(T) → 204
 *   logout.ends-token    mint T; LO(T) → 204; LO(T) → 401
 *   logout#401           LO(no Authorization) → 401
 *   logout#403           LO(org) → 403
 *   logout#409           DA(org, K) → 200; LO(org, K) → 409
 *   expireAll#204        EA(org, {expiry: 0}) → 204
 *   expireAll.expires-tokens  mint T; EA(org, {expiry: 0}) → 204; LO(T) → 401
 *   expireAll#401        EA(no Authorization) → 401
 *   expireAll#403        mint T; EA(T) → 403
 *   expireAll#404        EA(org, unknown) → 404
 *   expireAll#409        DA(org, K) → 200; EA(org, {expiry: 60}, K) → 409
 *   expireAll#422        EA(org, {expiry: 259201}), {expiry: -1}, {expiry: "60"}, no body → 422 each
 *   not exercised: every #429 (no load by default), logout#404 and logout#422 (no request leads there)
 * Common checks on every response: RFC9110-15.5.2 (WWW-Authenticate on 401), RFC9110-15.3.5.
 */
export const SVIX_FAULTS = {
  'expire-all-200': {
    summary: 'expire-all answers 200 with an empty JSON object instead of 204 (the tokens are still expired)',
    catches: ['svix:expireAll#204', 'svix:expireAll.expires-tokens'],
  },
  'missing-www-authenticate': {
    summary: 'a request without an Authorization header gets its 401 without WWW-Authenticate',
    catches: ['svix:dashboardAccess#401', 'svix:logout#401', 'svix:expireAll#401', 'RFC9110-15.5.2'],
  },
  'dashboard-access-ignores-missing-auth': {
    summary: 'dashboard-access without an Authorization header is served as if the organisation token had been sent',
    catches: ['svix:dashboardAccess#401'],
  },
  'expire-all-401-403-swapped': {
    summary: 'expire-all answers 403 when no Authorization header is sent, and 401 (with a challenge) to an app-portal token',
    catches: ['svix:expireAll#401', 'svix:expireAll#403'],
  },
  'portal-token-mints-access': {
    summary: 'dashboard-access does not check the token kind: an app-portal token mints new portal access (200)',
    catches: ['svix:dashboardAccess#403'],
  },
  'dashboard-access-any-app': {
    summary: 'dashboard-access mints a token for any pattern-valid app id without checking that the application exists',
    catches: ['svix:dashboardAccess#404'],
  },
  'logout-accepts-org-token': {
    summary: 'logout with the organisation token answers 204 (the token stays valid)',
    catches: ['svix:logout#403'],
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
    catches: [
      'svix:dashboardAccess#200', 'svix:dashboardAccess#403', 'svix:dashboardAccess#409', 'svix:dashboardAccess.idempotent-replay',
      'svix:logout#204', 'svix:logout.ends-token', 'svix:logout#409',
      'svix:expireAll#403', 'svix:expireAll#409', 'svix:expireAll.expires-tokens',
    ],
  },
  'idempotency-ignored': {
    summary: 'the idempotency-key header is ignored: every request runs anew and nothing is replayed or refused',
    catches: ['svix:dashboardAccess.idempotent-replay', 'svix:dashboardAccess#409', 'svix:logout#409', 'svix:expireAll#409'],
  },
  'idempotency-conflict-replays': {
    summary: 'a key reused for a different request gets the first request\'s stored response instead of 409',
    catches: ['svix:dashboardAccess#409', 'svix:logout#409', 'svix:expireAll#409'],
  },
} as const satisfies Record<string, Fault>;

export type SvixFault = keyof typeof SVIX_FAULTS;

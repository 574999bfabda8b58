import type { Requirement, Source } from './types.ts';

const UPSTREAM = 'https://github.com/svix/svix-webhooks/blob/7e0b8360b4f92da5edf7d78ec0514e12ae503454/openapi.json';
/** Upstream's generated operationIds, which its document is searched by. */
const UPSTREAM_OP = {
  expireAll: 'expire_all_api_v1_auth_app__app_id__expire_all__post',
  dashboardAccess: 'get_dashboard_access_api_v1_auth_dashboard_access__app_id___post',
  logout: 'logout_api_v1_auth_logout__post',
} as const;
/** Stated by Svix's own document. */
const vendor = (operationId: keyof typeof UPSTREAM_OP): Source => ({ kind: 'vendor', url: `${UPSTREAM}#operationId=${UPSTREAM_OP[operationId]}` });
/** Our contract's correction; the contract says beside it what upstream says and why ours differs. */
const ours = (pointer: string): Source => ({ kind: 'correction', url: `contracts/svix.yaml#${pointer}` });

const UNAUTHORIZED = ours('/components/responses/Unauthorized');
const CONFLICT = ours('/components/responses/Conflict');
const VALIDATION_FAILED = ours('/components/responses/ValidationFailed');

/**
 * Svix authentication. `svix:<operationId>#<status>`: the scenario provokes that status and the
 * response matches the contract's definition of it (headers, media type, body schema).
 * `svix:<operationId>.<behaviour>`: what the operation does, checked by its effect on later requests.
 */
export const SVIX = {
  'svix:expireAll#204': { level: 'MUST', summary: 'the organisation token expires an application\'s portal tokens: 204 with no content', source: vendor('expireAll') },
  'svix:expireAll#401': { level: 'MUST', summary: 'no or an invalid bearer token is refused with 401 and a Bearer challenge', source: UNAUTHORIZED },
  'svix:expireAll#403': { level: 'MUST', summary: 'an app-portal token may not expire tokens: 403', source: vendor('expireAll') },
  'svix:expireAll#404': { level: 'MUST', summary: 'an application that does not exist is refused with 404', source: vendor('expireAll') },
  'svix:expireAll#409': { level: 'MUST', summary: 'an idempotency key already used for a different request is refused with 409', source: CONFLICT },
  'svix:expireAll#422': { level: 'MUST', summary: 'a missing body, a non-integer expiry, one outside 0…259200, or an app_id outside the pattern or length limits is refused with 422 listing the problems', source: VALIDATION_FAILED },
  'svix:expireAll#429': { level: 'MUST', summary: 'a caller over the rate limit is refused with 429', source: vendor('expireAll') },
  'svix:expireAll.expires-tokens': { level: 'MUST', summary: 'after expire-all with expiry 0 the application\'s existing portal tokens get 401', source: vendor('expireAll') },
  'svix:dashboardAccess#200': { level: 'MUST', summary: 'the organisation token gets a new app-portal token and a login URL as DashboardAccessOut', source: vendor('dashboardAccess') },
  'svix:dashboardAccess#401': { level: 'MUST', summary: 'no or an invalid bearer token is refused with 401 and a Bearer challenge', source: UNAUTHORIZED },
  'svix:dashboardAccess#403': { level: 'MUST', summary: 'an app-portal token may not mint portal access: 403', source: vendor('dashboardAccess') },
  'svix:dashboardAccess#404': { level: 'MUST', summary: 'an application that does not exist is refused with 404', source: vendor('dashboardAccess') },
  'svix:dashboardAccess#409': { level: 'MUST', summary: 'an idempotency key already used for a different request is refused with 409', source: CONFLICT },
  'svix:dashboardAccess#422': { level: 'MUST', summary: 'an app_id outside the pattern or length limits is refused with 422 listing the problem', source: VALIDATION_FAILED },
  'svix:dashboardAccess#429': { level: 'MUST', summary: 'a caller over the rate limit is refused with 429', source: vendor('dashboardAccess') },
  'svix:dashboardAccess.idempotent-replay': { level: 'MUST', summary: 'the same request with the same idempotency key gets the first response back (the same token), not a new one', source: vendor('dashboardAccess') },
  'svix:logout#204': { level: 'MUST', summary: 'an app-portal token logs itself out: 204 with no content', source: vendor('logout') },
  'svix:logout#401': { level: 'MUST', summary: 'no or an invalid bearer token is refused with 401 and a Bearer challenge', source: UNAUTHORIZED },
  'svix:logout#403': { level: 'MUST', summary: 'the organisation token (any non-portal token) cannot be logged out: 403, and it stays valid', source: ours('/paths/~1api~1v1~1auth~1logout~1/post/responses/403') },
  'svix:logout#404': { level: 'MUST', summary: 'documented by upstream; no request to logout names a resource, so none leads to 404', source: vendor('logout') },
  'svix:logout#409': { level: 'MUST', summary: 'an idempotency key already used for a different request is refused with 409', source: CONFLICT },
  'svix:logout#422': { level: 'MUST', summary: 'documented by upstream; logout takes no body or path parameter, so no request leads to 422', source: vendor('logout') },
  'svix:logout#429': { level: 'MUST', summary: 'a caller over the rate limit is refused with 429', source: vendor('logout') },
  'svix:logout.ends-token': { level: 'MUST', summary: 'after logout the app-portal token gets 401', source: vendor('logout') },
} as const satisfies Record<string, Requirement>;

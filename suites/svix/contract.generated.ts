// Generated from contracts/svix.yaml by tools/generate.ts: change the contract and run `npm run generate`.
import { upstreamLine, type Requirement } from '../../requirements/types.ts';

const UPSTREAM = 'https://github.com/svix/svix-webhooks/blob/7e0b8360b4f92da5edf7d78ec0514e12ae503454/openapi.json';

/** The operations of contracts/svix.yaml. */
export type OperationId = 'dashboardAccess' | 'expireAll' | 'logout';

/** `<api>:<operationId>#<status>`: the scenario provokes the status, and the response matches its definition. */
export const STATUS_REQUIREMENTS = {
  'svix:expireAll#204': { level: 'MUST', summary: 'the organisation token expires an application\'s portal tokens: 204 with no content', source: upstreamLine(UPSTREAM, 11539, '"204"') },
  'svix:expireAll#401': { level: 'MUST', summary: 'no or an invalid bearer token is refused with 401 and an HttpErrorOut', source: upstreamLine(UPSTREAM, 11542, '"401"') },
  'svix:expireAll#403': { level: 'SHOULD', summary: 'an app-portal token may not expire tokens: 403 (upstream documents 403 but not who gets it)', source: upstreamLine(UPSTREAM, 11552, '"403"') },
  'svix:expireAll#404': { level: 'MUST', summary: 'an application that does not exist is refused with 404', source: upstreamLine(UPSTREAM, 11562, '"404"') },
  'svix:expireAll#409': { level: 'SHOULD', summary: 'an idempotency key already used for a different request is refused with 409 (upstream documents 409 but not when)', source: upstreamLine(UPSTREAM, 11572, '"409"') },
  'svix:expireAll#422': { level: 'MUST', summary: 'a missing body, a non-integer expiry, one outside 0…259200, or an app_id outside the pattern or length limits is refused with 422', source: upstreamLine(UPSTREAM, 11582, '"422"') },
  'svix:expireAll#429': { level: 'MUST', summary: 'a caller over the rate limit is refused with 429', source: upstreamLine(UPSTREAM, 11592, '"429"') },
  'svix:dashboardAccess#200': { level: 'MUST', summary: 'the organisation token gets a new app-portal token and a login URL as DashboardAccessOut', source: upstreamLine(UPSTREAM, 11709, '"200"') },
  'svix:dashboardAccess#401': { level: 'MUST', summary: 'no or an invalid bearer token is refused with 401 and an HttpErrorOut', source: upstreamLine(UPSTREAM, 11719, '"401"') },
  'svix:dashboardAccess#403': { level: 'SHOULD', summary: 'an app-portal token may not mint portal access: 403 (upstream documents 403 but not who gets it)', source: upstreamLine(UPSTREAM, 11729, '"403"') },
  'svix:dashboardAccess#404': { level: 'MUST', summary: 'an application that does not exist is refused with 404', source: upstreamLine(UPSTREAM, 11739, '"404"') },
  'svix:dashboardAccess#409': { level: 'SHOULD', summary: 'an idempotency key already used for a different request is refused with 409 (upstream documents 409 but not when)', source: upstreamLine(UPSTREAM, 11749, '"409"') },
  'svix:dashboardAccess#422': { level: 'MUST', summary: 'an app_id outside the pattern or length limits is refused with 422', source: upstreamLine(UPSTREAM, 11759, '"422"') },
  'svix:dashboardAccess#429': { level: 'MUST', summary: 'a caller over the rate limit is refused with 429', source: upstreamLine(UPSTREAM, 11769, '"429"') },
  'svix:logout#204': { level: 'MUST', summary: 'an app-portal token logs itself out: 204 with no content', source: upstreamLine(UPSTREAM, 11872, '"204"') },
  'svix:logout#401': { level: 'MUST', summary: 'no or an invalid bearer token is refused with 401 and an HttpErrorOut', source: upstreamLine(UPSTREAM, 11875, '"401"') },
  'svix:logout#403': { level: 'SHOULD', summary: 'logging out the organisation token fails with 403 (upstream says it fails, and documents 403, but does not join the two)', source: upstreamLine(UPSTREAM, 11885, '"403"') },
  'svix:logout#404': { level: 'MUST', summary: 'documented by upstream; no request to logout names a resource, so none leads to 404', source: upstreamLine(UPSTREAM, 11895, '"404"'), notProvokable: 'logout has no path parameter and names no resource, so a conforming server has no request that leads to 404' },
  'svix:logout#409': { level: 'SHOULD', summary: 'an idempotency key already used for a different request is refused with 409 (upstream documents 409 but not when)', source: upstreamLine(UPSTREAM, 11905, '"409"') },
  'svix:logout#422': { level: 'MUST', summary: 'documented by upstream; logout takes no body or path parameter, so no request leads to 422', source: upstreamLine(UPSTREAM, 11915, '"422"'), notProvokable: 'logout takes no body and no path parameter, and any idempotency-key value is a valid string, so a conforming server has no request that leads to 422' },
  'svix:logout#429': { level: 'MUST', summary: 'a caller over the rate limit is refused with 429', source: upstreamLine(UPSTREAM, 11925, '"429"') },
} as const satisfies Record<string, Requirement>;

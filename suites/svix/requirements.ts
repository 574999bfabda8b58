import { upstreamLine, type Requirement, type Source } from '../../requirements/types.ts';

/** Svix's own document, pinned; every vendor requirement cites a line of it. */
const UPSTREAM = 'https://github.com/svix/svix-webhooks/blob/7e0b8360b4f92da5edf7d78ec0514e12ae503454/openapi.json';
const at = (line: number, marker: string): Source => upstreamLine(UPSTREAM, line, marker);

/**
 * Object-level authorization where upstream is silent on who may name which application: it never
 * says that an app-portal token is bound to its application, so these are SHOULDs (OWASP API1).
 */
const OWASP_API1: Source = { kind: 'owasp', url: 'https://owasp.org/API-Security/editions/2023/en/0xa1-broken-object-level-authorization/' };

/** Where upstream describes idempotency (the whole info.description is one line of the JSON). */
const IDEMPOTENCY = at(2963, 'Subsequent requests with the same key return the same result');

/**
 * Svix authentication. `svix:<operationId>#<status>`: the scenario provokes that status and the
 * response matches the contract's definition of it (headers, media type, body schema).
 * `svix:<operationId>.<behaviour>`: what the operation does, checked by its effect on later requests.
 *
 * Upstream documents every status below but says for few of them which request leads there. Where
 * the scenario is our reading (a portal token on an organisation-only operation is 403; a reused
 * idempotency key is 409), the requirement is a SHOULD.
 */
export const SVIX = {
  'svix:expireAll#204': { level: 'MUST', summary: 'the organisation token expires an application\'s portal tokens: 204 with no content', source: at(11539, '"204"') },
  'svix:expireAll#401': { level: 'MUST', summary: 'no or an invalid bearer token is refused with 401 and an HttpErrorOut', source: at(11542, '"401"') },
  'svix:expireAll#403': { level: 'SHOULD', summary: 'an app-portal token may not expire tokens: 403 (upstream documents 403 but not who gets it)', source: at(11552, '"403"') },
  'svix:expireAll#404': { level: 'MUST', summary: 'an application that does not exist is refused with 404', source: at(11562, '"404"') },
  'svix:expireAll#409': { level: 'SHOULD', summary: 'an idempotency key already used for a different request is refused with 409 (upstream documents 409 but not when)', source: at(11572, '"409"') },
  'svix:expireAll#422': { level: 'MUST', summary: 'a missing body, a non-integer expiry, one outside 0…259200, or an app_id outside the pattern or length limits is refused with 422', source: at(11582, '"422"') },
  'svix:expireAll#429': { level: 'MUST', summary: 'a caller over the rate limit is refused with 429', source: at(11592, '"429"') },
  'svix:expireAll.only-that-app': { level: 'MUST', summary: 'expire-all for one application leaves the portal tokens of another application working', source: at(11498, 'Expire all of the tokens associated with a specific Application') },
  // A portal token is refused here for its own application too (#403), so the refusal alone shows
  // little; what this adds is the effect on the other application's tokens.
  'svix:expireAll.app-token-only-own-app': { level: 'SHOULD', summary: 'an app-portal token of one application cannot expire another application\'s tokens: that application\'s tokens work as before (and the request gets a 4xx)', source: OWASP_API1 },
  'svix:expireAll.expires-tokens': { level: 'MUST', summary: 'after expire-all with expiry 0 the application\'s existing portal tokens get 401', source: at(11498, 'Expire all of the tokens associated with a specific Application') },
  'svix:dashboardAccess#200': { level: 'MUST', summary: 'the organisation token gets a new app-portal token and a login URL as DashboardAccessOut', source: at(11709, '"200"') },
  'svix:dashboardAccess#401': { level: 'MUST', summary: 'no or an invalid bearer token is refused with 401 and an HttpErrorOut', source: at(11719, '"401"') },
  'svix:dashboardAccess#403': { level: 'SHOULD', summary: 'an app-portal token may not mint portal access: 403 (upstream documents 403 but not who gets it)', source: at(11729, '"403"') },
  'svix:dashboardAccess#404': { level: 'MUST', summary: 'an application that does not exist is refused with 404', source: at(11739, '"404"') },
  'svix:dashboardAccess#409': { level: 'SHOULD', summary: 'an idempotency key already used for a different request is refused with 409 (upstream documents 409 but not when)', source: at(11749, '"409"') },
  'svix:dashboardAccess#422': { level: 'MUST', summary: 'an app_id outside the pattern or length limits is refused with 422', source: at(11759, '"422"') },
  'svix:dashboardAccess#429': { level: 'MUST', summary: 'a caller over the rate limit is refused with 429', source: at(11769, '"429"') },
  // As for expireAll, a portal token is refused here for its own application too; this names the
  // cross-application case so a server that checks only "same organisation" shows in its own row.
  'svix:dashboardAccess.app-token-only-own-app': { level: 'SHOULD', summary: 'an app-portal token of one application gets no portal access to another application: any 4xx, and no token', source: OWASP_API1 },
  'svix:dashboardAccess.replay-only-to-caller': { level: 'SHOULD', summary: 'a response kept for an idempotency key is replayed only to the credentials that made the request, never to another token (it carries a portal token)', source: OWASP_API1 },
  'svix:dashboardAccess.idempotent-replay': { level: 'MUST', summary: 'the same request with the same idempotency key gets the first response back (the same token), not a new one', source: IDEMPOTENCY },
  'svix:logout#204': { level: 'MUST', summary: 'an app-portal token logs itself out: 204 with no content', source: at(11872, '"204"') },
  'svix:logout#401': { level: 'MUST', summary: 'no or an invalid bearer token is refused with 401 and an HttpErrorOut', source: at(11875, '"401"') },
  'svix:logout#403': { level: 'SHOULD', summary: 'logging out the organisation token fails with 403 (upstream says it fails, and documents 403, but does not join the two)', source: at(11885, '"403"') },
  'svix:logout#404': { level: 'MUST', summary: 'documented by upstream; no request to logout names a resource, so none leads to 404', source: at(11895, '"404"') },
  'svix:logout#409': { level: 'SHOULD', summary: 'an idempotency key already used for a different request is refused with 409 (upstream documents 409 but not when)', source: at(11905, '"409"') },
  'svix:logout#422': { level: 'MUST', summary: 'documented by upstream; logout takes no body or path parameter, so no request leads to 422', source: at(11915, '"422"') },
  'svix:logout#429': { level: 'MUST', summary: 'a caller over the rate limit is refused with 429', source: at(11925, '"429"') },
  'svix:logout.ends-token': { level: 'MUST', summary: 'after logout the app-portal token gets 401', source: at(11855, 'Logout an app token.') },
  'svix:logout.only-own': { level: 'MUST', summary: 'logout ends only the app-portal token that makes the request: a token of another application keeps working', source: at(11855, 'Logout an app token.') },
  'svix:logout.refuses-other-tokens': { level: 'MUST', summary: 'logout with a token that is not an app-portal token (the organisation\'s) fails: no 2xx, and the token keeps working', source: at(11855, 'Trying to log out other tokens will fail.') },
} as const satisfies Record<string, Requirement>;

export default SVIX;

declare module '../../requirements/index.ts' {
  interface ApiRequirements extends Record<keyof typeof SVIX, Requirement> {}
}

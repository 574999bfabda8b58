import { upstreamLine, type Requirement, type Source } from '../../requirements/types.ts';
import { STATUS_REQUIREMENTS } from './contract.generated.ts';

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
 * Svix authentication. `svix:<operationId>#<status>` come from the contract's responses
 * (contract.generated.ts): upstream documents every status but says for few of them which request
 * leads there, so where the scenario is our reading (a portal token on an organisation-only
 * operation is 403; a reused idempotency key is 409), the contract makes it a SHOULD. Here is
 * `svix:<operationId>.<behaviour>`: what the operation does, checked by its effect on later requests.
 */
export const SVIX = {
  ...STATUS_REQUIREMENTS,
  'svix:expireAll.only-that-app': { level: 'MUST', summary: 'expire-all for one application leaves the portal tokens of another application working', source: at(11498, 'Expire all of the tokens associated with a specific Application') },
  // A portal token is refused here for its own application too (#403), so the refusal alone shows
  // little; what this adds is the effect on the other application's tokens.
  'svix:expireAll.app-token-only-own-app': { level: 'SHOULD', summary: 'an app-portal token of one application cannot expire another application\'s tokens: that application\'s tokens work as before (and the request gets a 4xx)', source: OWASP_API1 },
  'svix:expireAll.expires-tokens': { level: 'MUST', summary: 'after expire-all with expiry 0 the application\'s existing portal tokens get 401', source: at(11498, 'Expire all of the tokens associated with a specific Application') },
  // As for expireAll, a portal token is refused here for its own application too; this names the
  // cross-application case so a server that checks only "same organisation" shows in its own row.
  'svix:dashboardAccess.app-token-only-own-app': { level: 'SHOULD', summary: 'an app-portal token of one application gets no portal access to another application: any 4xx, and no token', source: OWASP_API1 },
  'svix:dashboardAccess.replay-only-to-caller': { level: 'SHOULD', summary: 'a response kept for an idempotency key is replayed only to the credentials that made the request, never to another token (it carries a portal token)', source: OWASP_API1 },
  'svix:dashboardAccess.idempotent-replay': { level: 'MUST', summary: 'the same request with the same idempotency key gets the first response back (the same token), not a new one', source: IDEMPOTENCY },
  'svix:logout.ends-token': { level: 'MUST', summary: 'after logout the app-portal token gets 401', source: at(11855, 'Logout an app token.') },
  'svix:logout.only-own': { level: 'MUST', summary: 'logout ends only the app-portal token that makes the request: a token of another application keeps working', source: at(11855, 'Logout an app token.') },
  'svix:logout.refuses-other-tokens': { level: 'MUST', summary: 'logout with a token that is not an app-portal token (the organisation\'s) fails: no 2xx, and the token keeps working', source: at(11855, 'Trying to log out other tokens will fail.') },
} as const satisfies Record<string, Requirement>;

export default SVIX;

declare module '../../requirements/index.ts' {
  interface ApiRequirements extends Record<keyof typeof SVIX, Requirement> {}
}

import type { Requirement, Source } from './types.ts';

const UPSTREAM = 'https://github.com/semaphoreui/semaphore/blob/d4a27137486d65f963257d06e6b7867b54513e20/api-docs.yml';
/**
 * Stated by Semaphore's own document. Upstream sets no operationIds, so the link points at the
 * line where the operation starts in the pinned api-docs.yml.
 */
const vendor = (line: number): Source => ({ kind: 'vendor', url: `${UPSTREAM}#L${line}` });
/** Our contract's correction; the contract says beside it what upstream says and why ours differs. */
const ours = (pointer: string): Source => ({ kind: 'correction', url: `contracts/semaphore.yaml#${pointer}` });

/** Where each operation starts in the pinned upstream document. */
const L = {
  getLoginMetadata: 1035,
  login: 1046,
  logout: 1065,
  startOidcLogin: 1080,
  finishOidcLogin: 1096,
  listApiTokens: 1118,
  createApiToken: 1130,
  deleteApiToken: 1148,
} as const;

const UNAUTHORIZED = ours('/components/responses/Unauthorized');
const OIDC_LOGIN_307 = ours('/paths/~1auth~1oidc~1{provider_id}~1login/get/responses/307');
const OIDC_REDIRECT_307 = ours('/paths/~1auth~1oidc~1{provider_id}~1redirect/get/responses/307');

/**
 * Semaphore UI authentication. `semaphore:<operationId>#<status>`: the scenario provokes that status
 * and the response matches the contract's definition of it (headers, media type, body schema).
 * `semaphore:<operationId>.<behaviour>`: what the operation does, checked by its effect.
 */
export const SEMAPHORE = {
  'semaphore:getLoginMetadata#200': { level: 'MUST', summary: 'the login metadata is LoginMetadata: the configured OIDC providers, each with id and name', source: vendor(L.getLoginMetadata) },
  'semaphore:getLoginMetadata.lists-provider': { level: 'MUST', summary: 'the configured OIDC provider (SEMAPHORE_OIDC_PROVIDER) is among oidc_providers', source: vendor(L.getLoginMetadata) },
  'semaphore:login#204': { level: 'MUST', summary: 'valid credentials log in: 204 with the semaphore session cookie', source: vendor(L.login) },
  'semaphore:login#400': { level: 'MUST', summary: 'a body that is not JSON, or lacks auth or password, is refused with 400', source: vendor(L.login) },
  'semaphore:login#401': { level: 'MUST', summary: 'a wrong password is refused with 401 and a challenge', source: ours('/paths/~1auth~1login/post/responses/401') },
  'semaphore:login.session-works': { level: 'MUST', summary: 'the cookie a login sets authenticates GET /user/tokens', source: vendor(L.login) },
  'semaphore:logout#204': { level: 'MUST', summary: 'logout answers 204', source: vendor(L.logout) },
  'semaphore:logout.ends-session': { level: 'MUST', summary: 'after logout the old session cookie no longer authenticates (401)', source: vendor(L.logout) },
  'semaphore:startOidcLogin#307': { level: 'MUST', summary: 'starting an OIDC sign-in answers 307 with a Location', source: OIDC_LOGIN_307 },
  'semaphore:startOidcLogin.to-provider': { level: 'MUST', summary: 'for a configured provider, Location is its authorization request with client_id, redirect_uri and state', source: vendor(L.startOidcLogin) },
  'semaphore:startOidcLogin.unknown-to-login': { level: 'MUST', summary: 'for an unknown provider, Location is the login page (…/auth/login)', source: vendor(L.startOidcLogin) },
  'semaphore:finishOidcLogin#307': { level: 'MUST', summary: 'the OIDC callback answers 307 with a Location', source: OIDC_REDIRECT_307 },
  'semaphore:finishOidcLogin.rejects-bad-state': { level: 'MUST', summary: 'a callback without the state the server issued sets no session cookie and redirects to the login page', source: vendor(L.finishOidcLogin) },
  'semaphore:listApiTokens#200': { level: 'MUST', summary: 'the caller\'s API tokens are listed as APIToken[]', source: vendor(L.listApiTokens) },
  'semaphore:listApiTokens#401': { level: 'MUST', summary: 'no or invalid credentials are refused with 401', source: UNAUTHORIZED },
  'semaphore:createApiToken#201': { level: 'MUST', summary: 'a new API token is created: 201 with the APIToken', source: vendor(L.createApiToken) },
  'semaphore:createApiToken#401': { level: 'MUST', summary: 'no or invalid credentials are refused with 401', source: UNAUTHORIZED },
  'semaphore:createApiToken.token-works': { level: 'MUST', summary: 'the new token authenticates GET /user/tokens as a bearer token', source: vendor(L.createApiToken) },
  'semaphore:deleteApiToken#204': { level: 'MUST', summary: 'expiring one of the caller\'s tokens answers 204', source: vendor(L.deleteApiToken) },
  'semaphore:deleteApiToken#401': { level: 'MUST', summary: 'no or invalid credentials are refused with 401', source: UNAUTHORIZED },
  'semaphore:deleteApiToken#404': { level: 'MUST', summary: 'an id that names none of the caller\'s tokens is refused with 404', source: ours('/paths/~1user~1tokens~1{api_token_id}/delete/responses/404') },
  'semaphore:deleteApiToken.token-revoked': { level: 'MUST', summary: 'an expired token no longer authenticates as a bearer token (401)', source: vendor(L.deleteApiToken) },
} as const satisfies Record<string, Requirement>;

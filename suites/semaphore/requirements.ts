import { upstreamLine, type Requirement, type Source } from '../../requirements/types.ts';
import { STATUS_REQUIREMENTS } from './contract.generated.ts';

const UPSTREAM = 'https://github.com/semaphoreui/semaphore/blob/d4a27137486d65f963257d06e6b7867b54513e20/api-docs.yml';
/** A line of Semaphore's pinned api-docs.yml (upstream sets no operationIds), with a few characters that line holds. */
const line = (n: number, marker: string): Source => upstreamLine(UPSTREAM, n, marker);

/**
 * The document-wide security requirement (bearer or cookie): the token operations need
 * credentials. The document names no status for a request without them, so the requirement is
 * only what every reading allows: a 4xx, and nothing of the account.
 */
const SECURITY = line(897, 'security:');

/*
 * Whose objects: the document puts the caller's own things under /user/ ("Fetch logged in user",
 * line 1110) and another user's under /users/{user_id}/ (line 1190). So /user/tokens lists the
 * caller's tokens and /user/tokens/{api_token_id} names one of them; logout destroys the
 * *current* session. What another user gets for naming A's token is not said: the documented 204
 * or any 4xx, as for an id that names nothing.
 */

/**
 * Semaphore UI authentication. `semaphore:<operationId>#<status>` come from the contract's
 * responses (contract.generated.ts); here is `semaphore:<operationId>.<behaviour>`: what the
 * operation does, checked by its effect.
 */
export const SEMAPHORE = {
  ...STATUS_REQUIREMENTS,
  'semaphore:getLoginMetadata.lists-provider': { level: 'MUST', summary: 'the configured OIDC provider (SEMAPHORE_OIDC_PROVIDER) is among oidc_providers', source: line(1039, 'available OIDC providers') },
  // Only success logs in (line 1050); the document names no status for wrong credentials.
  'semaphore:login.refuses-wrong-password': { level: 'MUST', summary: 'a wrong password or an unknown user is refused: a 4xx and no session cookie', source: line(1050, 'Upon success') },
  'semaphore:login.session-works': { level: 'MUST', summary: 'the cookie a login sets authenticates GET /user/tokens', source: line(1050, 'you will be logged in') },
  'semaphore:logout.ends-session': { level: 'MUST', summary: 'after logout the old session cookie no longer authenticates', source: line(1068, 'Destroys current session') },
  'semaphore:logout.only-own': { level: 'MUST', summary: 'logout ends only the caller\'s current session: another user\'s session still authenticates afterwards', source: line(1068, 'Destroys current session') },
  'semaphore:startOidcLogin.to-provider': { level: 'MUST', summary: 'for a configured provider, Location is its authorization request with client_id and redirect_uri', source: line(1087, 'Redirection to the OIDC provider on success') },
  'semaphore:startOidcLogin.unknown-to-login': { level: 'MUST', summary: 'for an unknown provider, Location is the login page (…/auth/login)', source: line(1087, 'to the login page on error') },
  'semaphore:finishOidcLogin.rejects-bad-state': { level: 'MUST', summary: 'a callback without the state the server issued sets no session cookie and redirects to the login page', source: line(1103, 'to the login page on error') },
  'semaphore:listApiTokens.only-own': { level: 'MUST', summary: 'the list shows only the caller\'s tokens: another user\'s session or token never lists A\'s tokens', source: line(1122, 'Fetch API tokens for user') },
  'semaphore:listApiTokens.requires-credentials': { level: 'MUST', summary: 'without valid credentials no tokens are listed: a 4xx', source: SECURITY },
  'semaphore:createApiToken.requires-credentials': { level: 'MUST', summary: 'without valid credentials no token is created: a 4xx', source: SECURITY },
  'semaphore:createApiToken.token-works': { level: 'MUST', summary: 'the new token authenticates GET /user/tokens as a bearer token', source: line(898, '- bearer: []') },
  'semaphore:deleteApiToken.requires-credentials': { level: 'MUST', summary: 'without valid credentials nothing is expired: a 4xx', source: SECURITY },
  // The document lists only 204; an id naming no token of the caller may get it too, or a 4xx.
  'semaphore:deleteApiToken.unknown-id': { level: 'MUST', summary: 'an id that names none of the caller\'s tokens gets the documented 204 or a 4xx', source: line(1154, '204:') },
  'semaphore:deleteApiToken.foreign-id': { level: 'MUST', summary: 'an id that names another user\'s token gets the documented 204 or a 4xx', source: line(1154, '204:') },
  'semaphore:deleteApiToken.only-own': { level: 'MUST', summary: 'only the caller\'s own tokens are expired: after another user names A\'s token, it still authenticates and A\'s list shows it unexpired', source: line(1141, '/user/tokens/{api_token_id}') },
  'semaphore:deleteApiToken.token-revoked': { level: 'MUST', summary: 'an expired token no longer authenticates as a bearer token', source: line(1152, 'Expires API token') },
} as const satisfies Record<string, Requirement>;

export default SEMAPHORE;

declare module '../../requirements/index.ts' {
  interface ApiRequirements extends Record<keyof typeof SEMAPHORE, Requirement> {}
}

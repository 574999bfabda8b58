import type { Fault } from '../kit/types.ts';

/**
 * Defects real servers ship, each switchable on the reference Semaphore. `catches` lists the MUST
 * requirements a full Semaphore run must fail with the fault on, and only those.
 *
 * The lists assume a suite written like the traQ one: one behaviour per test; a fixture that only
 * provides something (a session by logging in, a token to delete) is not judged; a test judges its
 * main exchange first and the behaviour after it, so when the main exchange fails, the behaviour
 * is "not reached" (skipped), not failed; the effect of a login, logout, token creation or token
 * deletion is probed with GET /user/tokens; every operation that needs credentials is tried both
 * without credentials and with invalid ones; the run is configured from semaphoreReference.env, so
 * SEMAPHORE_OIDC_PROVIDER names a configured provider. Faults sit where no fixture or probe passes
 * through them, so that each one is seen only by the scenarios listed.
 */
export const FAULTS = {
  'login-401-without-challenge': {
    summary: 'a wrong password is refused with 401 but without WWW-Authenticate',
    catches: ['RFC9110-15.5.2'],
  },
  'login-accepts-any-credentials': {
    summary: 'credentials are never checked: any non-empty login name and password log in as the user',
    // The second user's login then opens a session of the first: B sees and expires A's tokens.
    catches: ['semaphore:login.refuses-wrong-password', 'semaphore:listApiTokens.only-own', 'semaphore:deleteApiToken.only-own'],
  },
  'login-sets-no-cookie': {
    summary: 'a successful login answers 204 but sets no session cookie',
    catches: ['semaphore:login.session-works'],
  },
  'login-missing-field-401': {
    summary: 'a JSON body without auth or password is treated as wrong credentials (401) instead of refused with 400',
    catches: ['semaphore:login#400'],
  },
  'logout-keeps-session': {
    summary: 'logout answers 204 and clears the browser\'s cookie, but the session stays valid on the server',
    catches: ['semaphore:logout.ends-session'],
  },
  'metadata-provider-name-not-string': {
    summary: 'the OIDC providers in the login metadata carry their name as an object, not a string',
    catches: ['semaphore:getLoginMetadata#200'],
  },
  'metadata-hides-providers': {
    summary: 'the login metadata lists no OIDC provider although one is configured',
    catches: ['semaphore:getLoginMetadata.lists-provider'],
  },
  'oidc-login-without-location': {
    summary: 'starting an OIDC sign-in answers 302 without a Location, for a configured and for an unknown provider',
    catches: ['semaphore:startOidcLogin.to-provider', 'semaphore:startOidcLogin.unknown-to-login'],
    warns: ['RFC9110-10.2.2'],
  },
  'oidc-login-without-client-id': {
    summary: 'the redirect to the provider carries no client_id, which OpenID Connect requires',
    catches: ['semaphore:startOidcLogin.to-provider'],
  },
  'oidc-unknown-provider-404': {
    summary: 'an unknown provider is answered with 404 and a JSON error instead of a redirect to the login page',
    catches: ['semaphore:startOidcLogin#302'],
  },
  'oidc-unknown-provider-fallback': {
    summary: 'an unknown provider id falls back to the configured provider: 307 to its authorization endpoint, not to the login page',
    catches: ['semaphore:startOidcLogin.unknown-to-login'],
  },
  'oidc-callback-error-page': {
    summary: 'a callback without a valid state gets a 400 HTML error page instead of a redirect to the login page',
    catches: ['semaphore:finishOidcLogin#302'],
  },
  'oidc-callback-failure-to-root': {
    summary: 'a callback without a valid state redirects to the web root (/) instead of the login page',
    catches: ['semaphore:finishOidcLogin.rejects-bad-state'],
  },
  'tokens-list-ignores-auth': {
    summary: 'GET /user/tokens answers 200 with the user\'s tokens whatever the credentials (none, an ended session, an expired token)',
    catches: ['semaphore:listApiTokens.requires-credentials', 'semaphore:logout.ends-session', 'semaphore:deleteApiToken.token-revoked'],
  },
  'create-token-ignores-auth': {
    summary: 'POST /user/tokens without valid credentials creates a token of the user',
    catches: ['semaphore:createApiToken.requires-credentials'],
  },
  'create-token-expired-as-string': {
    summary: 'the token in the create response has expired as the string "false", not a boolean',
    catches: ['semaphore:createApiToken#201'],
  },
  'create-token-user-id-zero': {
    summary: 'the token in the create response has user_id 0, below the documented minimum of 1',
    catches: ['semaphore:createApiToken#201'],
  },
  'delete-token-200': {
    summary: 'expiring a token answers 200 with the expired token as JSON instead of 204 (the token is expired)',
    catches: ['semaphore:deleteApiToken#204'],
  },
  'delete-token-keeps-working': {
    summary: 'expiring a token answers 204 but changes nothing: the token keeps authenticating',
    catches: ['semaphore:deleteApiToken.token-revoked'],
  },
  'delete-unknown-token-500': {
    summary: 'an id that names none of the caller\'s tokens answers 500 (also one that names another user\'s token)',
    catches: ['semaphore:deleteApiToken.unknown-id', 'semaphore:deleteApiToken.foreign-id'],
  },
  'delete-token-ignores-auth': {
    summary: 'DELETE /user/tokens/{id} without credentials answers 204',
    catches: ['semaphore:deleteApiToken.requires-credentials'],
  },
  'delete-token-401-without-challenge': {
    summary: 'DELETE /user/tokens/{id} without valid credentials answers 401 without WWW-Authenticate',
    catches: ['RFC9110-15.5.2'],
  },
  'session-cookie-without-samesite': {
    summary: 'the semaphore session cookie is set without a SameSite attribute (what Semaphore itself sends)',
    catches: [],
    warns: ['ASVS-3.4.3'],
  },
  'tokens-cacheable': {
    summary: 'the token list and a newly created token are sent without Cache-Control: no-store',
    catches: [],
    warns: ['ASVS-8.2.1'],
  },
  // --- across identities (issue 12) ----------------------------------------------------------
  'delete-token-any-owner': {
    summary: 'DELETE /user/tokens/{id} expires any user\'s token, not only the caller\'s: B can expire A\'s token by naming it',
    catches: ['semaphore:deleteApiToken.only-own'],
  },
  'tokens-list-everyone': {
    summary: 'GET /user/tokens lists the tokens of every user, not only the caller\'s',
    catches: ['semaphore:listApiTokens.only-own'],
  },
  'logout-ends-all-sessions': {
    summary: 'logout ends every open session of every user, not only the caller\'s current one',
    catches: ['semaphore:logout.only-own'],
  },
  'login-tells-unknown-user': {
    summary: 'a refused login says "no such user" for an unknown login name and "wrong password" for a known one',
    catches: [],
    warns: ['WSTG-IDNT-04'],
  },
  'oidc-redirect-uri-from-request': {
    summary: 'starting an OIDC sign-in with ?redirect= puts that value, unchecked, into the authorization request as redirect_uri',
    catches: [],
    warns: ['ASVS-5.1.5'],
  },
  'oidc-error-follows-redirect': {
    summary: 'for an unknown provider, a ?redirect= that starts with / is followed instead of the login page, so //host and /\\host leave the origin',
    catches: [],
    warns: ['ASVS-5.1.5'],
  },
  'logout-clears-other-path': {
    summary: 'logout clears the session cookie with Path=/api while the login set it with Path=/, so a browser keeps it',
    catches: [],
    warns: ['RFC6265-5.3'],
  },
  'login-adopts-chosen-session': {
    summary: 'a login that arrives with a semaphore cookie the server does not know keeps that value as the new session (session fixation)',
    catches: [],
    warns: ['ASVS-3.2.1'],
  },
  'oidc-state-cookie-long-lived': {
    summary: 'the OIDC state cookie expires after a year (as Semaphore sets it), not after the sign-in',
    catches: [],
    warns: ['ASVS-3.3.2'],
  },
} as const satisfies Record<string, Fault>;

export type FaultId = keyof typeof FAULTS;

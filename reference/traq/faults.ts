import type { Fault } from '../kit/types.ts';

/** Defects real traQ-like servers ship; each names what a full run must fail (MUST) or warn (SHOULD). */
export const TRAQ_FAULTS = {
  'login-answers-200': { summary: 'a successful login answers 200 with an empty JSON object instead of 204', catches: ['traq:login#204'] },
  'login-sets-no-cookie': { summary: 'a successful login opens a session but sends no Set-Cookie', catches: ['traq:login.session-works'] },
  'login-redirect-ignored': { summary: 'login with ?redirect= answers 204 instead of 302', catches: ['traq:login#302'] },
  'login-redirect-without-location': { summary: 'login with ?redirect= answers 302 without Location', catches: [], warns: ['RFC9110-10.2.2'] },
  'login-401-403-swapped': { summary: 'wrong credentials get 403 and a suspended account gets 401', catches: ['traq:login#401', 'traq:login#403'] },
  'login-401-without-challenge': { summary: 'login refuses wrong credentials with 401 but no WWW-Authenticate', catches: ['RFC9110-15.5.2'] },
  'login-bad-body-401': { summary: 'login answers a missing body or a malformed name with 401 instead of 400', catches: ['traq:login#400'] },
  'logout-answers-200': { summary: 'logout answers 200 with an empty JSON object instead of 204', catches: ['traq:logout#204'] },
  'logout-redirect-ignored': { summary: 'logout with ?redirect= answers 204 instead of 302', catches: ['traq:logout#302'] },
  'logout-keeps-session': { summary: 'logout answers 204 but the session stays valid', catches: ['traq:logout.ends-session'] },
  'logout-all-keeps-others': { summary: 'logout with all=true ends only the calling session', catches: ['traq:logout.all-ends-others'] },
  'logout-announces-content': { summary: 'logout answers 204 with Content-Length: 2', catches: ['RFC9110-15.3.5'] },
  'sessions-ignore-missing-auth': { summary: 'GET /users/me/sessions without any credentials answers 200 with an empty list', catches: ['traq:getMySessions.requires-credentials'] },
  'sessions-issued-at-unix': { summary: 'LoginSession.issuedAt is a Unix timestamp number instead of a date-time string', catches: ['traq:getMySessions#200'] },
  'login-reuses-session': { summary: 'a login hands back the user\'s existing session instead of a new one', catches: ['traq:getMySessions.lists-own-session'], warns: ['ASVS-3.2.1'] },
  'revoke-does-nothing': { summary: 'revoking a session answers 204 but the session stays valid', catches: ['traq:revokeMySession.ends-session'] },
  'revoke-unknown-404': { summary: 'revoking a session id that names no session answers 404 instead of the documented 204', catches: ['traq:revokeMySession#204'] },
  'revoke-ignores-missing-auth': { summary: 'revoking without credentials answers 204', catches: ['traq:revokeMySession.requires-credentials'] },
  'ex-accounts-missing-external-name': { summary: 'linked accounts are listed without externalName', catches: ['traq:getMyExternalAccounts#200'] },
  'ex-accounts-ignore-missing-auth': { summary: 'listing and linking external accounts treat a request without credentials as the configured user', catches: ['traq:getMyExternalAccounts.requires-credentials', 'traq:linkExternalAccount.requires-credentials'] },
  'unlink-ignores-missing-auth': { summary: 'unlinking without credentials answers 204', catches: ['traq:unlinkExternalAccount.requires-credentials'] },
  'link-answers-200': { summary: 'linking an enabled provider answers 200 with the authorization URL in JSON instead of redirecting', catches: ['traq:linkExternalAccount#302'] },
  'link-any-provider': { summary: 'linking an unknown provider redirects instead of answering 400', catches: ['traq:linkExternalAccount#400'] },
  'unlink-answers-200': { summary: 'unlinking a linked provider answers 200 with the remaining links', catches: ['traq:unlinkExternalAccount#204'] },
  'unlink-not-linked-204': { summary: 'unlinking a provider that is not linked answers 204', catches: [], warns: ['traq:unlinkExternalAccount#400'] },
  'error-json-broken': { summary: 'a 4xx says Content-Type: application/json but its body does not parse', catches: ['traq:getMySessions.requires-credentials', 'traq:getMyExternalAccounts.requires-credentials', 'traq:linkExternalAccount.requires-credentials', 'traq:unlinkExternalAccount.requires-credentials', 'traq:revokeMySession.requires-credentials', 'traq:logout.ends-session', 'traq:logout.all-ends-others', 'traq:revokeMySession.ends-session'] },
  'cookie-not-httponly': { summary: 'the session cookie is set without HttpOnly', catches: [], warns: ['ASVS-3.4.2'] },
  'login-cacheable': { summary: 'login responses carry no Cache-Control', catches: [], warns: ['ASVS-8.2.1'] },
  'open-redirect': { summary: 'login follows a ?redirect= to any origin', catches: [], warns: ['ASVS-5.1.5'] },
  'token-in-query-accepted': { summary: 'a bearer token in ?access_token= authenticates', catches: [], warns: ['ASVS-3.1.1'] },
  'login-reveals-unknown-user': { summary: 'the 401 for an unknown user carries an extra field that a wrong password\'s 401 lacks', catches: [], warns: ['WSTG-IDNT-04'] },
} as const satisfies Record<string, Fault>;

export type TraqFault = keyof typeof TRAQ_FAULTS;

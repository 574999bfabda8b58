import type { Requirement, Source } from './types.ts';

const UPSTREAM = 'https://github.com/traPtitech/traQ/blob/ac297a77b09ec1b252eaf7881a34054c483654cf/docs/v3-api.yaml';
/** Stated by traQ's own document. */
const vendor = (operationId: string): Source => ({ kind: 'vendor', url: `${UPSTREAM}#operationId=${operationId}` });
/** Our contract's correction; the contract says beside it what upstream says and why ours differs. */
const ours = (pointer: string): Source => ({ kind: 'correction', url: `contracts/traq.yaml#${pointer}` });

/**
 * traQ v3 authentication. `traq:<operationId>#<status>`: the scenario provokes that status and the
 * response matches the contract's definition of it (headers, media type, body schema).
 * `traq:<operationId>.<behaviour>`: what the operation does, checked by its effect.
 */
export const TRAQ = {
  'traq:login#204': { level: 'MUST', summary: 'valid credentials log in: 204 with the r_session cookie', source: vendor('login') },
  'traq:login#302': { level: 'MUST', summary: 'valid credentials with ?redirect= log in: 302 with Location and the cookie', source: vendor('login') },
  'traq:login#400': { level: 'MUST', summary: 'a missing body or a name that breaks the pattern is refused with 400', source: vendor('login') },
  'traq:login#401': { level: 'MUST', summary: 'a wrong password or an unknown user is refused with 401', source: vendor('login') },
  'traq:login#403': { level: 'MUST', summary: 'a suspended account is refused with 403', source: vendor('login') },
  'traq:login.session-works': { level: 'MUST', summary: 'the cookie a login sets authenticates the /users/me operations', source: vendor('login') },
  'traq:logout#204': { level: 'MUST', summary: 'logout answers 204', source: vendor('logout') },
  'traq:logout#302': { level: 'MUST', summary: 'logout with ?redirect= answers 302 with Location', source: vendor('logout') },
  'traq:logout.ends-session': { level: 'MUST', summary: 'after logout the session cookie no longer authenticates', source: vendor('logout') },
  'traq:logout.all-ends-others': { level: 'MUST', summary: 'logout with all=true ends the user\'s other sessions too', source: vendor('logout') },
  'traq:getMySessions#200': { level: 'MUST', summary: 'the caller\'s sessions are listed as LoginSession[]', source: vendor('getMySessions') },
  'traq:getMySessions#401': { level: 'MUST', summary: 'no or invalid credentials are refused with 401', source: ours('/components/responses/Unauthorized') },
  'traq:getMySessions.lists-own-session': { level: 'MUST', summary: 'the list holds the session the caller just created', source: vendor('getMySessions') },
  'traq:revokeMySession#204': { level: 'MUST', summary: 'revoking an own or unknown session answers 204', source: vendor('revokeMySession') },
  'traq:revokeMySession#400': { level: 'MUST', summary: 'a sessionId that is not a UUID is refused with 400', source: ours('/paths/~1users~1me~1sessions~1{sessionId}/delete/responses/400') },
  'traq:revokeMySession#401': { level: 'MUST', summary: 'no credentials are refused with 401', source: ours('/components/responses/Unauthorized') },
  'traq:revokeMySession.ends-session': { level: 'MUST', summary: 'a revoked session no longer authenticates', source: vendor('revokeMySession') },
  'traq:getMyExternalAccounts#200': { level: 'MUST', summary: 'the linked accounts are listed as ExternalProviderUser[]', source: vendor('getMyExternalAccounts') },
  'traq:getMyExternalAccounts#401': { level: 'MUST', summary: 'no credentials are refused with 401', source: ours('/components/responses/Unauthorized') },
  'traq:linkExternalAccount#302': { level: 'MUST', summary: 'an enabled provider redirects to its authorization page', source: vendor('linkExternalAccount') },
  'traq:linkExternalAccount#400': { level: 'MUST', summary: 'an unknown or missing provider is refused with 400', source: vendor('linkExternalAccount') },
  'traq:linkExternalAccount#401': { level: 'MUST', summary: 'no credentials are refused with 401', source: ours('/components/responses/Unauthorized') },
  'traq:unlinkExternalAccount#204': { level: 'MUST', summary: 'a linked provider is unlinked with 204', source: vendor('unlinkExternalAccount') },
  'traq:unlinkExternalAccount#400': { level: 'MUST', summary: 'a provider that is not linked is refused with 400', source: vendor('unlinkExternalAccount') },
  'traq:unlinkExternalAccount#401': { level: 'MUST', summary: 'no credentials are refused with 401', source: ours('/components/responses/Unauthorized') },
} as const satisfies Record<string, Requirement>;

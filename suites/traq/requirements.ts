import { upstreamLine, type Requirement, type Source } from '../../requirements/types.ts';

const UPSTREAM = 'https://github.com/traPtitech/traQ/blob/ac297a77b09ec1b252eaf7881a34054c483654cf/docs/v3-api.yaml';
/** A line of traQ's pinned document, with a few characters that line holds. */
const line = (n: number, marker: string): Source => upstreamLine(UPSTREAM, n, marker);

/**
 * The document-wide security requirement (OAuth2 or bearerAuth): every /users/me operation needs
 * credentials. The document names no status for a request without them, so the requirement is
 * only what every reading allows: a 4xx, and nothing of the account.
 */
const SECURITY = line(8297, 'security:');

/**
 * traQ v3 authentication. `traq:<operationId>#<status>`: the scenario provokes that status, which
 * the pinned document lists for the operation, and the response matches the contract's definition.
 * `traq:<operationId>.<behaviour>`: what the operation does, checked by its effect.
 */
export const TRAQ = {
  'traq:login#204': { level: 'MUST', summary: 'valid credentials log in with 204', source: line(2379, '"204":') },
  'traq:login#302': { level: 'MUST', summary: 'valid credentials with ?redirect= log in with 302', source: line(2383, '"302":') },
  'traq:login#400': { level: 'MUST', summary: 'a missing body or a name that breaks the pattern is refused with 400', source: line(2387, '"400":') },
  'traq:login#401': { level: 'MUST', summary: 'a wrong password or an unknown user is refused with 401', source: line(2389, '"401":') },
  'traq:login#403': { level: 'MUST', summary: 'a suspended account is refused with 403', source: line(2393, '"403":') },
  // The document's login "logs in" (ログインします); the session it opens is the r_session cookie of its cookieAuth scheme.
  'traq:login.session-works': { level: 'MUST', summary: 'the r_session cookie a login sets authenticates the /users/me operations', source: line(2407, 'ログインします') },
  'traq:logout#204': { level: 'MUST', summary: 'logout answers 204', source: line(2412, '"204":') },
  'traq:logout#302': { level: 'MUST', summary: 'logout with ?redirect= answers 302', source: line(2416, '"302":') },
  'traq:logout.ends-session': { level: 'MUST', summary: 'after logout the session cookie no longer authenticates', source: line(2431, 'ログアウトします') },
  'traq:logout.all-ends-others': { level: 'MUST', summary: 'logout with all=true ends the user\'s other sessions too', source: line(2430, '全てのセッション') },
  // "Log out in every session" names no owner: that it means the caller's sessions is every reading
  // we know of, but the document does not say 自分の here, so another user's session surviving is a SHOULD.
  'traq:logout.all-only-own': { level: 'SHOULD', summary: 'logout with all=true leaves other users\' sessions working', source: line(2430, '全てのセッション') },
  'traq:getMySessions#200': { level: 'MUST', summary: 'the caller\'s sessions are listed as LoginSession[]', source: line(2439, '"200":') },
  'traq:getMySessions.requires-credentials': { level: 'MUST', summary: 'without valid credentials the sessions are not listed: a 4xx', source: SECURITY },
  'traq:getMySessions.only-own': { level: 'MUST', summary: 'the list holds only the caller\'s own sessions: another user\'s session never shows in it', source: line(2449, '自分のログインセッション') },
  'traq:getMySessions.lists-own-session': { level: 'MUST', summary: 'the list of valid sessions holds the session the caller just created', source: line(2445, '有効なログインセッションの配列') },
  'traq:revokeMySession#204': { level: 'MUST', summary: 'revoking an own or unknown session answers 204', source: line(2456, '"204":') },
  'traq:revokeMySession.requires-credentials': { level: 'MUST', summary: 'without valid credentials nothing is revoked: a 4xx', source: SECURITY },
  'traq:revokeMySession.only-own': { level: 'MUST', summary: 'naming another user\'s session id ends nothing: that session still authenticates and is still listed', source: line(2465, '指定した自分のセッション') },
  // The document answers 204 for an id that names no session of the caller; a refusal is the other reading.
  'traq:revokeMySession.other-user-answered': { level: 'MUST', summary: 'naming another user\'s session id is answered 204 (as for a session that does not exist) or refused with a 4xx', source: line(2466, '`204`') },
  'traq:revokeMySession.ends-session': { level: 'MUST', summary: 'a revoked session no longer authenticates', source: line(2465, '無効化(ログアウト)') },
  'traq:getMyExternalAccounts#200': { level: 'MUST', summary: 'the linked accounts are listed as ExternalProviderUser[]', source: line(4259, '"200":') },
  'traq:getMyExternalAccounts.only-own': { level: 'MUST', summary: 'the list holds only the accounts linked to the caller: another user\'s link never shows in it', source: line(4269, '自分に紐付けられている') },
  'traq:getMyExternalAccounts.requires-credentials': { level: 'MUST', summary: 'without valid credentials no accounts are listed: a 4xx', source: SECURITY },
  'traq:linkExternalAccount#302': { level: 'MUST', summary: 'an enabled provider redirects to its authorization page with 302', source: line(4276, '"302":') },
  'traq:linkExternalAccount#400': { level: 'MUST', summary: 'an unknown or missing provider is refused with 400', source: line(4280, '"400":') },
  'traq:linkExternalAccount.requires-credentials': { level: 'MUST', summary: 'without valid credentials nothing is linked: a 4xx', source: SECURITY },
  'traq:unlinkExternalAccount#204': { level: 'MUST', summary: 'a linked provider is unlinked with 204', source: line(4299, '"204":') },
  // The document lists 400 without saying for what; traQ answers it for a provider that is not linked
  // (router/v3/sessions.go, ErrNotFound → BadRequest), but an idempotent 204 is a reading too.
  'traq:unlinkExternalAccount#400': { level: 'SHOULD', summary: 'a provider that is not linked is refused with 400', source: line(4303, '"400":') },
  'traq:unlinkExternalAccount.only-own': { level: 'MUST', summary: 'unlinking a provider the caller has not linked leaves another user\'s link to it in place', source: line(4305, '自分に紐付けられている') },
  // The document names no status for a provider the caller has not linked (400 is listed without a reason).
  'traq:unlinkExternalAccount.other-user-answered': { level: 'MUST', summary: 'unlinking a provider only another user has linked is refused with a 4xx or answered 204 as a no-op', source: line(4305, '自分に紐付けられている') },
  'traq:unlinkExternalAccount.requires-credentials': { level: 'MUST', summary: 'without valid credentials nothing is unlinked: a 4xx', source: SECURITY },
} as const satisfies Record<string, Requirement>;

export default TRAQ;

declare module '../../requirements/index.ts' {
  interface ApiRequirements extends Record<keyof typeof TRAQ, Requirement> {}
}

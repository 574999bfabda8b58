import { upstreamLine, type Requirement, type Source } from '../../requirements/types.ts';
import { STATUS_REQUIREMENTS } from './contract.generated.ts';

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
 * traQ v3 authentication. `traq:<operationId>#<status>` come from the contract's responses
 * (contract.generated.ts); here is `traq:<operationId>.<behaviour>`: what the operation does,
 * checked by its effect.
 */
export const TRAQ = {
  ...STATUS_REQUIREMENTS,
  // The document's login "logs in" (ログインします); the session it opens is the r_session cookie of its cookieAuth scheme.
  'traq:login.session-works': { level: 'MUST', summary: 'the r_session cookie a login sets authenticates the /users/me operations', source: line(2407, 'ログインします') },
  'traq:logout.ends-session': { level: 'MUST', summary: 'after logout the session cookie no longer authenticates', source: line(2431, 'ログアウトします') },
  'traq:logout.all-ends-others': { level: 'MUST', summary: 'logout with all=true ends the user\'s other sessions too', source: line(2430, '全てのセッション') },
  // "Log out in every session" names no owner: that it means the caller's sessions is every reading
  // we know of, but the document does not say 自分の here, so another user's session surviving is a SHOULD.
  'traq:logout.all-only-own': { level: 'SHOULD', summary: 'logout with all=true leaves other users\' sessions working', source: line(2430, '全てのセッション') },
  'traq:getMySessions.requires-credentials': { level: 'MUST', summary: 'without valid credentials the sessions are not listed: a 4xx', source: SECURITY },
  'traq:getMySessions.only-own': { level: 'MUST', summary: 'the list holds only the caller\'s own sessions: another user\'s session never shows in it', source: line(2449, '自分のログインセッション') },
  'traq:getMySessions.lists-own-session': { level: 'MUST', summary: 'the list of valid sessions holds the session the caller just created', source: line(2445, '有効なログインセッションの配列') },
  'traq:revokeMySession.requires-credentials': { level: 'MUST', summary: 'without valid credentials nothing is revoked: a 4xx', source: SECURITY },
  'traq:revokeMySession.only-own': { level: 'MUST', summary: 'naming another user\'s session id ends nothing: that session still authenticates and is still listed', source: line(2465, '指定した自分のセッション') },
  // The document answers 204 for an id that names no session of the caller; a refusal is the other reading.
  'traq:revokeMySession.other-user-answered': { level: 'MUST', summary: 'naming another user\'s session id is answered 204 (as for a session that does not exist) or refused with a 4xx', source: line(2466, '`204`') },
  'traq:revokeMySession.ends-session': { level: 'MUST', summary: 'a revoked session no longer authenticates', source: line(2465, '無効化(ログアウト)') },
  'traq:getMyExternalAccounts.only-own': { level: 'MUST', summary: 'the list holds only the accounts linked to the caller: another user\'s link never shows in it', source: line(4269, '自分に紐付けられている') },
  'traq:getMyExternalAccounts.requires-credentials': { level: 'MUST', summary: 'without valid credentials no accounts are listed: a 4xx', source: SECURITY },
  'traq:linkExternalAccount.requires-credentials': { level: 'MUST', summary: 'without valid credentials nothing is linked: a 4xx', source: SECURITY },
  'traq:unlinkExternalAccount.only-own': { level: 'MUST', summary: 'unlinking a provider the caller has not linked leaves another user\'s link to it in place', source: line(4305, '自分に紐付けられている') },
  // The document names no status for a provider the caller has not linked (400 is listed without a reason).
  'traq:unlinkExternalAccount.other-user-answered': { level: 'MUST', summary: 'unlinking a provider only another user has linked is refused with a 4xx or answered 204 as a no-op', source: line(4305, '自分に紐付けられている') },
  'traq:unlinkExternalAccount.requires-credentials': { level: 'MUST', summary: 'without valid credentials nothing is unlinked: a 4xx', source: SECURITY },
} as const satisfies Record<string, Requirement>;

export default TRAQ;

declare module '../../requirements/index.ts' {
  interface ApiRequirements extends Record<keyof typeof TRAQ, Requirement> {}
}

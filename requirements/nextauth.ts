import type { Requirement, Source } from './types.ts';

const UPSTREAM = 'https://github.com/APIs-guru/openapi-directory/blob/02ccb7954ee97f9d15883226683ecb3207ef1a1c/APIs/n-auth.com/2.2/swagger.yaml';
/** Stated by nextAuth's own document (restated in shared/reference/upstream/nextauth-facts.md). */
const vendor = (operationId: string): Source => ({ kind: 'vendor', url: `${UPSTREAM}#operationId=${operationId}` });
/** Our contract's correction; the contract says beside it what upstream says and why ours differs. */
const ours = (pointer: string): Source => ({ kind: 'correction', url: `contracts/nextauth.yaml#${pointer}` });

const QR = '/paths/~1servers~1{serverid}~1sessions~1qr~1login/get';
const ACCOUNT = '/paths/~1servers~1{serverid}~1accounts~1{accountid}~1provokelogin/post';
const USER = '/paths/~1servers~1{serverid}~1users~1{userid}~1provokelogin/post';
const UNAUTHORIZED = '/components/responses/Unauthorized';
const FORBIDDEN = '/components/responses/Forbidden';
const BAD_REQUEST = '/components/responses/BadRequest';
const SERVER_NOT_FOUND = '/components/responses/ServerNotFound';

/**
 * nextAuth Sessions. `nextauth:<operationId>#<status>`: the scenario provokes that status and the
 * response matches the contract's definition of it (headers, media type, body schema).
 * `nextauth:<operationId>.<behaviour>`: what the operation does, checked by its content or effect.
 */
export const NEXTAUTH = {
  'nextauth:getQrLogin#200': { level: 'MUST', summary: 'a valid key and nonce get the QR data as application/octet-stream, with or without a UserContext body (our contract adds Cache-Control: no-store)', source: vendor('getQrLogin') },
  'nextauth:getQrLogin#400': { level: 'MUST', summary: 'a missing X-nonce, an s that is not a positive integer or a body that is not a UserContext is refused with 400', source: ours(`${QR}/responses/400`) },
  'nextauth:getQrLogin#401': { level: 'MUST', summary: 'a missing or invalid X-apikey is refused with 401 and a challenge', source: ours(UNAUTHORIZED) },
  'nextauth:getQrLogin#403': { level: 'MUST', summary: 'an X-su role the key may not assume is refused with 403', source: ours(FORBIDDEN) },
  'nextauth:getQrLogin#404': { level: 'MUST', summary: 'an unknown serverid is refused with 404', source: ours(SERVER_NOT_FOUND) },
  'nextauth:getQrLogin.png': { level: 'MUST', summary: 'with img=png the body is a PNG image: its signature, a valid IHDR chunk first, whole chunks with correct CRCs up to IEND', source: vendor('getQrLogin') },
  'nextauth:getQrLogin.png-size': { level: 'MUST', summary: 'the PNG is s pixels wide and high, 500 when s is absent', source: vendor('getQrLogin') },
  'nextauth:getQrLogin.matches-session': { level: 'MUST', summary: 'the raw QR data is the loginqrdata getSession reports (base64) for the same nonce', source: vendor('getSession') },
  'nextauth:getQrLogin.nonce-bound': { level: 'MUST', summary: 'two different nonces get different QR data', source: ours(`${QR}/responses/200`) },
  'nextauth:getSession#200': { level: 'MUST', summary: 'a valid key (also with an allowed X-su role) and a nonce get a LoginStatus (our contract adds its required fields and Cache-Control: no-store)', source: vendor('getSession') },
  'nextauth:getSession#400': { level: 'MUST', summary: 'a missing X-nonce is refused with 400', source: ours(BAD_REQUEST) },
  'nextauth:getSession#401': { level: 'MUST', summary: 'a missing or invalid X-apikey is refused with 401 and a challenge', source: ours(UNAUTHORIZED) },
  'nextauth:getSession#403': { level: 'MUST', summary: 'an X-su role the key may not assume is refused with 403', source: ours(FORBIDDEN) },
  'nextauth:getSession#404': { level: 'MUST', summary: 'an unknown serverid is refused with 404', source: ours(SERVER_NOT_FOUND) },
  'nextauth:getSession.fresh-nonce-logged-out': { level: 'MUST', summary: 'a nonce nobody has logged in with is reported as loggedin false', source: vendor('getSession') },
  'nextauth:logout#200': { level: 'MUST', summary: 'a logout answers 200, also for a session that is not logged in', source: vendor('logout') },
  'nextauth:logout#400': { level: 'MUST', summary: 'a missing X-nonce is refused with 400', source: ours(BAD_REQUEST) },
  'nextauth:logout#401': { level: 'MUST', summary: 'a missing or invalid X-apikey is refused with 401 and a challenge', source: ours(UNAUTHORIZED) },
  'nextauth:logout#403': { level: 'MUST', summary: 'an X-su role the key may not assume is refused with 403', source: ours(FORBIDDEN) },
  'nextauth:logout#404': { level: 'MUST', summary: 'an unknown serverid is refused with 404', source: ours(SERVER_NOT_FOUND) },
  'nextauth:provokeLogin#200': { level: 'MUST', summary: 'a push request answers 200, with or without a UserContext body', source: vendor('provokeLogin') },
  'nextauth:provokeLogin#400': { level: 'MUST', summary: 'a missing X-nonce or a body that is not a UserContext is refused with 400', source: ours(BAD_REQUEST) },
  'nextauth:provokeLogin#401': { level: 'MUST', summary: 'a missing or invalid X-apikey is refused with 401 and a challenge', source: ours(UNAUTHORIZED) },
  'nextauth:provokeLogin#403': { level: 'MUST', summary: 'an X-su role the key may not assume is refused with 403', source: ours(FORBIDDEN) },
  'nextauth:provokeLogin#404': { level: 'MUST', summary: 'an unknown serverid is refused with 404', source: ours(SERVER_NOT_FOUND) },
  'nextauth:provokeLoginOnAccount#200': { level: 'MUST', summary: 'a push to a known account answers 200', source: vendor('provokeLoginOnAccount') },
  'nextauth:provokeLoginOnAccount#400': { level: 'MUST', summary: 'a missing X-nonce, an accountid that is not an integer or a body that is not a UserContext is refused with 400', source: ours(`${ACCOUNT}/responses/400`) },
  'nextauth:provokeLoginOnAccount#401': { level: 'MUST', summary: 'a missing or invalid X-apikey is refused with 401 and a challenge', source: ours(UNAUTHORIZED) },
  'nextauth:provokeLoginOnAccount#403': { level: 'MUST', summary: 'an X-su role the key may not assume is refused with 403', source: ours(FORBIDDEN) },
  'nextauth:provokeLoginOnAccount#404': { level: 'MUST', summary: 'an unknown serverid or accountid is refused with 404', source: ours(`${ACCOUNT}/responses/404`) },
  'nextauth:provokeLoginOnAccount.awaits-confirmation': { level: 'MUST', summary: 'a pushed login does not log the session in before the user confirms it', source: vendor('provokeLoginOnAccount') },
  'nextauth:provokeLoginOnUser#200': { level: 'MUST', summary: 'a push to a known user answers 200', source: vendor('provokeLoginOnUser') },
  'nextauth:provokeLoginOnUser#400': { level: 'MUST', summary: 'a missing X-nonce or a body that is not a UserContext is refused with 400', source: ours(BAD_REQUEST) },
  'nextauth:provokeLoginOnUser#401': { level: 'MUST', summary: 'a missing or invalid X-apikey is refused with 401 and a challenge', source: ours(UNAUTHORIZED) },
  'nextauth:provokeLoginOnUser#403': { level: 'MUST', summary: 'an X-su role the key may not assume is refused with 403', source: ours(FORBIDDEN) },
  'nextauth:provokeLoginOnUser#404': { level: 'MUST', summary: 'an unknown serverid or userid is refused with 404', source: ours(`${USER}/responses/404`) },
  'nextauth:provokeLoginOnUser.awaits-confirmation': { level: 'MUST', summary: 'a pushed login does not log the session in before the user confirms it', source: vendor('provokeLoginOnUser') },
} as const satisfies Record<string, Requirement>;

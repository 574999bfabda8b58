import { upstreamLine, type Requirement, type Source } from '../../requirements/types.ts';
import { STATUS_REQUIREMENTS } from './contract.generated.ts';

/**
 * The vendor's Swagger 2.0 description, pinned (mirrored by APIs.guru; no licence, so no local copy:
 * the provenance self-test cannot check these markers, and the lines were counted by hand from the
 * pinned blob; shared/reference/upstream/nextauth-facts.md restates the same facts).
 */
const UPSTREAM = 'https://github.com/APIs-guru/openapi-directory/blob/02ccb7954ee97f9d15883226683ecb3207ef1a1c/APIs/n-auth.com/2.2/swagger.yaml';
const at = (line: number, marker: string): Source => upstreamLine(UPSTREAM, line, marker);
/** Our contract's reading where the vendor is silent; such requirements are SHOULD at most. */
const ours = (pointer: string): Source => ({ kind: 'correction', url: `contracts/nextauth.yaml#${pointer}` });

/** The document-wide security requirement: X-apikey, alone or with an X-su role (lines 35-38). */
const SECURITY = at(35, 'security:');

const QR = '/paths/~1servers~1{serverid}~1sessions~1qr~1login/get';

const needsKey = { level: 'MUST', summary: 'a request without a valid X-apikey, or asking with X-su for a role the key may not assume, is refused (a 4xx)', source: SECURITY } as const;
/**
 * The API key belongs to one virtual server (line 26), and every operation names the permission it
 * needs there: a key naming a server it may not act on (NEXTAUTH_SECOND_SERVER_ID, as configured)
 * is refused like a role it may not assume. No status is documented, so any 4xx refuses; a 403
 * and a 404 that hides the server are equally reasonable. Judged by the answer: no request of this
 * API can log a session in (only the user's app confirms logins), so there is no logged-in session
 * of the other server whose survival a run could watch.
 */
const ownServerOnly = { level: 'MUST', summary: 'a request naming a virtual server the API key may not act on is refused (a 4xx): the key neither reads nor ends nor pushes to that server\'s sessions', source: at(26, 'API Key for a specific (virtual) server') } as const;
const needsNonce = (line: number) => ({ level: 'MUST', summary: 'a request without the required X-nonce is refused (a 4xx)', source: at(line, 'name: X-nonce') }) as const;

/**
 * nextAuth Sessions. The vendor documents nothing but a 200 for each operation, so:
 * `nextauth:<operationId>#200` (MUST) is the documented answer; `#400`, `#401`, `#403` and `#404`
 * are statuses our contract reads into the vendor's silence (SHOULD); both come from the contract
 * (contract.generated.ts). What every reasonable reading requires of those requests, a refusal, is
 * the MUST behaviour `.needs-key` or `.needs-nonce`, here.
 */
export const NEXTAUTH = {
  ...STATUS_REQUIREMENTS,
  'nextauth:getQrLogin.needs-key': needsKey,
  'nextauth:getQrLogin.own-server-only': ownServerOnly,
  'nextauth:getQrLogin.needs-nonce': needsNonce(992),
  'nextauth:getQrLogin.png': { level: 'MUST', summary: 'with img=png the body is a PNG image: its signature, a valid IHDR chunk first, whole chunks with correct CRCs up to IEND', source: at(995, '"png" for a PNG image') },
  'nextauth:getQrLogin.png-size': { level: 'MUST', summary: 'the PNG is s pixels wide and high, 500 when s is absent', source: at(1000, 'size in pixels of the qr code, defaults to 500') },
  'nextauth:getQrLogin.matches-session': { level: 'SHOULD', summary: 'the raw QR data is the loginqrdata getSession reports (base64) for the same nonce (the vendor describes both as the session\'s login QR data, but does not say they are the same bytes)', source: at(756, 'the data for the login qr code') },
  'nextauth:getQrLogin.nonce-bound': { level: 'SHOULD', summary: 'two different nonces get different QR data', source: ours(`${QR}/responses/200`) },
  'nextauth:getSession.needs-key': needsKey,
  'nextauth:getSession.own-server-only': ownServerOnly,
  'nextauth:getSession.needs-nonce': needsNonce(766),
  'nextauth:getSession.fresh-nonce-logged-out': { level: 'MUST', summary: 'a nonce nobody has logged in with is not reported as logged in', source: at(756, 'check if the user is logged in') },
  'nextauth:logout.needs-key': needsKey,
  'nextauth:logout.own-server-only': ownServerOnly,
  'nextauth:logout.needs-nonce': needsNonce(893),
  'nextauth:provokeLogin.needs-key': needsKey,
  'nextauth:provokeLogin.own-server-only': ownServerOnly,
  'nextauth:provokeLogin.needs-nonce': needsNonce(918),
  'nextauth:provokeLoginOnAccount.needs-key': needsKey,
  'nextauth:provokeLoginOnAccount.own-server-only': ownServerOnly,
  'nextauth:provokeLoginOnAccount.needs-nonce': needsNonce(382),
  'nextauth:provokeLoginOnAccount.awaits-confirmation': { level: 'MUST', summary: 'a pushed login does not log the session in before the user confirms it', source: at(372, 'for the user to confirm') },
  'nextauth:provokeLoginOnUser.needs-key': needsKey,
  'nextauth:provokeLoginOnUser.own-server-only': ownServerOnly,
  'nextauth:provokeLoginOnUser.needs-nonce': needsNonce(1366),
  'nextauth:provokeLoginOnUser.awaits-confirmation': { level: 'MUST', summary: 'a pushed login does not log the session in before the user confirms it', source: at(1356, 'for the user to confirm') },
} as const satisfies Record<string, Requirement>;

export default NEXTAUTH;

declare module '../../requirements/index.ts' {
  interface ApiRequirements extends Record<keyof typeof NEXTAUTH, Requirement> {}
}

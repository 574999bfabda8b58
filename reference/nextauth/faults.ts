import type { COMMON } from '../../requirements/common.ts';
import type { NEXTAUTH } from '../../suites/nextauth/requirements.ts';
import type { Fault } from '../kit/types.ts';

type RequirementId = keyof typeof NEXTAUTH | keyof typeof COMMON;
const ids = (...list: RequirementId[]): readonly RequirementId[] => list;

const OPERATIONS = ['getQrLogin', 'getSession', 'logout', 'provokeLogin', 'provokeLoginOnAccount', 'provokeLoginOnUser'] as const;
/** `nextauth:<op>#<status>` for all six operations. */
const everyOperation = (status: 400 | 401 | 403 | 404): RequirementId[] =>
  OPERATIONS.map((op) => `nextauth:${op}#${status}` as RequirementId);
/** `nextauth:<op>.<behaviour>` for all six operations. */
const everyBehaviour = (behaviour: 'needs-key' | 'needs-nonce'): RequirementId[] =>
  OPERATIONS.map((op) => `nextauth:${op}.${behaviour}` as RequirementId);

/**
 * Defects real servers ship, each switchable on the reference server. `catches` lists the MUST
 * requirements a full conformance run fails against the fault, and no others; `warns` the SHOULDs.
 * The vendor documents only 200s: a refusal with another status than the contract's reading warns
 * (`<op>#<status>`, SHOULD), a request served where it must be refused fails (`.needs-key`,
 * `.needs-nonce`, judged first, so the status is then not reached). The 403 scenarios of the two
 * provoke-on operations name an account or user that does not exist, so that a server ignoring the
 * role still pushes nothing: there a 404 refuses, and only the status warns.
 */
export const FAULTS = {
  'missing-www-authenticate': {
    summary: '401 answers carry no WWW-Authenticate challenge',
    // The contract does not require the header (the vendor documents no 401); RFC 9110 alone judges it.
    catches: ids('RFC9110-15.5.2'),
  },
  'provoke-on-user-skips-auth': {
    summary: 'provokeLoginOnUser serves requests with a missing or invalid X-apikey',
    // Without a key the scenario names the configured user (the push goes out); with a forged key a
    // user that does not exist, so the server answers 404: refused, but not as 401.
    catches: ids('nextauth:provokeLoginOnUser.needs-key'),
    warns: ids('nextauth:provokeLoginOnUser#401'),
  },
  'forbidden-role-ignored': {
    summary: 'an X-su role the key may not assume is ignored and the request served',
    catches: ids('nextauth:getQrLogin.needs-key', 'nextauth:getSession.needs-key', 'nextauth:logout.needs-key', 'nextauth:provokeLogin.needs-key'),
    warns: ids('nextauth:provokeLoginOnAccount#403', 'nextauth:provokeLoginOnUser#403'),
  },
  'auth-statuses-swapped': {
    summary: 'a missing or invalid key is answered 403, a forbidden role 401 (with a challenge)',
    catches: ids(),
    warns: ids(...everyOperation(401), ...everyOperation(403)),
  },
  'missing-nonce-accepted': {
    summary: 'a request without X-nonce is served (as the empty nonce) instead of refused',
    catches: ids(...everyBehaviour('needs-nonce')),
  },
  'accountid-not-validated': {
    summary: 'an accountid that is not an integer is looked up and answered 404 instead of 400',
    catches: ids(),
    warns: ids('nextauth:provokeLoginOnAccount#400'),
  },
  'unknown-account-accepted': {
    summary: 'provokeLoginOnAccount answers 200 for an account that does not exist',
    catches: ids(),
    warns: ids('nextauth:provokeLoginOnAccount#404'),
  },
  'logout-answers-204': {
    summary: 'logout answers 204 instead of the documented 200',
    catches: ids('nextauth:logout#200'),
  },
  'session-canprovoke-string': {
    summary: 'getSession gives canprovoke as a string ("false") instead of a boolean',
    catches: ids('nextauth:getSession#200'),
  },
  'session-missing-loginqrdata': {
    summary: 'getSession leaves out loginqrdata',
    // LoginStatus requires nothing, so only the comparison with getQrLogin's data (a SHOULD) notices.
    catches: ids(),
    warns: ids('nextauth:getQrLogin.matches-session'),
  },
  'session-logged-in-by-default': {
    summary: 'getSession reports a nonce nobody has logged in with as logged in (as a user "nobody")',
    // The push scenarios read the same state after their push, so they fail too.
    catches: ids('nextauth:getSession.fresh-nonce-logged-out', 'nextauth:provokeLoginOnAccount.awaits-confirmation', 'nextauth:provokeLoginOnUser.awaits-confirmation'),
  },
  'session-cacheable': {
    summary: 'getSession is sent with Cache-Control: public, max-age=300 instead of no-store',
    catches: ids(),
    warns: ids('ASVS-8.2.1'),
  },
  'qr-raw-as-text': {
    summary: 'getQrLogin without img sends the raw QR data as text/plain instead of application/octet-stream',
    catches: ids('nextauth:getQrLogin#200'),
  },
  'qr-rejects-body': {
    summary: 'getQrLogin refuses a GET that carries a (valid) UserContext body with 400',
    catches: ids('nextauth:getQrLogin#200'),
  },
  'qr-raw-is-base64': {
    summary: 'getQrLogin without img sends the base64 text of the QR data instead of the raw bytes',
    catches: ids(),
    warns: ids('nextauth:getQrLogin.matches-session'),
  },
  'qr-png-is-raw-data': {
    summary: 'getQrLogin ignores img=png and sends the raw QR data, which is no PNG',
    // The size is read from IHDR, so it is not reached when there is no PNG.
    catches: ids('nextauth:getQrLogin.png'),
  },
  'qr-png-ignores-size': {
    summary: 'the PNG is always 500 × 500 pixels, whatever s says',
    catches: ids('nextauth:getQrLogin.png-size'),
  },
  'qr-ignores-nonce': {
    summary: 'the QR data (in getQrLogin and getSession alike) depends on the server only, not on the nonce',
    catches: ids(),
    warns: ids('nextauth:getQrLogin.nonce-bound'),
  },
  // Cross-server (object-level authorization): the scenarios name NEXTAUTH_SECOND_SERVER_ID with fresh
  // nonces, and, on the two push-to operations, an account or user that exists nowhere, so a faulty
  // server pushes to nobody. A server acting on the second server then finds no such account or user
  // and answers 404, a refusal: those two are caught only where pushes are accepted unchecked.
  'key-acts-on-any-server': {
    summary: 'the API key is served on every virtual server, also one it may not act on (only the key itself is checked)',
    catches: ids('nextauth:getQrLogin.own-server-only', 'nextauth:getSession.own-server-only', 'nextauth:logout.own-server-only', 'nextauth:provokeLogin.own-server-only'),
  },
  'foreign-server-readable': {
    summary: 'only the operations that change state check the server: getSession and getQrLogin serve the sessions of a server the key may not act on',
    catches: ids('nextauth:getQrLogin.own-server-only', 'nextauth:getSession.own-server-only'),
  },
  'provoke-queued-unchecked': {
    summary: 'provokeLoginOnAccount and provokeLoginOnUser queue the push and answer 200 before looking up the server or the account or user',
    // The unknown-server and unknown-account/user scenarios get 200 too, which only their statuses notice.
    catches: ids('nextauth:provokeLoginOnAccount.own-server-only', 'nextauth:provokeLoginOnUser.own-server-only'),
    warns: ids('nextauth:provokeLoginOnAccount#404', 'nextauth:provokeLoginOnUser#404'),
  },
  'provoke-logs-in-without-confirmation': {
    summary: 'provokeLoginOnAccount and provokeLoginOnUser log the session in at once, without the user confirming',
    catches: ids('nextauth:provokeLoginOnAccount.awaits-confirmation', 'nextauth:provokeLoginOnUser.awaits-confirmation'),
  },
} as const satisfies Record<string, Fault>;

export type FaultId = keyof typeof FAULTS;

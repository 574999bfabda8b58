import type { Variant } from '../kit/types.ts';

/** The pinned vendor description (APIs-guru/openapi-directory 02ccb795, APIs/n-auth.com/2.2/swagger.yaml). */
const L = (line: number) => `swagger.yaml line ${line}`;
const OPERATIONS = ['getQrLogin', 'getSession', 'logout', 'provokeLogin', 'provokeLoginOnAccount', 'provokeLoginOnUser'] as const;
const every = (status: number) => OPERATIONS.map((op) => `nextauth:${op}#${status}`);

/**
 * Behaviours that differ from this reference server but conform to the vendor's document and the
 * RFCs, each switchable like a fault. A run against any of them must fail no MUST and warn only on
 * the SHOULDs the variant lists (selftest/reference-faults.spec.ts). The vendor documents only 200s,
 * so most judgement calls of this suite are about refusals; each has its variant here.
 */
export const VARIANTS = {
  'errors-with-error-field': {
    summary: 'every 4xx carries {"error": "…"} (another field name than the reference\'s message)',
    allowedBy: `the vendor documents no error body at all (only 200s, e.g. ${L(770)})`,
  },
  'errors-without-body': {
    summary: 'every 4xx comes without content',
    allowedBy: 'the vendor documents no error body at all',
  },
  'not-found-as-text': {
    summary: '404 answers are plain text',
    allowedBy: 'the vendor documents no 404 (and no body for one) on these operations',
  },
  'missing-key-403': {
    summary: 'a missing or invalid X-apikey is refused with 403 (no challenge) instead of 401',
    allowedBy: `the vendor documents no refusal status (${L(35)} only requires the key); any 4xx refuses. The fault forbidden-role-ignored is the other side`,
    warns: every(401),
  },
  'missing-nonce-422': {
    summary: 'a request without X-nonce is refused with 422 instead of 400',
    allowedBy: `the vendor marks X-nonce required (${L(766)}) but documents no refusal status. The fault missing-nonce-accepted is the other side`,
    warns: every(400),
  },
  'unknown-server-403': {
    summary: 'a serverid the key does not belong to is refused with 403 instead of 404',
    allowedBy: 'the vendor documents no 404 on these operations; a key for one virtual server may read any other id as forbidden',
    warns: every(404),
  },
  'foreign-server-404': {
    summary: 'a server the key may not act on is refused with 404, as if it did not exist (the reference answers 403)',
    allowedBy: `the vendor documents no refusal status (${L(26)} only ties the key to one server); hiding that the other server exists is a refusal too`,
  },
  'foreign-server-401': {
    summary: 'a server the key may not act on is refused with 401 and a challenge: the key is not valid there',
    allowedBy: `the vendor documents no refusal status (${L(26)}: the key is for one server, so elsewhere it is no valid credential); the 401 carries WWW-Authenticate (RFC 9110 §15.5.2)`,
  },
  'login-status-minimal': {
    summary: 'getSession for a session nobody logged in carries only loggedin: false and loginqrdata',
    allowedBy: 'LoginStatus has no required properties in the vendor\'s description',
  },
  'login-status-loggedin-absent': {
    summary: 'getSession for a session nobody logged in leaves loggedin out (with canprovoke and loginqrdata)',
    allowedBy: 'LoginStatus has no required properties; an absent loggedin does not say the session is logged in. The fault session-logged-in-by-default is the other side',
  },
  'json-no-charset': {
    summary: 'JSON bodies are sent as application/json without a charset parameter',
    allowedBy: 'application/json has no charset parameter (RFC 8259 §11)',
  },
  'headers-upper-case': {
    summary: 'response header names are sent in upper case',
    allowedBy: 'field names are case-insensitive (RFC 9110 §5.1)',
  },
  'cache-control-private': {
    summary: 'Cache-Control: private, no-store, max-age=0 instead of no-store alone',
    allowedBy: 'no-store among other directives still keeps the response out of caches (RFC 9111 §5.2.2.5)',
  },
  'chunked': {
    summary: 'JSON and QR bodies are sent with Transfer-Encoding: chunked instead of a Content-Length',
    allowedBy: 'either framing is HTTP/1.1 (RFC 9112 §6)',
  },
} as const satisfies Record<string, Variant>;

export type VariantId = keyof typeof VARIANTS;

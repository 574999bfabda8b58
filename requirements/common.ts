import { asvs, rfc, type Requirement } from './types.ts';

const SESSION = '0x12-V3-Session-management.md';

/** Requirements that hold for every API: HTTP itself, and session-management good practice. */
export const COMMON = {
  'RFC9110-15.3.5': {
    level: 'MUST',
    summary: 'a 204 response has no content and announces none (no Content-Length above 0)',
    source: rfc(9110, '8.6', 'A server MUST NOT send a Content-Length header field in any response with a status code of 1xx (Informational) or 204 (No Content).'),
  },
  'RFC9110-15.5.2': {
    level: 'MUST',
    summary: 'a 401 response carries at least one WWW-Authenticate challenge',
    source: rfc(9110, '15.5.2', 'The server generating a 401 response MUST send a WWW-Authenticate header field containing at least one challenge applicable to the target resource.'),
  },
  'RFC9110-10.2.2': {
    level: 'SHOULD',
    summary: 'a redirect (301, 302, 303, 307, 308) carries a Location',
    // Stated per status in §15.4 (here 302's sentence; 301, 303, 307 and 308 say the same).
    source: rfc(9110, '15.4.3', 'The server SHOULD generate a Location header field in the response containing a URI reference for the different URI.'),
  },
  'RFC9110-8.3': {
    level: 'SHOULD',
    summary: 'a response with content says what it is in Content-Type',
    source: rfc(9110, '8.3', 'A sender that generates a message containing content SHOULD generate a Content-Type header field in that message unless the intended media type of the enclosed representation is unknown to the sender.'),
  },
  'RFC6265-4.1': {
    // RFC 6265 states its grammar for servers with SHOULD NOT, so a malformed line warns.
    level: 'SHOULD',
    summary: 'a Set-Cookie header is a name=value pair with well-formed attributes',
    source: rfc(6265, '4.1', 'Servers SHOULD NOT send Set-Cookie headers that fail to conform to the following grammar.'),
  },
  'ASVS-3.4.2': {
    level: 'SHOULD',
    summary: 'an auth cookie (session, OAuth state) is HttpOnly; a CSRF cookie read by script is exempt',
    source: asvs(SESSION, 'v34-cookie-based-session-management'),
  },
  'ASVS-3.4.3': {
    level: 'SHOULD',
    summary: 'an auth cookie (session, OAuth state, CSRF) has a SameSite attribute',
    source: asvs(SESSION, 'v34-cookie-based-session-management'),
  },
  'ASVS-3.4.1': {
    level: 'SHOULD',
    summary: 'an auth cookie (session, OAuth state, CSRF) on an https origin is Secure',
    source: asvs(SESSION, 'v34-cookie-based-session-management'),
  },
  'ASVS-3.2.1': {
    level: 'SHOULD',
    summary: 'every login issues a new session token, also when the client arrives with a session value it chose (fixation)',
    source: asvs(SESSION, 'v32-session-binding'),
  },
  'ASVS-8.2.1': {
    level: 'SHOULD',
    summary: 'a response that sets a session or carries a token is sent with Cache-Control: no-store',
    source: asvs('0x16-V8-Data-Protection.md', 'v82-client-side-data-protection'),
  },
  'ASVS-3.1.1': {
    level: 'SHOULD',
    summary: 'a credential sent in the URL query is not accepted (URLs end up in logs and Referer headers)',
    source: asvs(SESSION, 'v31-fundamental-session-management-security'),
  },
  'WSTG-IDNT-04': {
    level: 'SHOULD',
    summary: 'a login for an unknown user, one with a wrong password (and one for a suspended or disabled account with a wrong password) get the same status, body shape and text (names blanked) and headers (apart from what varies by itself)',
    source: { kind: 'owasp', url: 'https://owasp.org/www-project-web-security-testing-guide/stable/4-Web_Application_Security_Testing/03-Identity_Management_Testing/04-Testing_for_Account_Enumeration_and_Guessable_User_Account' },
  },
  'ASVS-5.1.5': {
    level: 'SHOULD',
    summary: 'a redirect parameter (a foreign origin, //host, /\\host, javascript:) cannot send the user elsewhere, directly or through an authorization request',
    source: asvs('0x13-V5-Validation-Sanitization-Encoding.md', 'v51-input-validation'),
  },
  'ASVS-3.3.2': {
    level: 'SHOULD',
    summary: 'an auth cookie (session, remember-me, OAuth state; not a CSRF cookie) lives for the browser session or at most 30 days',
    source: asvs(SESSION, 'v33-session-termination'),
  },
  'RFC6265-5.3': {
    // §5.3 says how a user agent replaces a cookie; it states no server requirement, so a mismatch warns.
    level: 'SHOULD',
    summary: 'the Set-Cookie that clears a session has the session cookie\'s name, Domain and Path, so a browser really drops it',
    source: rfc(6265, '5.3', 'If the cookie store contains a cookie with the same name, domain, and path as the newly created cookie: … Remove the old-cookie from the cookie store.'),
  },
} as const satisfies Record<string, Requirement>;

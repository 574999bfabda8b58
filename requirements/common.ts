import { asvs, rfc, type Requirement } from './types.ts';

const SESSION = '0x12-V3-Session-management.md';

/** Requirements that hold for every API: HTTP itself, and session-management good practice. */
export const COMMON = {
  'RFC9110-15.3.5': {
    level: 'MUST',
    summary: 'a 204 response has no content',
    source: rfc(9110, '15.3.5'),
  },
  'RFC9110-15.5.2': {
    level: 'MUST',
    summary: 'a 401 response carries at least one WWW-Authenticate challenge',
    source: rfc(9110, '15.5.2'),
  },
  'RFC9110-10.2.2': {
    level: 'SHOULD',
    summary: 'a redirect (301, 302, 303, 307, 308) carries a Location',
    source: rfc(9110, '10.2.2'),
  },
  'RFC9110-8.3': {
    level: 'SHOULD',
    summary: 'a response with content says what it is in Content-Type',
    source: rfc(9110, '8.3'),
  },
  'RFC6265-4.1': {
    level: 'MUST',
    summary: 'a Set-Cookie header is a name=value pair with well-formed attributes',
    source: rfc(6265, '4.1'),
  },
  'ASVS-3.4.2': {
    level: 'SHOULD',
    summary: 'a session cookie is HttpOnly',
    source: asvs(SESSION, 'v34-cookie-based-session-management'),
  },
  'ASVS-3.4.3': {
    level: 'SHOULD',
    summary: 'a session cookie has a SameSite attribute',
    source: asvs(SESSION, 'v34-cookie-based-session-management'),
  },
  'ASVS-3.4.1': {
    level: 'SHOULD',
    summary: 'a session cookie on an https origin is Secure',
    source: asvs(SESSION, 'v34-cookie-based-session-management'),
  },
  'ASVS-3.2.1': {
    level: 'SHOULD',
    summary: 'every login issues a new session token',
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
    summary: 'a login for an unknown user and one with a wrong password get the same status and body shape',
    source: { kind: 'owasp', url: 'https://owasp.org/www-project-web-security-testing-guide/stable/4-Web_Application_Security_Testing/03-Identity_Management_Testing/04-Testing_for_Account_Enumeration_and_Guessable_User_Account' },
  },
  'ASVS-5.1.5': {
    level: 'SHOULD',
    summary: 'a redirect parameter cannot send the user to a foreign origin',
    source: asvs('0x13-V5-Validation-Sanitization-Encoding.md', 'v51-input-validation'),
  },
} as const satisfies Record<string, Requirement>;

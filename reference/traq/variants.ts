import type { Variant } from '../kit/types.ts';

const DOC = 'traQ docs/v3-api.yaml at ac297a77';

/**
 * Behaviours that differ from this reference server but conform to the vendor's document and the
 * RFCs, each switchable like a fault. A run against any of them must fail no MUST and warn only on
 * the SHOULDs the variant lists (selftest/reference-faults.spec.ts).
 */
export const VARIANTS = {
  'errors-without-body': { summary: 'every 4xx is sent without a body', allowedBy: `${DOC} documents no body for 400, 401 or 403 (lines 2387-2396, 4280, 4303)` },
  'errors-other-fields': { summary: 'error bodies are {"error": …, "code": …} instead of {"message": …}', allowedBy: `${DOC} documents no error body, so no field name is required` },
  'errors-as-text': { summary: '4xx bodies are text/plain sentences', allowedBy: `${DOC} documents no error body or media type for a 4xx` },
  'json-without-charset': { summary: 'JSON responses say Content-Type: application/json, without charset', allowedBy: 'RFC 8259 §11: application/json defines no charset parameter' },
  'chunked-json': { summary: 'JSON responses are sent chunked, without Content-Length', allowedBy: 'RFC 9112 §6.1: chunked transfer coding is an alternative to Content-Length' },
  'lower-case-headers': { summary: 'response header names are all lower case', allowedBy: 'RFC 9110 §5.1: field names are case-insensitive' },
  'cookie-attributes-reordered': { summary: 'the session cookie lists its attributes in another order, with Expires and Priority added', allowedBy: 'RFC 6265 §4.1.1: attributes may come in any order; unknown attributes are ignored (§5.2)' },
  'absolute-location': { summary: 'redirects give an absolute Location on the same origin', allowedBy: 'RFC 9110 §10.2.2: Location is a URI reference, absolute or relative' },
  'relative-provider-location': { summary: 'linking redirects to a path on this server (/api/auth/<provider>?link=1), as traQ does, which then redirects to the provider', allowedBy: `${DOC} line 4279 says only that the user is sent to the provider's authorization page` },
  'anonymous-403': { summary: 'requests to /users/me without any credentials are refused with 403 instead of 401', allowedBy: `${DOC} documents no status for a request without credentials (security at line 8297); any 4xx refuses it` },
  'tokens-lack-scope': { summary: 'bearer tokens are refused with 403 on /users/me/sessions and /users/me/ex-accounts, as traQ does (no OAuth2 scope grants these permissions)', allowedBy: `${DOC} names no scope for these operations (line 8297); a token without the permission may be refused (RFC 6750 §3.1 insufficient_scope)` },
  // Conformant to the document, but a wrong password then tells that the account exists (the "403 to any password").
  'suspended-checked-first': { summary: 'a suspended account is refused with 403 before its password is checked, as traQ does', allowedBy: `${DOC} sets no order of checks for login (lines 2378-2396)`, warns: ['WSTG-IDNT-04'] },
  'revoke-malformed-id-204': { summary: 'a sessionId that is not a UUID is read as no session and answered 204, as traQ does', allowedBy: `${DOC} line 2466: an id naming no session answers 204; it names no other status` },
  'logout-keeps-cookie': { summary: 'logout ends the session on the server but sends no Set-Cookie clearing it', allowedBy: `${DOC} documents no header on logout (lines 2412-2419)` },
  'extra-json-properties': { summary: 'listed sessions and accounts carry extra properties (userAgent, lastAccess)', allowedBy: `${DOC} LoginSession and ExternalProviderUser do not forbid additional properties` },
  'revoke-other-users-403': { summary: 'naming another user\'s session id is refused with 403 (and ends nothing)', allowedBy: `${DOC} line 2465 revokes only the caller's own sessions and names no status for another's; a 4xx refuses it` },
  'revoke-other-users-404': { summary: 'naming another user\'s session id is answered 404 (and ends nothing)', allowedBy: `${DOC} line 2465 revokes only the caller's own sessions and names no status for another's; a 4xx refuses it` },
  'login-refusal-names-user': { summary: 'every 401 of login repeats the name it was given ("wrong password for <name>"), the same words for an unknown user and a wrong password', allowedBy: `${DOC} documents no 401 body (line 2389); the text differs only by the name the client sent` },
  'session-cookie-default-path': { summary: 'login sets r_session and logout clears it without a Path attribute (both default to /api/v3)', allowedBy: 'RFC 6265 §5.1.4 and §5.3: a cookie without Path gets the request\'s directory, the same for login and logout' },
  'login-sets-csrf-cookie': { summary: 'login also sets an XSRF-TOKEN cookie for the page\'s script: SameSite=Strict, without HttpOnly', allowedBy: 'a double-submit CSRF cookie is read by script; ASVS 3.4.2 asks HttpOnly of session cookies only' },
  'link-sets-state-cookie': { summary: 'linking sets an oauth_state cookie (HttpOnly, SameSite=Lax, Max-Age=600) to check the provider\'s callback', allowedBy: `${DOC} documents no header on the 302 (line 4278); a short-lived HttpOnly state cookie is good practice` },
} as const satisfies Record<string, Variant>;

export type VariantId = keyof typeof VARIANTS;

import type { Variant } from '../kit/types.ts';

const DOC = 'Semaphore api-docs.yml at d4a27137';

/**
 * Behaviours that differ from this reference server but conform to the vendor's document and the
 * RFCs, each switchable like a fault. A run against any of them must fail no MUST and warn only on
 * the SHOULDs the variant lists (selftest/reference-faults.spec.ts).
 */
export const VARIANTS = {
  'errors-without-body': { summary: 'every 4xx is sent without a body or Content-Type, as Semaphore does', allowedBy: `${DOC} documents no body for the 400 (line 1061) and no other 4xx` },
  'errors-other-fields': { summary: 'error bodies are {"message": …, "status": …} instead of {"error": …}', allowedBy: `${DOC} documents no error body, so no field name is required` },
  'json-without-charset': { summary: 'JSON responses say Content-Type: application/json, without charset', allowedBy: 'RFC 8259 §11: application/json defines no charset parameter' },
  'chunked-json': { summary: 'JSON responses are sent chunked, without Content-Length', allowedBy: 'RFC 9112 §6.1: chunked transfer coding is an alternative to Content-Length' },
  'lower-case-headers': { summary: 'response header names are all lower case', allowedBy: 'RFC 9110 §5.1: field names are case-insensitive' },
  'cookie-attributes-reordered': { summary: 'the session cookie lists its attributes in another order, with Expires and Priority added', allowedBy: 'RFC 6265 §4.1.1: attributes may come in any order; unknown attributes are ignored (§5.2)' },
  'absolute-location': { summary: 'OIDC redirects to the login page give an absolute URL on the same origin', allowedBy: 'RFC 9110 §10.2.2: Location is a URI reference, absolute or relative' },
  'delete-unknown-token-204': { summary: 'an id that names none of the caller\'s tokens answers 204, as Semaphore on PostgreSQL does', allowedBy: `${DOC} line 1154: 204 is the one status the document lists for DELETE /user/tokens/{id}` },
  'delete-unknown-token-empty-404': { summary: 'an id that names none of the caller\'s tokens answers 404 with no body, as Semaphore on bolt does', allowedBy: `${DOC} lists no status for an unknown id; a 4xx refuses it` },
  'anonymous-403': { summary: 'the token operations refuse a request without valid credentials with 403 instead of 401', allowedBy: `${DOC} names no status for a request without credentials (security at line 897); any 4xx refuses it` },
  'logout-keeps-cookie': { summary: 'logout ends the session on the server but sends no Set-Cookie clearing it', allowedBy: `${DOC} documents no header on logout (line 1070)` },
  'extra-json-properties': { summary: 'tokens carry a name and the metadata login_with_password, color and icon, as newer Semaphore versions do', allowedBy: `${DOC} APIToken and LoginMetadata (lines 50, 277) do not forbid additional properties` },
  'oidc-scope-and-nonce': { summary: 'the authorization request also carries a nonce and other scopes, in another parameter order', allowedBy: 'OpenID Connect Core §3.1.2.1: nonce is OPTIONAL, parameter order is free' },
  'foreign-token-403': { summary: 'an id that names another user\'s token is refused with 403 (where the reference answers 404 as for any unknown id)', allowedBy: `${DOC} names no status for another user's id (line 1154 lists only 204); a 4xx refuses it, and A's token is untouched` },
  'login-error-echoes-name': { summary: 'a refused login says "wrong login name or password for <name>", echoing the name it was sent', allowedBy: `${DOC} documents no refusal body; the message is the same for every case once the name is blanked (OWASP WSTG-IDNT-04)` },
  'csrf-cookie-readable': { summary: 'a login also sets a double-submit XSRF-TOKEN cookie without HttpOnly (SameSite=Strict)', allowedBy: `${DOC} documents no header on the 204 (line 1059); a CSRF cookie is read by the page's script, so ASVS 3.4.2 does not ask HttpOnly of it` },
  'logout-clears-with-expires': { summary: 'logout clears the session cookie with an Expires date in the past and no other attribute but Path=/, as Semaphore does', allowedBy: 'RFC 6265 §5.3: a cookie whose expiry is in the past replaces and removes the one with the same name, domain and path' },
  'oidc-state-cookie-expires': { summary: 'the OIDC state cookie lives ten minutes by Expires instead of Max-Age, with no Path (the default path covers the callback)', allowedBy: 'RFC 6265 §5.2.1 (Expires) and §5.1.4 (the default path); ASVS 3.3.2 asks only a bounded lifetime' },
  'oidc-redirect-in-redirect-uri': { summary: 'a ?redirect= target is appended to the callback\'s path in redirect_uri, as Semaphore does (so it stays on the origin whatever it is)', allowedBy: `${DOC} does not name the parameter; appended to a path on the server's own origin, no value leads a browser elsewhere (ASVS 5.1.5)` },
} as const satisfies Record<string, Variant>;

export type VariantId = keyof typeof VARIANTS;

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
  'suspended-checked-first': { summary: 'a suspended account is refused with 403 before its password is checked, as traQ does', allowedBy: `${DOC} sets no order of checks for login (lines 2378-2396)` },
  'revoke-malformed-id-204': { summary: 'a sessionId that is not a UUID is read as no session and answered 204, as traQ does', allowedBy: `${DOC} line 2466: an id naming no session answers 204; it names no other status` },
  'logout-keeps-cookie': { summary: 'logout ends the session on the server but sends no Set-Cookie clearing it', allowedBy: `${DOC} documents no header on logout (lines 2412-2419)` },
  'extra-json-properties': { summary: 'listed sessions and accounts carry extra properties (userAgent, lastAccess)', allowedBy: `${DOC} LoginSession and ExternalProviderUser do not forbid additional properties` },
} as const satisfies Record<string, Variant>;

export type VariantId = keyof typeof VARIANTS;

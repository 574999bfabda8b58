import type { Variant } from '../kit/types.ts';

/** Lines of the pinned upstream openapi.json (svix/svix-webhooks 7e0b8360, openapi.json) that allow a variant. */
const L = (line: number) => `svix.json line ${line}`;

/**
 * Behaviours that differ from this reference server but conform to the vendor's document and the
 * RFCs, each switchable like a fault. A run against any of them must fail no MUST and warn only on
 * the SHOULDs the variant lists (selftest/reference-faults.spec.ts). Each pairs with a judgement
 * the suite makes; the fault on the other side of it is named where there is one.
 */
export const VARIANTS = {
  'error-extra-fields': {
    summary: 'every error body carries an extra property (a trace id), and each 422 item an extra `ctx`',
    allowedBy: `HttpErrorOut and ValidationError list properties but forbid no others (${L(1658)}, ${L(2895)}); the fault not-found-code-number is the other side`,
  },
  'json-no-charset': {
    summary: 'JSON bodies are sent as `application/json` without a charset parameter',
    allowedBy: 'application/json has no charset parameter (RFC 8259 §11); upstream documents only the media type',
  },
  'headers-upper-case': {
    summary: 'response header names are sent in upper case (CONTENT-TYPE, WWW-AUTHENTICATE, CACHE-CONTROL, RETRY-AFTER)',
    allowedBy: 'field names are case-insensitive (RFC 9110 §5.1)',
  },
  'chunked': {
    summary: 'JSON bodies are sent with Transfer-Encoding: chunked instead of a Content-Length',
    allowedBy: 'either framing is HTTP/1.1 (RFC 9112 §6); upstream documents neither',
  },
  'challenge-extra-params': {
    summary: 'the 401 challenge carries more parameters (scope, error_description) besides realm and error',
    allowedBy: 'RFC 6750 §3 allows scope and error_description; RFC 9110 §11.6.1 asks only for at least one challenge',
  },
  'idempotency-per-url': {
    summary: 'the idempotency store is keyed by token, key and URL, as Svix\'s own server does: a key reused on another path is a new request',
    allowedBy: `upstream documents 409 without saying when (${L(11572)}) and says only that a later request with the same key gets the first result (${L(2963)}); server/svix-server/src/core/idempotency.rs lines 58-65 at the pinned commit hash token, key and URL. The fault idempotency-ignored is the other side`,
    warns: ['svix:dashboardAccess#409', 'svix:expireAll#409', 'svix:logout#409'],
  },
  'logout-org-401': {
    summary: 'logout with the organisation token fails with 401 and a challenge instead of 403, and the token keeps working',
    allowedBy: `upstream says only that logging out other tokens fails (${L(11855)}); the fault logout-accepts-org-token is the other side`,
    warns: ['svix:logout#403'],
  },
  'validation-detail-absent': {
    summary: 'a 422 carries an empty object, without the `detail` list',
    allowedBy: `HTTPValidationError has no required properties (${L(1645)}); the fault validation-error-missing-loc is the other side`,
  },
  'app-before-body': {
    summary: 'expire-all looks the application up before it validates the body: an invalid body for an unknown application gets 404',
    allowedBy: 'upstream sets no order between its 404 and 422; the suite shows a body\'s 422 on SVIX_APP_ID (with the opt-in) or steps back',
  },
  'no-retry-after': {
    summary: 'a 429 comes without Retry-After',
    allowedBy: `upstream documents no headers on its 429 (${L(11592)}); RFC 6585 §4 says a 429 MAY carry Retry-After`,
  },
  'cache-control-private': {
    summary: 'dashboard-access sends Cache-Control: private, no-store, max-age=0 rather than no-store alone',
    allowedBy: 'no-store among other directives still keeps the token out of caches (RFC 9111 §5.2.2.5)',
  },
  'other-app-404': {
    summary: 'an app-portal token that names another application (dashboard-access, expire-all) gets 404, as if the application did not exist, instead of 403',
    allowedBy: `upstream documents 403 and 404 on both operations (${L(11552)}, ${L(11562)}, ${L(11729)}, ${L(11739)}) without saying which a token of another application gets; hiding the application is a refusal too. The faults app-token-expires-any-app and portal-token-mints-access are the other side`,
  },
  'idempotency-key-taken-409': {
    summary: 'one idempotency store for every caller: a key another token already used gets 409 instead of being a new request for this token',
    allowedBy: `upstream documents 409 without saying when (${L(11749)}) and that a later request with the same key gets the first result (${L(2963)}); refusing it to another caller keeps the first result from it. The fault idempotency-shared-across-callers is the other side`,
  },
} as const satisfies Record<string, Variant>;

export type VariantId = keyof typeof VARIANTS;

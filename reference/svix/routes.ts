import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearer, readBody, requestUrl, sendEmpty } from '../kit/http.ts';
import type { Handler } from '../kit/types.ts';
import type { SvixFault } from './faults.ts';
import type { VariantId } from './variants.ts';
import {
  APP_ID_MAX_LENGTH, APP_ID_PATTERN, EXPIRY_MAX_SECONDS, ORG_TOKEN, SvixState, portalUrl,
  type AuthResult, type Principal, type Reply,
} from './model.ts';

/**
 * The three operations of Svix's Authentication tag. A request is checked in this order: route,
 * bearer token (401), rate limit (429), idempotency key (replay or 409), input (422), token kind
 * (403), application (404), then the operation runs. Authentication comes before the idempotency
 * store, so a stored response is never handed to a token that no longer works.
 */

type Operation = 'expireAll' | 'dashboardAccess' | 'logout';

interface Route {
  operation: Operation;
  /** The raw (still percent-encoded) app_id path segment. */
  rawAppId?: string;
}

interface ValidationItem {
  loc: string[];
  msg: string;
  type: string;
}

const error = (status: number, code: string, detail: string, headers?: Record<string, string>): Reply =>
  ({ status, body: { code, detail }, ...(headers ? { headers } : {}) });

function matchRoute(pathname: string): Route | undefined {
  if (pathname === '/api/v1/auth/logout/') return { operation: 'logout' };
  const m = /^\/api\/v1\/auth\/(?:app\/([^/]*)\/expire-all|dashboard-access\/([^/]*))\/$/.exec(pathname);
  if (!m) return undefined;
  return m[1] !== undefined ? { operation: 'expireAll', rawAppId: m[1] } : { operation: 'dashboardAccess', rawAppId: m[2] };
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function createHandler(switches: ReadonlySet<SvixFault | VariantId>): Handler {
  const state = new SvixState();
  const on = (s: SvixFault | VariantId): boolean => switches.has(s);

  /** Writes a reply; the variants change only how, never what. */
  function send(res: ServerResponse, reply: Reply): void {
    const cased = (h: Record<string, string | number>) => (on('headers-upper-case') ? Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toUpperCase(), v])) : h);
    if (reply.text !== undefined) return sendText(res, reply.status, reply.text, reply.headers);
    if (reply.body === undefined) return sendEmpty(res, reply.status, cased(reply.headers ?? {}) as Record<string, string>);
    const text = JSON.stringify(on('error-extra-fields') && reply.status >= 400 ? withExtraFields(reply.body) : reply.body);
    res.writeHead(reply.status, cased({
      'Content-Type': on('json-no-charset') ? 'application/json' : 'application/json; charset=utf-8',
      ...(on('chunked') ? {} : { 'Content-Length': Buffer.byteLength(text) }),
      ...reply.headers,
    }));
    // Without a Content-Length, a write before end makes Node frame the body in chunks.
    if (on('chunked')) res.write(text);
    res.end(on('chunked') ? undefined : text);
  }

  function unauthorized(req: IncomingMessage, auth: Exclude<AuthResult, { ok: true }>): Reply {
    const headers: Record<string, string> = {};
    const noHeader = req.headers.authorization === undefined;
    if (!(noHeader && on('missing-www-authenticate'))) {
      headers['WWW-Authenticate'] = auth.reason === 'missing' ? 'Bearer realm="svix"' : 'Bearer realm="svix", error="invalid_token"';
      if (on('challenge-extra-params')) headers['WWW-Authenticate'] += ', scope="organisation app-portal", error_description="the token is not accepted"';
    }
    const detail = { missing: 'no bearer token', invalid: 'invalid token', expired: 'token expired', 'logged-out': 'token was logged out' }[auth.reason];
    return error(401, 'authentication_failed', detail, headers);
  }

  function validateAppId(raw: string, problems: ValidationItem[]): string | undefined {
    let appId: string;
    try {
      appId = decodeURIComponent(raw);
    } catch {
      problems.push({ loc: ['path', 'app_id'], msg: 'not a valid percent-encoded string', type: 'value_error.str.encoding' });
      return undefined;
    }
    const before = problems.length;
    if (appId.length < 1) problems.push({ loc: ['path', 'app_id'], msg: 'ensure this value has at least 1 character', type: 'value_error.any_str.min_length' });
    else if (appId.length > APP_ID_MAX_LENGTH) problems.push({ loc: ['path', 'app_id'], msg: `ensure this value has at most ${APP_ID_MAX_LENGTH} characters`, type: 'value_error.any_str.max_length' });
    else if (!APP_ID_PATTERN.test(appId)) problems.push({ loc: ['path', 'app_id'], msg: `string does not match the pattern ${APP_ID_PATTERN.source}`, type: 'value_error.str.regex' });
    return problems.length === before ? appId : undefined;
  }

  /** The expiry in seconds (absent or null: at once), or problems. */
  function validateExpireBody(raw: string, problems: ValidationItem[]): number | undefined {
    if (raw.trim() === '') {
      if (on('expire-all-missing-body-is-empty')) return 0;
      problems.push({ loc: ['body'], msg: 'field required', type: 'value_error.missing' });
      return undefined;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      problems.push({ loc: ['body'], msg: 'the body is not valid JSON', type: 'value_error.jsondecode' });
      return undefined;
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      problems.push({ loc: ['body'], msg: 'value is not a valid object', type: 'type_error.dict' });
      return undefined;
    }
    const expiry = (body as { expiry?: unknown }).expiry;
    if (expiry === undefined || expiry === null) return 0;
    if (typeof expiry !== 'number' || !Number.isInteger(expiry)) {
      problems.push({ loc: ['body', 'expiry'], msg: 'value is not a valid integer', type: 'type_error.integer' });
      return undefined;
    }
    if (!on('expire-all-accepts-out-of-range')) {
      if (expiry < 0) problems.push({ loc: ['body', 'expiry'], msg: 'ensure this value is greater than or equal to 0', type: 'value_error.number.not_ge' });
      if (expiry > EXPIRY_MAX_SECONDS) problems.push({ loc: ['body', 'expiry'], msg: `ensure this value is less than or equal to ${EXPIRY_MAX_SECONDS}`, type: 'value_error.number.not_le' });
    }
    return problems.length === 0 ? expiry : undefined;
  }

  function validationFailed(problems: ValidationItem[]): Reply {
    if (on('validation-detail-absent')) return { status: 422, body: {} };
    const detail = on('validation-error-missing-loc') ? problems.map(({ msg, type }) => ({ msg, type })) : problems;
    return { status: 422, body: { detail } };
  }

  function appNotFound(): Reply {
    return { status: 404, body: { code: on('not-found-code-number') ? 404 : 'not_found', detail: 'application not found' } };
  }

  /** Everything after authentication, rate limiting and idempotency. */
  function operate(route: Route, principal: Principal, rawBody: string): Reply {
    const problems: ValidationItem[] = [];
    const appId = route.rawAppId !== undefined ? validateAppId(route.rawAppId, problems) : undefined;

    switch (route.operation) {
      case 'dashboardAccess': {
        if (problems.length > 0) return validationFailed(problems);
        if (on('other-app-404') && principal.kind === 'portal' && principal.appId !== appId) return appNotFound();
        if (principal.kind !== 'organisation' && !on('portal-token-mints-access')) return error(403, 'permission_denied', 'app-portal tokens may not get portal access');
        if (!state.appExists(appId!) && !on('dashboard-access-any-app')) return appNotFound();
        const token = state.mintPortalToken(appId!);
        const url = portalUrl(appId!, token);
        return {
          status: 200,
          ...(on('portal-access-cacheable') ? {} : { headers: { 'Cache-Control': on('cache-control-private') ? 'private, no-store, max-age=0' : 'no-store' } }),
          body: { url: on('portal-url-not-uri') ? url.slice(url.indexOf('login#')) : url, token },
        };
      }
      case 'expireAll': {
        if (on('app-before-body') && problems.length === 0 && principal.kind === 'organisation' && !state.appExists(appId!)) return appNotFound();
        const expiry = validateExpireBody(rawBody, problems);
        if (problems.length > 0) return validationFailed(problems);
        if (on('other-app-404') && principal.kind === 'portal' && principal.appId !== appId) return appNotFound();
        if (principal.kind !== 'organisation' && !on('app-token-expires-any-app')) {
          return on('expire-all-401-403-swapped')
            ? error(401, 'authentication_failed', 'invalid token', { 'WWW-Authenticate': 'Bearer realm="svix", error="invalid_token"' })
            : error(403, 'permission_denied', 'app-portal tokens may not expire tokens');
        }
        if (!state.appExists(appId!)) return appNotFound();
        if (!on('expire-all-ignored')) state.expireAll(on('expire-all-every-app') ? undefined : appId!, expiry!);
        return on('expire-all-200') ? { status: 200, body: {} } : { status: 204 };
      }
      case 'logout': {
        if (principal.kind !== 'portal') {
          if (on('logout-org-401')) return error(401, 'authentication_failed', 'only app-portal tokens can be logged out', { 'WWW-Authenticate': 'Bearer realm="svix", error="invalid_token"' });
          return on('logout-accepts-org-token') ? { status: 204 } : error(403, 'permission_denied', 'only app-portal tokens can be logged out');
        }
        if (!on('logout-does-not-revoke')) state.logout(principal.token, on('logout-ends-all-tokens'));
        return { status: 204 };
      }
    }
  }

  function handle(req: IncomingMessage, route: Route, rawBody: string, pathname: string): Reply {
    const noHeader = req.headers.authorization === undefined;
    let auth = state.authenticate(bearer(req), { enforceExpiry: !on('expiry-not-enforced') });
    const servedAnyway = (route.operation === 'dashboardAccess' && on('dashboard-access-ignores-missing-auth')) || (route.operation === 'expireAll' && on('expire-all-ignores-missing-auth'));
    if (!auth.ok && noHeader && servedAnyway) {
      auth = { ok: true, principal: { kind: 'organisation', token: ORG_TOKEN } };
    }
    if (!auth.ok) {
      if (noHeader && route.operation === 'expireAll' && on('expire-all-401-403-swapped')) return error(403, 'permission_denied', 'insufficient access');
      return unauthorized(req, auth);
    }
    const { principal } = auth;
    if (!state.withinRateLimit(principal.token)) {
      if (on('rate-limited-503')) return error(503, 'service_unavailable', 'try again later', { 'Retry-After': '1' });
      if (on('rate-limited-plain-text')) return { status: 429, text: 'Too Many Requests', headers: { 'Retry-After': '1' } };
      return error(429, 'rate_limited', 'too many requests', on('no-retry-after') ? undefined : { 'Retry-After': '1' });
    }

    const key = on('idempotency-ignored') ? undefined : headerValue(req, 'idempotency-key');
    if (key === undefined) return operate(route, principal, rawBody);
    const fingerprint = `${req.method} ${pathname} ${canonical(rawBody)}`;
    // Svix's own server keys the store by token, key and URL; the reference by token and key.
    const slot = on('idempotency-per-url') ? `${key}\u0000${pathname}` : key;
    // One store for every caller: a faulty server replays to anyone, a conforming one refuses another caller's key.
    const scope = on('idempotency-shared-across-callers') || on('idempotency-key-taken-409') ? '' : principal.token;
    const stored = state.storedReply(scope, slot);
    if (stored) {
      if (stored.owner !== principal.token && on('idempotency-key-taken-409')) return error(409, 'idempotency_conflict', 'the idempotency key was already used by another caller');
      if (stored.fingerprint === fingerprint || on('idempotency-conflict-replays')) return stored.reply;
      return error(409, 'idempotency_conflict', 'the idempotency key was already used for a different request');
    }
    const reply = operate(route, principal, rawBody);
    if (reply.status >= 200 && reply.status < 300) state.storeReply(scope, slot, { fingerprint, owner: principal.token, reply });
    return reply;
  }

  return async (req, res) => {
    const { pathname } = requestUrl(req);
    const route = matchRoute(pathname);
    if (!route) return send(res, error(404, 'not_found', 'no such route'));
    if (req.method !== 'POST') return send(res, error(405, 'method_not_allowed', 'only POST is served here', { Allow: 'POST' }));
    const rawBody = (await readBody(req)).toString('utf8');
    send(res, handle(req, route, rawBody, pathname));
  };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The same JSON sent with other whitespace is the same request. */
function canonical(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw));
  } catch {
    return raw;
  }
}

/** An error body with a field the document does not list (it forbids none), and a `ctx` on each 422 item. */
function withExtraFields(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const b: Record<string, unknown> = { ...(body as Record<string, unknown>), trace_id: 'trace-0000000000000000' };
  if (Array.isArray(b.detail)) b.detail = b.detail.map((item: unknown) => (item && typeof item === 'object' ? { ...item, ctx: {} } : item));
  return b;
}

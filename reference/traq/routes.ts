import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearer, cookies, readJson, requestUrl } from '../kit/http.ts';
import type { Handler } from '../kit/types.ts';
import type { TraqFault } from './faults.ts';
import type { Session, TraqState, User } from './model.ts';
import type { VariantId } from './variants.ts';

const BASE = '/api/v3';
const NAME = /^([a-zA-Z0-9_-]{1,32}|Webhook#[a-zA-Z0-9_-]{22})$/;
const PASSWORD = /^[\x20-\x7E]{10,32}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="traQ"' };

type Headers = Record<string, string | string[]>;
type Ctx = { req: IncomingMessage; res: ServerResponse; url: URL; state: TraqState; fault: (f: TraqFault) => boolean; variant: (v: VariantId) => boolean };

export function routes(state: TraqState, switches: ReadonlySet<TraqFault | VariantId>): Handler {
  const fault = (f: TraqFault) => switches.has(f);
  const variant = (v: VariantId) => switches.has(v);
  return async (req, res) => {
    const url = requestUrl(req);
    const path = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) : null;
    const ctx: Ctx = { req, res, url, state, fault, variant };
    const route = path === null ? undefined : ROUTES.find((r) => r.pattern.test(path));
    if (!route) return sendError(ctx, 404, 'not found');
    const handler = route.methods[req.method ?? ''];
    if (!handler) return sendError(ctx, 405, 'method not allowed', { Allow: Object.keys(route.methods).join(', ') });
    await handler(ctx, route.pattern.exec(path!)!);
  };
}

/** Writes the head, with the header names in lower case under that variant. */
function head(ctx: Ctx, status: number, headers: Headers): void {
  const out = ctx.variant('lower-case-headers') ? Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) : headers;
  ctx.res.writeHead(status, out);
}

function sendJson(ctx: Ctx, status: number, body: unknown, headers: Headers = {}): void {
  const text = JSON.stringify(body);
  const type = ctx.variant('json-without-charset') ? 'application/json' : 'application/json; charset=utf-8';
  if (ctx.variant('chunked-json')) {
    // Without Content-Length, Node sends the body chunked.
    head(ctx, status, { 'Content-Type': type, ...headers });
    ctx.res.write(text.slice(0, 1));
    ctx.res.end(text.slice(1));
    return;
  }
  head(ctx, status, { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(text)), ...headers });
  ctx.res.end(text);
}

function sendEmpty(ctx: Ctx, status: number, headers: Headers = {}): void {
  head(ctx, status, headers);
  ctx.res.end();
}

/** A 4xx: the reference's JSON {message}, or what a variant sends instead (the document sets no body). */
function sendError(ctx: Ctx, status: number, message: string, headers: Headers = {}, extra: Record<string, unknown> = {}): void {
  if (ctx.variant('errors-without-body')) return sendEmpty(ctx, status, headers);
  if (ctx.variant('errors-as-text')) {
    head(ctx, status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
    ctx.res.end(message);
    return;
  }
  if (ctx.fault('error-json-broken') && status === 401 && !ctx.url.pathname.endsWith('/login')) {
    head(ctx, status, { 'Content-Type': 'application/json', ...headers });
    ctx.res.end(`{"message": "${message}"`);
    return;
  }
  sendJson(ctx, status, ctx.variant('errors-other-fields') ? { error: message, code: status, ...extra } : { message, ...extra }, headers);
}

/** Where a redirect goes: a path, or under that variant the same path on this origin's absolute URL. */
function location(ctx: Ctx, path: string): string {
  return ctx.variant('absolute-location') && path.startsWith('/') ? `http://${ctx.req.headers.host ?? 'localhost'}${path}` : path;
}

function sessionCookie(ctx: Ctx, token: string): string {
  const httpOnly = ctx.fault('cookie-not-httponly') ? [] : ['HttpOnly'];
  if (ctx.variant('session-cookie-default-path')) return [`r_session=${token}`, 'Max-Age=2592000', 'SameSite=Lax', ...httpOnly].join('; ');
  if (ctx.variant('cookie-attributes-reordered')) {
    const expires = new Date(Date.now() + 2592000_000).toUTCString();
    return [`r_session=${token}`, ...httpOnly, 'SameSite=Lax', `Expires=${expires}`, 'Priority=High', 'Path=/', 'Max-Age=2592000'].join('; ');
  }
  return [`r_session=${token}`, 'Path=/', 'Max-Age=2592000', 'SameSite=Lax', ...httpOnly].join('; ');
}

const ROUTES: { pattern: RegExp; methods: Record<string, (ctx: Ctx, m: RegExpExecArray) => void | Promise<void>> }[] = [
  { pattern: /^\/login$/, methods: { POST: login } },
  { pattern: /^\/logout$/, methods: { POST: logout } },
  { pattern: /^\/users\/me\/sessions$/, methods: { GET: authed(listSessions, ['sessions-ignore-missing-auth']) } },
  { pattern: /^\/users\/me\/sessions\/([^/]+)$/, methods: { DELETE: authed(revokeSession, ['revoke-ignores-missing-auth']) } },
  { pattern: /^\/users\/me\/ex-accounts$/, methods: { GET: authed(listAccounts, ['ex-accounts-ignore-missing-auth']) } },
  { pattern: /^\/users\/me\/ex-accounts\/link$/, methods: { POST: authed(link, ['ex-accounts-ignore-missing-auth']) } },
  { pattern: /^\/users\/me\/ex-accounts\/unlink$/, methods: { POST: authed(unlink, ['unlink-ignores-missing-auth']) } },
];

function badRequest(ctx: Ctx, message: string): void {
  if (ctx.fault('login-bad-body-401') && ctx.url.pathname.endsWith('/login')) return sendError(ctx, 401, message, CHALLENGE);
  sendError(ctx, 400, message);
}

/** Where a ?redirect= may send the user: paths on this origin only; anything else goes home. */
function safeRedirect(ctx: Ctx, target: string): string {
  if (ctx.fault('open-redirect')) return target;
  // The naive check: "no scheme" taken for "same origin".
  if (ctx.fault('logout-redirect-scheme-relative') && ctx.url.pathname.endsWith('/logout')) return /^[a-z][a-z0-9+.-]*:/i.test(target) ? '/' : target;
  return /^\/(?![/\\])/.test(target) ? target : '/';
}

async function login(ctx: Ctx): Promise<void> {
  const body = await readJson(ctx.req);
  if (!body.ok) return badRequest(ctx, body.reason === 'empty' ? 'a body with name and password is required' : 'the body is not JSON');
  const { name, password } = (body.value ?? {}) as { name?: unknown; password?: unknown };
  if (typeof name !== 'string' || !NAME.test(name) || typeof password !== 'string' || !PASSWORD.test(password)) {
    return badRequest(ctx, 'name and password must match their patterns');
  }
  const user = ctx.state.users.get(name);
  const swapped = ctx.fault('login-401-403-swapped');
  const suspended = () => swapped ? sendError(ctx, 401, 'unauthorized', CHALLENGE) : sendError(ctx, 403, 'this account is suspended');
  if (user?.suspended && ctx.variant('suspended-checked-first')) return suspended();
  if (!user || user.password !== password) {
    if (swapped) return sendError(ctx, 403, 'forbidden');
    if (!user && ctx.fault('login-reveals-unknown-user')) return sendError(ctx, 401, 'wrong name or password', CHALLENGE, { reason: 'no such user' });
    const message = ctx.fault('login-message-reveals-unknown-user') ? (user ? 'wrong password' : 'no such user')
      : ctx.variant('login-refusal-names-user') ? `wrong name or password for ${name}` : 'wrong name or password';
    return sendError(ctx, 401, message, ctx.fault('login-401-without-challenge') ? {} : CHALLENGE);
  }
  if (user.suspended) return suspended();
  const existing = ctx.fault('login-reuses-session') ? ctx.state.sessionsOf(user)[0] : undefined;
  const planted = ctx.fault('login-keeps-chosen-session') ? cookies(ctx.req).r_session : undefined;
  const session = existing ?? ctx.state.openSession(user, planted && !ctx.state.sessions.has(planted) ? planted : undefined);
  const headers: Headers = {};
  if (!ctx.fault('login-sets-no-cookie')) {
    const csrf = ctx.variant('login-sets-csrf-cookie') ? [`XSRF-TOKEN=${randomBytes(16).toString('base64url')}; Path=/; SameSite=Strict`] : [];
    headers['Set-Cookie'] = [sessionCookie(ctx, session.token), ...csrf];
  }
  if (!ctx.fault('login-cacheable')) headers['Cache-Control'] = 'no-store';
  const redirect = ctx.url.searchParams.get('redirect');
  if (redirect !== null && !ctx.fault('login-redirect-ignored')) {
    if (!ctx.fault('login-redirect-without-location')) headers.Location = location(ctx, safeRedirect(ctx, redirect));
    return sendEmpty(ctx, 302, headers);
  }
  if (ctx.fault('login-answers-200')) return sendJson(ctx, 200, {}, headers);
  sendEmpty(ctx, 204, headers);
}

function logout(ctx: Ctx): void {
  const session = sessionOf(ctx);
  if (session) {
    const all = ctx.url.searchParams.get('all') === 'true';
    if (all && ctx.fault('logout-all-ends-everyone')) for (const s of ctx.state.allSessions()) ctx.state.end(s);
    else if (all && !ctx.fault('logout-all-keeps-others')) for (const s of ctx.state.sessionsOf(session.user)) ctx.state.end(s);
    else if (all || !ctx.fault('logout-keeps-session')) ctx.state.end(session);
  }
  const path = ctx.variant('session-cookie-default-path') ? [] : [`Path=${ctx.fault('logout-clears-other-path') ? BASE : '/'}`];
  const headers: Headers = ctx.variant('logout-keeps-cookie') ? {} : { 'Set-Cookie': ['r_session=', ...path, 'Max-Age=0', 'HttpOnly', 'SameSite=Lax'].join('; ') };
  const redirect = ctx.url.searchParams.get('redirect');
  if (redirect !== null && !ctx.fault('logout-redirect-ignored')) return sendEmpty(ctx, 302, { ...headers, Location: location(ctx, safeRedirect(ctx, redirect)) });
  if (ctx.fault('logout-answers-200')) return sendJson(ctx, 200, {}, headers);
  if (ctx.fault('logout-announces-content')) headers['Content-Length'] = '2';
  sendEmpty(ctx, 204, headers);
}

function sessionOf(ctx: Ctx): Session | undefined {
  const token = cookies(ctx.req).r_session;
  return token ? ctx.state.sessions.get(token) : undefined;
}

/** Cookie session or bearer token; anything else is 401 with a challenge. */
function authed(handler: (ctx: Ctx, user: User, m: RegExpExecArray) => void | Promise<void>, ignoreMissing: readonly TraqFault[] = []) {
  return (ctx: Ctx, m: RegExpExecArray) => {
    const session = sessionOf(ctx);
    const token = bearer(ctx.req) ?? (ctx.fault('token-in-query-accepted') ? ctx.url.searchParams.get('access_token') ?? undefined : undefined);
    const tokenUser = token !== undefined && token === ctx.state.bearerToken ? ctx.state.tokenUser : undefined;
    // traQ grants these permissions to a session's user role only; no OAuth2 scope carries them.
    if (!session && tokenUser && ctx.variant('tokens-lack-scope')) return sendError(ctx, 403, `you are not permitted to request to '${ctx.url.pathname}'`);
    const user = session?.user ?? tokenUser;
    if (user) return handler(ctx, user, m);
    const noCredentials = !ctx.req.headers.cookie && !ctx.req.headers.authorization;
    if (noCredentials && ignoreMissing.some((f) => ctx.fault(f))) {
      if (ctx.fault('sessions-ignore-missing-auth')) return sendJson(ctx, 200, []);
      if (ctx.fault('unlink-ignores-missing-auth')) return sendEmpty(ctx, 204);
      return handler(ctx, ctx.state.tokenUser, m);
    }
    if (noCredentials && ctx.variant('anonymous-403')) return sendError(ctx, 403, 'you are not logged in');
    sendError(ctx, 401, 'you are not logged in', CHALLENGE);
  };
}

function listSessions(ctx: Ctx, user: User): void {
  const extra = ctx.variant('extra-json-properties');
  sendJson(ctx, 200, (ctx.fault('sessions-list-everyones') ? ctx.state.allSessions() : ctx.state.sessionsOf(user)).map((s) => ({
    id: s.id,
    issuedAt: ctx.fault('sessions-issued-at-unix') ? Math.floor(Date.parse(s.issuedAt) / 1000) : s.issuedAt,
    ...(extra ? { userAgent: 'reference', lastAccess: s.issuedAt } : {}),
  })));
}

function revokeSession(ctx: Ctx, user: User, m: RegExpExecArray): void {
  const id = decodeURIComponent(m[1]!);
  // The document names no status for an id outside its domain; the reference refuses it, traQ answers 204.
  if (!UUID.test(id) && !ctx.variant('revoke-malformed-id-204')) return sendError(ctx, 400, 'sessionId must be a UUID');
  const own = ctx.state.sessionsOf(user).find((s) => s.id === id);
  const foreign = own ? undefined : ctx.state.allSessions().find((s) => s.id === id);
  if (foreign && ctx.variant('revoke-other-users-403')) return sendError(ctx, 403, 'this session is not yours');
  if (foreign && ctx.variant('revoke-other-users-404')) return sendError(ctx, 404, 'no such session');
  const target = own ?? (ctx.fault('revoke-any-users-session') ? foreign : undefined);
  if (!target && !foreign && ctx.fault('revoke-unknown-404')) return sendError(ctx, 404, 'no such session');
  if (target && !ctx.fault('revoke-does-nothing')) ctx.state.end(target);
  sendEmpty(ctx, 204);
}

function listAccounts(ctx: Ctx, caller: User): void {
  const user = ctx.fault('ex-accounts-list-token-user') ? ctx.state.tokenUser : caller;
  const extra = ctx.variant('extra-json-properties') ? { externalId: 'reference-1' } : {};
  sendJson(ctx, 200, [...user.linked].map(([providerName, a]) => (ctx.fault('ex-accounts-missing-external-name')
    ? { providerName, linkedAt: a.linkedAt, ...extra }
    : { providerName, linkedAt: a.linkedAt, externalName: a.externalName, ...extra })));
}

async function providerFrom(ctx: Ctx): Promise<string | undefined> {
  const body = await readJson(ctx.req);
  const name = body.ok ? (body.value as { providerName?: unknown } | null)?.providerName : undefined;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

async function link(ctx: Ctx, user: User): Promise<void> {
  const provider = await providerFrom(ctx);
  if (!provider) return sendError(ctx, 400, 'providerName is required');
  if (!ctx.fault('link-any-provider') && (!ctx.state.enabledProviders.has(provider) || user.linked.has(provider))) {
    return sendError(ctx, 400, 'this provider cannot be linked');
  }
  const state = Buffer.from(`${user.name}:${provider}`).toString('base64url');
  const to = ctx.variant('relative-provider-location') ? location(ctx, `/api/auth/${provider}?link=1`) : `https://${provider}.provider.invalid/oauth/authorize?client_id=traq-reference&state=${state}`;
  if (ctx.fault('link-answers-200')) return sendJson(ctx, 200, { location: to });
  const stateCookie = ctx.variant('link-sets-state-cookie') || ctx.fault('link-state-cookie-script-readable')
    ? { 'Set-Cookie': [`oauth_state=${state}`, 'Path=/', 'Max-Age=600', ...(ctx.fault('link-state-cookie-script-readable') ? [] : ['HttpOnly']), 'SameSite=Lax'].join('; ') }
    : {} as Headers;
  sendEmpty(ctx, 302, { Location: to, 'Cache-Control': 'no-store', ...stateCookie });
}

async function unlink(ctx: Ctx, user: User): Promise<void> {
  const provider = await providerFrom(ctx);
  if (!provider) return sendError(ctx, 400, 'providerName is required');
  if (!user.linked.has(provider)) {
    const other = ctx.fault('unlink-any-users-link') ? [...ctx.state.users.values()].find((u) => u.linked.has(provider)) : undefined;
    if (other) {
      other.linked.delete(provider);
      return sendEmpty(ctx, 204);
    }
    return ctx.fault('unlink-not-linked-204') ? sendEmpty(ctx, 204) : sendError(ctx, 400, 'this provider is not linked');
  }
  user.linked.delete(provider);
  if (ctx.fault('unlink-answers-200')) return sendJson(ctx, 200, [...user.linked.keys()]);
  sendEmpty(ctx, 204);
}

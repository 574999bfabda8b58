import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearer, cookies, readJson, requestUrl, sendEmpty, sendJson } from '../kit/http.ts';
import type { Handler } from '../kit/types.ts';
import type { TraqFault } from './faults.ts';
import type { Session, TraqState, User } from './model.ts';

const BASE = '/api/v3';
const NAME = /^([a-zA-Z0-9_-]{1,32}|Webhook#[a-zA-Z0-9_-]{22})$/;
const PASSWORD = /^[\x20-\x7E]{10,32}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="traQ"' };

type Ctx = { req: IncomingMessage; res: ServerResponse; url: URL; state: TraqState; fault: (f: TraqFault) => boolean };

export function routes(state: TraqState, faults: ReadonlySet<TraqFault>): Handler {
  const fault = (f: TraqFault) => faults.has(f);
  return async (req, res) => {
    const url = requestUrl(req);
    const path = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) : null;
    const ctx: Ctx = { req, res, url, state, fault };
    const route = path === null ? undefined : ROUTES.find((r) => r.pattern.test(path));
    if (!route) return sendJson(res, 404, { message: 'not found' });
    const handler = route.methods[req.method ?? ''];
    if (!handler) return sendJson(res, 405, { message: 'method not allowed' }, { Allow: Object.keys(route.methods).join(', ') });
    await handler(ctx, route.pattern.exec(path!)!);
  };
}

const ROUTES: { pattern: RegExp; methods: Record<string, (ctx: Ctx, m: RegExpExecArray) => void | Promise<void>> }[] = [
  { pattern: /^\/login$/, methods: { POST: login } },
  { pattern: /^\/logout$/, methods: { POST: logout } },
  { pattern: /^\/users\/me\/sessions$/, methods: { GET: authed(listSessions, 'sessions-ignore-missing-auth') } },
  { pattern: /^\/users\/me\/sessions\/([^/]+)$/, methods: { DELETE: authed(revokeSession) } },
  { pattern: /^\/users\/me\/ex-accounts$/, methods: { GET: authed(listAccounts) } },
  { pattern: /^\/users\/me\/ex-accounts\/link$/, methods: { POST: authed(link) } },
  { pattern: /^\/users\/me\/ex-accounts\/unlink$/, methods: { POST: authed(unlink) } },
];

function badRequest(ctx: Ctx, message: string): void {
  if (ctx.fault('login-400-as-text') && ctx.url.pathname.endsWith('/login')) {
    ctx.res.writeHead(400, { 'Content-Type': 'text/plain' }).end(message);
    return;
  }
  sendJson(ctx.res, 400, { message });
}

/** Where a ?redirect= may send the user: paths on this origin only; anything else goes home. */
function safeRedirect(ctx: Ctx, target: string): string {
  if (ctx.fault('open-redirect')) return target;
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
  if (!user || user.password !== password) {
    if (swapped) return sendJson(ctx.res, 403, { message: 'forbidden' });
    if (!user && ctx.fault('login-reveals-unknown-user')) return sendJson(ctx.res, 401, { message: 'wrong name or password', reason: 'no such user' }, CHALLENGE);
    return sendJson(ctx.res, 401, { message: 'wrong name or password' }, ctx.fault('login-401-without-challenge') ? {} : CHALLENGE);
  }
  if (user.suspended) {
    if (swapped) return sendJson(ctx.res, 401, { message: 'unauthorized' }, CHALLENGE);
    return sendJson(ctx.res, 403, { message: 'this account is suspended' });
  }
  const existing = ctx.fault('login-reuses-session') ? ctx.state.sessionsOf(user)[0] : undefined;
  const session = existing ?? ctx.state.openSession(user);
  const headers: Record<string, string | string[]> = {};
  if (!ctx.fault('login-sets-no-cookie')) {
    headers['Set-Cookie'] = `r_session=${session.token}; Path=/; Max-Age=2592000; SameSite=Lax${ctx.fault('cookie-not-httponly') ? '' : '; HttpOnly'}`;
  }
  if (!ctx.fault('login-cacheable')) headers['Cache-Control'] = 'no-store';
  const redirect = ctx.url.searchParams.get('redirect');
  if (redirect !== null) {
    if (!ctx.fault('login-redirect-without-location')) headers.Location = safeRedirect(ctx, redirect);
    return sendEmpty(ctx.res, 302, headers);
  }
  if (ctx.fault('login-answers-200')) return sendJson(ctx.res, 200, {}, headers);
  sendEmpty(ctx.res, 204, headers);
}

function logout(ctx: Ctx): void {
  const session = sessionOf(ctx);
  if (session) {
    const all = ctx.url.searchParams.get('all') === 'true';
    if (all && !ctx.fault('logout-all-keeps-others')) for (const s of ctx.state.sessionsOf(session.user)) ctx.state.end(s);
    else if (all || !ctx.fault('logout-keeps-session')) ctx.state.end(session);
  }
  const headers: Record<string, string> = { 'Set-Cookie': 'r_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax' };
  const redirect = ctx.url.searchParams.get('redirect');
  if (redirect !== null) return sendEmpty(ctx.res, 302, { ...headers, Location: safeRedirect(ctx, redirect) });
  if (ctx.fault('logout-announces-content')) headers['Content-Length'] = '2';
  sendEmpty(ctx.res, 204, headers);
}

function sessionOf(ctx: Ctx): Session | undefined {
  const token = cookies(ctx.req).r_session;
  return token ? ctx.state.sessions.get(token) : undefined;
}

/** Cookie session or bearer token; anything else is 401 with a challenge. */
function authed(handler: (ctx: Ctx, user: User, m: RegExpExecArray) => void | Promise<void>, ignoreMissing?: TraqFault) {
  return (ctx: Ctx, m: RegExpExecArray) => {
    const session = sessionOf(ctx);
    const token = bearer(ctx.req) ?? (ctx.fault('token-in-query-accepted') ? ctx.url.searchParams.get('access_token') ?? undefined : undefined);
    const user = session?.user ?? (token !== undefined && token === ctx.state.bearerToken ? ctx.state.tokenUser : undefined);
    if (user) return handler(ctx, user, m);
    const noCredentials = !ctx.req.headers.cookie && !ctx.req.headers.authorization;
    if (ignoreMissing && ctx.fault(ignoreMissing) && noCredentials) return sendJson(ctx.res, 200, []);
    sendJson(ctx.res, 401, { message: 'you are not logged in' }, CHALLENGE);
  };
}

function listSessions(ctx: Ctx, user: User): void {
  sendJson(ctx.res, 200, ctx.state.sessionsOf(user).map((s) => ({
    id: s.id,
    issuedAt: ctx.fault('sessions-issued-at-unix') ? Math.floor(Date.parse(s.issuedAt) / 1000) : s.issuedAt,
  })));
}

function revokeSession(ctx: Ctx, user: User, m: RegExpExecArray): void {
  const id = decodeURIComponent(m[1]!);
  if (!UUID.test(id)) return ctx.fault('revoke-malformed-id-404') ? sendJson(ctx.res, 404, { message: 'not found' }) : sendJson(ctx.res, 400, { message: 'sessionId must be a UUID' });
  const target = ctx.state.sessionsOf(user).find((s) => s.id === id);
  if (target && !ctx.fault('revoke-does-nothing')) ctx.state.end(target);
  sendEmpty(ctx.res, 204);
}

function listAccounts(ctx: Ctx, user: User): void {
  sendJson(ctx.res, 200, [...user.linked].map(([providerName, a]) => (ctx.fault('ex-accounts-missing-external-name')
    ? { providerName, linkedAt: a.linkedAt }
    : { providerName, linkedAt: a.linkedAt, externalName: a.externalName })));
}

async function providerFrom(ctx: Ctx): Promise<string | undefined> {
  const body = await readJson(ctx.req);
  const name = body.ok ? (body.value as { providerName?: unknown } | null)?.providerName : undefined;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

async function link(ctx: Ctx, user: User): Promise<void> {
  const provider = await providerFrom(ctx);
  if (!provider) return sendJson(ctx.res, 400, { message: 'providerName is required' });
  if (!ctx.fault('link-any-provider') && (!ctx.state.enabledProviders.has(provider) || user.linked.has(provider))) {
    return sendJson(ctx.res, 400, { message: 'this provider cannot be linked' });
  }
  const state = Buffer.from(`${user.name}:${provider}`).toString('base64url');
  sendEmpty(ctx.res, 302, { Location: `https://${provider}.provider.invalid/oauth/authorize?client_id=traq-reference&state=${state}`, 'Cache-Control': 'no-store' });
}

async function unlink(ctx: Ctx, user: User): Promise<void> {
  const provider = await providerFrom(ctx);
  if (!provider) return sendJson(ctx.res, 400, { message: 'providerName is required' });
  if (!user.linked.has(provider)) {
    return ctx.fault('unlink-not-linked-204') ? sendEmpty(ctx.res, 204) : sendJson(ctx.res, 400, { message: 'this provider is not linked' });
  }
  user.linked.delete(provider);
  sendEmpty(ctx.res, 204);
}

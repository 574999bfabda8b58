import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearer, cookies, readJson, requestUrl, sendEmpty, sendJson } from '../kit/http.ts';
import type { Handler } from '../kit/types.ts';
import type { FaultId } from './faults.ts';
import { SemaphoreState, USER, type ApiToken, type User } from './model.ts';

export const BASE_PATH = '/api';
const SESSION_COOKIE = 'semaphore';
const STATE_COOKIE = 'oauthstate';
/** The web UI's login page, where every failed OIDC step ends (Semaphore redirects to the same path). */
const LOGIN_PAGE = '/auth/login';
const WEB_ROOT = '/';
const CHALLENGE = 'Bearer realm="Semaphore"';
/** Every answer of this API is about credentials, so none may be cached. */
const NO_STORE = { 'Cache-Control': 'no-store' };
const COOKIE_ATTRIBUTES = 'Path=/; HttpOnly; SameSite=Lax';

type Req = IncomingMessage;
type Res = ServerResponse;

/** A fresh reference Semaphore with its own state and the given faults switched on. */
export function createHandler(faults: ReadonlySet<FaultId>): Handler {
  const state = new SemaphoreState();
  const fault = (id: FaultId): boolean => faults.has(id);

  const error = (res: Res, status: number, message: string, headers: Record<string, string> = {}): void =>
    sendJson(res, status, { error: message }, { ...NO_STORE, ...headers });

  const unauthorized = (res: Res, challenge = true): void =>
    error(res, 401, 'not authenticated', challenge ? { 'WWW-Authenticate': CHALLENGE } : {});

  const redirect = (res: Res, location: string | undefined, headers: Record<string, string | string[]> = {}): void =>
    sendEmpty(res, 307, { ...NO_STORE, 'Content-Length': '0', ...(location !== undefined ? { Location: location } : {}), ...headers });

  /** A bearer token when the request sends one (then only the token counts), else the session cookie. */
  const authenticate = (req: Req): User | undefined => {
    const token = bearer(req);
    return token !== undefined ? state.tokenUser(token) : state.sessionUser(cookies(req)[SESSION_COOKIE]);
  };

  // --- /auth/login ---------------------------------------------------------------------------

  const getLoginMetadata = (res: Res): void => {
    const providers = fault('metadata-hides-providers') ? [] : state.providers;
    sendJson(res, 200, {
      oidc_providers: providers.map((p) => (fault('metadata-provider-without-name') ? { id: p.id } : { id: p.id, name: p.name })),
    }, NO_STORE);
  };

  const login = async (req: Req, res: Res): Promise<void> => {
    const body = await readJson(req);
    if (!body.ok) return error(res, 400, `the body is ${body.reason === 'empty' ? 'empty' : 'not JSON'}`);
    const value = body.value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return error(res, 400, 'the body is not a JSON object');
    const { auth, password } = value as Record<string, unknown>;
    const complete = typeof auth === 'string' && auth !== '' && typeof password === 'string' && password !== '';
    if (!complete && !fault('login-missing-field-401')) return error(res, 400, 'auth and password are required');
    const user = complete
      ? fault('login-accepts-any-credentials') ? USER : state.checkPassword(auth, password)
      : undefined;
    if (!user) return unauthorized(res, !fault('login-401-without-challenge'));
    const sessionId = state.startSession(user);
    const attributes = fault('session-cookie-without-samesite') ? COOKIE_ATTRIBUTES.replace('; SameSite=Lax', '') : COOKIE_ATTRIBUTES;
    sendEmpty(res, 204, { ...NO_STORE, 'Set-Cookie': `${SESSION_COOKIE}=${sessionId}; ${attributes}` });
  };

  const logout = (req: Req, res: Res): void => {
    if (!fault('logout-keeps-session')) state.endSession(cookies(req)[SESSION_COOKIE]);
    sendEmpty(res, 204, { ...NO_STORE, 'Set-Cookie': `${SESSION_COOKIE}=; ${COOKIE_ATTRIBUTES}; Max-Age=0` });
  };

  // --- /auth/oidc/{provider_id}/… --------------------------------------------------------------

  const startOidcLogin = (req: Req, res: Res, providerId: string): void => {
    const provider = state.provider(providerId) ?? (fault('oidc-unknown-provider-fallback') ? state.providers[0] : undefined);
    const location = (url: string): string | undefined => (fault('oidc-login-without-location') ? undefined : url);
    if (!provider) {
      if (fault('oidc-unknown-provider-404')) return error(res, 404, `no such OIDC provider: ${providerId}`);
      return redirect(res, location(LOGIN_PAGE));
    }
    const oidcState = state.issueOidcState();
    const authorize = new URL(provider.authorizationEndpoint);
    authorize.searchParams.set('client_id', provider.clientId);
    authorize.searchParams.set('redirect_uri', `http://${req.headers.host ?? 'localhost'}${BASE_PATH}/auth/oidc/${encodeURIComponent(provider.id)}/redirect`);
    authorize.searchParams.set('response_type', 'code');
    authorize.searchParams.set('scope', 'openid profile email');
    if (!fault('oidc-login-without-state')) authorize.searchParams.set('state', oidcState);
    // The state is bound to this browser by a cookie, and the callback accepts it only from there.
    redirect(res, location(authorize.toString()), { 'Set-Cookie': `${STATE_COOKIE}=${oidcState}; ${COOKIE_ATTRIBUTES}; Max-Age=600` });
  };

  const finishOidcLogin = (req: Req, res: Res): void => {
    const sent = requestUrl(req).searchParams.get('state');
    const validState = sent !== null && sent === cookies(req)[STATE_COOKIE] && state.useOidcState(sent);
    if (!validState && fault('oidc-callback-error-page')) {
      const page = '<!doctype html><title>Sign-in failed</title><p>Invalid OIDC state.</p>\n';
      res.writeHead(400, { ...NO_STORE, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(page) });
      res.end(page);
      return;
    }
    if (!validState && fault('oidc-callback-failure-to-root')) return redirect(res, WEB_ROOT);
    // With a valid state a real server now exchanges the code with the provider and, on success,
    // sets the session cookie and redirects to the web root. The reference provider
    // (sso.example.invalid) issues no codes, so every callback, valid state or not, ends here.
    redirect(res, LOGIN_PAGE);
  };

  // --- /user/tokens ----------------------------------------------------------------------------

  const listApiTokens = (req: Req, res: Res): void => {
    const user = authenticate(req) ?? (fault('tokens-list-ignores-auth') ? USER : undefined);
    if (!user) return unauthorized(res);
    sendJson(res, 200, state.tokensOf(user), fault('tokens-cacheable') ? {} : NO_STORE);
  };

  const createApiToken = (req: Req, res: Res): void => {
    const user = authenticate(req);
    if (!user) return fault('create-token-403') ? error(res, 403, 'forbidden') : unauthorized(res);
    const token: Record<keyof ApiToken, unknown> = { ...state.createToken(user) };
    if (fault('create-token-expired-as-string')) token.expired = String(token.expired);
    if (fault('create-token-created-not-date-time')) token.created = (token.created as string).slice(0, 19).replace('T', ' ');
    sendJson(res, 201, token, fault('tokens-cacheable') ? {} : NO_STORE);
  };

  const deleteApiToken = (req: Req, res: Res, rawId: string): void => {
    const user = authenticate(req);
    if (!user) return unauthorized(res, !fault('delete-token-401-without-challenge'));
    const token = state.tokenOf(user, decodeSegment(rawId));
    if (!token) {
      if (fault('delete-unknown-token-204')) return sendEmpty(res, 204, NO_STORE);
      if (fault('delete-unknown-token-empty-404')) return sendEmpty(res, 404, { ...NO_STORE, 'Content-Type': 'application/json' });
      return error(res, 404, 'no such API token');
    }
    if (!fault('delete-token-keeps-working')) state.expireToken(token);
    if (fault('delete-token-200')) return sendJson(res, 200, token, NO_STORE);
    sendEmpty(res, 204, NO_STORE);
  };

  // --- routing ---------------------------------------------------------------------------------

  type Route = { pattern: RegExp; methods: Record<string, (req: Req, res: Res, param: string) => void | Promise<void>> };
  const routes: Route[] = [
    { pattern: /^\/auth\/login$/, methods: { GET: (_req, res) => getLoginMetadata(res), POST: login } },
    { pattern: /^\/auth\/logout$/, methods: { POST: logout } },
    { pattern: /^\/auth\/oidc\/([^/]+)\/login$/, methods: { GET: (req, res, id) => startOidcLogin(req, res, decodeSegment(id)) } },
    { pattern: /^\/auth\/oidc\/([^/]+)\/redirect$/, methods: { GET: finishOidcLogin } },
    { pattern: /^\/user\/tokens$/, methods: { GET: listApiTokens, POST: createApiToken } },
    { pattern: /^\/user\/tokens\/([^/]+)$/, methods: { DELETE: deleteApiToken } },
  ];

  return async (req, res) => {
    const { pathname } = requestUrl(req);
    const path = pathname.startsWith(`${BASE_PATH}/`) ? pathname.slice(BASE_PATH.length) : undefined;
    for (const route of path === undefined ? [] : routes) {
      const m = route.pattern.exec(path!);
      if (!m) continue;
      const handle = route.methods[req.method ?? ''];
      if (!handle) return error(res, 405, 'method not allowed', { Allow: Object.keys(route.methods).join(', ') });
      return handle(req, res, m[1] ?? '');
    }
    error(res, 404, 'not found');
  };
}

/** A path segment as the client meant it; a malformed escape stays as sent (and then names nothing). */
function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearer, cookies, readJson, requestUrl } from '../kit/http.ts';
import type { Handler } from '../kit/types.ts';
import type { FaultId } from './faults.ts';
import type { VariantId } from './variants.ts';
import { randomBytes } from 'node:crypto';
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

type Headers = Record<string, string | string[]>;

/** A fresh reference Semaphore with its own state and the given faults and variants switched on. */
export function createHandler(switches: ReadonlySet<FaultId | VariantId>): Handler {
  const state = new SemaphoreState();
  const fault = (id: FaultId): boolean => switches.has(id);
  const variant = (id: VariantId): boolean => switches.has(id);

  const head = (res: Res, status: number, headers: Headers): void => {
    res.writeHead(status, variant('lower-case-headers') ? Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) : headers);
  };

  const sendJson = (res: Res, status: number, body: unknown, headers: Headers = {}): void => {
    const text = JSON.stringify(body);
    const type = variant('json-without-charset') ? 'application/json' : 'application/json; charset=utf-8';
    if (variant('chunked-json')) {
      // Without Content-Length, Node sends the body chunked.
      head(res, status, { 'Content-Type': type, ...headers });
      res.write(text.slice(0, 1));
      res.end(text.slice(1));
      return;
    }
    head(res, status, { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(text)), ...headers });
    res.end(text);
  };

  const sendEmpty = (res: Res, status: number, headers: Headers = {}): void => {
    head(res, status, headers);
    res.end();
  };

  /** A 4xx: the reference's JSON {error}, or what a variant sends instead (the document sets no body). */
  const error = (res: Res, status: number, message: string, headers: Record<string, string> = {}): void => {
    if (variant('errors-without-body')) return sendEmpty(res, status, { ...NO_STORE, ...headers });
    sendJson(res, status, variant('errors-other-fields') ? { message, status } : { error: message }, { ...NO_STORE, ...headers });
  };

  /** No valid credentials: 401 with a challenge, or 403 under that variant (the document names no status). */
  const unauthorized = (res: Res, challenge = true, message = 'not authenticated'): void =>
    variant('anonymous-403') ? error(res, 403, message) : error(res, 401, message, challenge ? { 'WWW-Authenticate': CHALLENGE } : {});

  const redirect = (req: Req, res: Res, location: string | undefined, headers: Headers = {}): void => {
    const to = location !== undefined && variant('absolute-location') && location.startsWith('/') ? `http://${req.headers.host ?? 'localhost'}${location}` : location;
    sendEmpty(res, 302, { ...NO_STORE, 'Content-Length': '0', ...(to !== undefined ? { Location: to } : {}), ...headers });
  };

  const cookieAttributes = (): string => {
    const attributes = fault('session-cookie-without-samesite') ? COOKIE_ATTRIBUTES.replace('; SameSite=Lax', '') : COOKIE_ATTRIBUTES;
    if (!variant('cookie-attributes-reordered')) return attributes;
    return [...attributes.split('; ').reverse(), `Expires=${new Date(Date.now() + 7 * 86400_000).toUTCString()}`, 'Priority=High'].join('; ');
  };

  /** A bearer token when the request sends one (then only the token counts), else the session cookie. */
  const authenticate = (req: Req): User | undefined => {
    const token = bearer(req);
    return token !== undefined ? state.tokenUser(token) : state.sessionUser(cookies(req)[SESSION_COOKIE]);
  };

  // --- /auth/login ---------------------------------------------------------------------------

  const getLoginMetadata = (res: Res): void => {
    const providers = fault('metadata-hides-providers') ? [] : state.providers;
    const extra = variant('extra-json-properties');
    sendJson(res, 200, {
      oidc_providers: providers.map((p) => ({ id: p.id, name: fault('metadata-provider-name-not-string') ? { text: p.name } : p.name, ...(extra ? { color: 'blue', icon: 'login' } : {}) })),
      ...(extra ? { login_with_password: true } : {}),
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
    if (!user) return unauthorized(res, !fault('login-401-without-challenge'), refusal(String(auth)));
    // Session fixation: a server that keeps the session value the browser arrived with.
    const arrived = cookies(req)[SESSION_COOKIE];
    const adopt = fault('login-adopts-chosen-session') && arrived !== undefined && arrived !== '' && state.sessionUser(arrived) === undefined;
    const sessionId = state.startSession(user, ...(adopt ? [arrived] : []));
    const set = [
      ...(fault('login-sets-no-cookie') ? [] : [`${SESSION_COOKIE}=${sessionId}; ${cookieAttributes()}`]),
      // A double-submit CSRF token: the page's script reads it, so it is not HttpOnly.
      ...(variant('csrf-cookie-readable') ? [`XSRF-TOKEN=${randomBytes(16).toString('hex')}; Path=/; SameSite=Strict`] : []),
    ];
    sendEmpty(res, 204, { ...NO_STORE, ...(set.length > 0 ? { 'Set-Cookie': set } : {}) });
  };

  /** The message of a refused login: the same for every case, unless a fault tells them apart. */
  const refusal = (auth: string): string => {
    if (fault('login-tells-unknown-user')) return state.userNamed(auth) ? 'wrong password' : 'no such user';
    if (variant('login-error-echoes-name')) return `wrong login name or password for ${auth}`;
    return 'wrong login name or password';
  };

  const logout = (req: Req, res: Res): void => {
    if (fault('logout-ends-all-sessions')) state.endAllSessions();
    else if (!fault('logout-keeps-session')) state.endSession(cookies(req)[SESSION_COOKIE]);
    sendEmpty(res, 204, { ...NO_STORE, ...(variant('logout-keeps-cookie') ? {} : { 'Set-Cookie': clearingCookie() }) });
  };

  /** The Set-Cookie that drops the session cookie: the login's Path, unless a fault or variant says otherwise. */
  const clearingCookie = (): string => {
    if (fault('logout-clears-other-path')) return `${SESSION_COOKIE}=; Path=${BASE_PATH}; HttpOnly; SameSite=Lax; Max-Age=0`;
    // As Semaphore does: a date in the past instead of Max-Age.
    if (variant('logout-clears-with-expires')) return `${SESSION_COOKIE}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT`;
    return `${SESSION_COOKIE}=; ${COOKIE_ATTRIBUTES}; Max-Age=0`;
  };

  // --- /auth/oidc/{provider_id}/… --------------------------------------------------------------

  const startOidcLogin = (req: Req, res: Res, providerId: string): void => {
    const provider = state.provider(providerId) ?? (fault('oidc-unknown-provider-fallback') ? state.providers[0] : undefined);
    const location = (url: string): string | undefined => (fault('oidc-login-without-location') ? undefined : url);
    // Where to go after signing in (Semaphore reads ?redirect=, api/login.go line 418; the document does not name it).
    const after = requestUrl(req).searchParams.get('redirect') ?? undefined;
    if (!provider) {
      if (fault('oidc-unknown-provider-404')) return error(res, 404, `no such OIDC provider: ${providerId}`);
      // A check that takes any "/…" for a local path also takes //host and /\host.
      if (fault('oidc-error-follows-redirect') && after?.startsWith('/')) return redirect(req, res, location(after));
      return redirect(req, res, location(LOGIN_PAGE));
    }
    const oidcState = state.issueOidcState();
    const authorize = new URL(provider.authorizationEndpoint);
    const callback = `http://${req.headers.host ?? 'localhost'}${BASE_PATH}/auth/oidc/${encodeURIComponent(provider.id)}/redirect`;
    const redirectUri = after !== undefined && fault('oidc-redirect-uri-from-request') ? after
      // Semaphore appends the target to the callback's path: it stays on this origin whatever it is.
      : after !== undefined && variant('oidc-redirect-in-redirect-uri') ? `${callback}${after.replace(/\/+$/, '')}`
      : callback;
    const params: [string, string][] = [
      ...(fault('oidc-login-without-client-id') ? [] : [['client_id', provider.clientId] as [string, string]]),
      ['redirect_uri', redirectUri],
      ['response_type', 'code'],
      ['scope', variant('oidc-scope-and-nonce') ? 'openid email profile groups' : 'openid profile email'],
      ['state', oidcState],
      ...(variant('oidc-scope-and-nonce') ? [['nonce', state.issueOidcState()] as [string, string]] : []),
    ];
    for (const [k, v] of variant('oidc-scope-and-nonce') ? params.reverse() : params) authorize.searchParams.set(k, v);
    // The state is bound to this browser by a cookie, and the callback accepts it only from there.
    redirect(req, res, location(authorize.toString()), { 'Set-Cookie': stateCookie(oidcState) });
  };

  /** The cookie that binds the state to this browser: short-lived, unless a fault keeps it a year (as Semaphore does). */
  const stateCookie = (value: string): string => {
    const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toUTCString();
    if (fault('oidc-state-cookie-long-lived')) return `${STATE_COOKIE}=${value}; ${COOKIE_ATTRIBUTES}; Expires=${inDays(365)}`;
    // No Path: it defaults to the directory of the request's path, which the callback shares.
    if (variant('oidc-state-cookie-expires')) return `${STATE_COOKIE}=${value}; HttpOnly; SameSite=Lax; Expires=${inDays(10 / 1440)}`;
    return `${STATE_COOKIE}=${value}; ${COOKIE_ATTRIBUTES}; Max-Age=600`;
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
    if (!validState && fault('oidc-callback-failure-to-root')) return redirect(req, res, WEB_ROOT);
    // With a valid state a real server now exchanges the code with the provider and, on success,
    // sets the session cookie and redirects to the web root. The reference provider
    // (sso.example.invalid) issues no codes, so every callback, valid state or not, ends here.
    redirect(req, res, LOGIN_PAGE);
  };

  // --- /user/tokens ----------------------------------------------------------------------------

  const listApiTokens = (req: Req, res: Res): void => {
    const user = authenticate(req) ?? (fault('tokens-list-ignores-auth') ? USER : undefined);
    if (!user) return unauthorized(res);
    const named = (t: ApiToken) => (variant('extra-json-properties') ? { ...t, name: 'conformance' } : t);
    const tokens = fault('tokens-list-everyone') ? state.allTokens() : state.tokensOf(user);
    sendJson(res, 200, tokens.map(named), fault('tokens-cacheable') ? {} : NO_STORE);
  };

  const createApiToken = (req: Req, res: Res): void => {
    const user = authenticate(req) ?? (fault('create-token-ignores-auth') ? USER : undefined);
    if (!user) return unauthorized(res);
    const token: Record<string, unknown> = { ...state.createToken(user), ...(variant('extra-json-properties') ? { name: 'conformance' } : {}) };
    if (fault('create-token-expired-as-string')) token.expired = String(token.expired);
    if (fault('create-token-user-id-zero')) token.user_id = 0;
    sendJson(res, 201, token, fault('tokens-cacheable') ? {} : NO_STORE);
  };

  const deleteApiToken = (req: Req, res: Res, rawId: string): void => {
    const user = authenticate(req);
    if (!user && fault('delete-token-ignores-auth') && !req.headers.authorization && !req.headers.cookie) return sendEmpty(res, 204, NO_STORE);
    if (!user) return unauthorized(res, !fault('delete-token-401-without-challenge'));
    const id = decodeSegment(rawId);
    const token = state.tokenOf(user, id) ?? (fault('delete-token-any-owner') ? state.anyToken(id) : undefined);
    // Another user's token: a server may say it is forbidden rather than that it does not exist.
    if (!token && variant('foreign-token-403') && state.anyToken(id)) return error(res, 403, 'not your API token');
    if (!token) {
      if (variant('delete-unknown-token-204')) return sendEmpty(res, 204, NO_STORE);
      if (variant('delete-unknown-token-empty-404')) return sendEmpty(res, 404, NO_STORE);
      if (fault('delete-unknown-token-500')) return sendEmpty(res, 500, NO_STORE);
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

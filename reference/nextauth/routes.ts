import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, requestUrl, sendEmpty } from '../kit/http.ts';
import type { Handler } from '../kit/types.ts';
import type { FaultId } from './faults.ts';
import type { VariantId } from './variants.ts';
import { ENV, NextAuthModel } from './model.ts';
import { qrPng } from './png.ts';

type Operation = 'getQrLogin' | 'getSession' | 'logout' | 'provokeLogin' | 'provokeLoginOnAccount' | 'provokeLoginOnUser';

interface Route {
  op: Operation;
  method: 'GET' | 'POST';
  /** Captures serverid, then accountid or userid where the path has one. */
  path: RegExp;
}

const ROUTES: readonly Route[] = [
  { op: 'getQrLogin', method: 'GET', path: /^\/servers\/([^/]+)\/sessions\/qr\/login$/ },
  { op: 'getSession', method: 'GET', path: /^\/servers\/([^/]+)\/sessions\/$/ },
  { op: 'logout', method: 'POST', path: /^\/servers\/([^/]+)\/sessions\/logout$/ },
  { op: 'provokeLogin', method: 'POST', path: /^\/servers\/([^/]+)\/sessions\/provokelogin$/ },
  { op: 'provokeLoginOnAccount', method: 'POST', path: /^\/servers\/([^/]+)\/accounts\/([^/]+)\/provokelogin$/ },
  { op: 'provokeLoginOnUser', method: 'POST', path: /^\/servers\/([^/]+)\/users\/([^/]+)\/provokelogin$/ },
];

const CHALLENGE = 'ApiKey realm="nextAuth", header="X-apikey"';
/** Roles the API key may assume with X-su. */
const ROLES: ReadonlySet<string> = new Set([ENV.NEXTAUTH_ROLE_ID]);
const READS: ReadonlySet<Operation> = new Set(['getQrLogin', 'getSession']);
const PUSHES_TO: ReadonlySet<Operation> = new Set(['provokeLoginOnAccount', 'provokeLoginOnUser']);
/** The PNG size when `s` is absent. */
const DEFAULT_SIZE = 500;
/**
 * Not in the contract: the reference refuses absurd sizes rather than allocate gigabytes for the
 * image. No scenario asks for more than a few hundred pixels.
 */
const MAX_SIZE = 8192;

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a parsed body has the shape of schemas/nextauth/UserContext.json. */
function isUserContext(v: unknown): boolean {
  if (!isObject(v)) return false;
  return ['announceinfo', 'sessioninfo'].every((key) => {
    const info = v[key];
    if (info === undefined) return true;
    if (!isObject(info)) return false;
    if (info.info !== undefined && !isObject(info.info)) return false;
    return ['ip', 'logo', 'useragent'].every((f) => info[f] === undefined || typeof info[f] === 'string');
  });
}

const INVALID = Symbol('not a UserContext');

/** The optional UserContext body: undefined when there is none, INVALID when it is not one. */
async function userContext(req: IncomingMessage): Promise<unknown> {
  const raw = (await readBody(req)).toString('utf8');
  if (raw.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return isUserContext(value) ? value : INVALID;
  } catch {
    return INVALID;
  }
}

export function createHandler(switches: ReadonlySet<FaultId | VariantId>): Handler {
  const own = NextAuthModel.own();
  const second = NextAuthModel.second();
  const on = (s: FaultId | VariantId) => switches.has(s);
  /** Whether a fault lets the key act on the second server with this operation. */
  const servesSecond = (op: Operation) => on('key-acts-on-any-server') || (on('foreign-server-readable') && READS.has(op));
  const noStore = (): Record<string, string> => ({ 'Cache-Control': on('cache-control-private') ? 'private, no-store, max-age=0' : 'no-store' });
  const cased = (h: Record<string, string | number>) => (on('headers-upper-case') ? Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toUpperCase(), v])) : h);

  /** Writes a body; the variants change only how (framing, header case), never what. */
  const write = (res: ServerResponse, status: number, contentType: string, body: Buffer, headers: Record<string, string>) => {
    res.writeHead(status, cased({ 'Content-Type': contentType, ...(on('chunked') ? {} : { 'Content-Length': body.length }), ...headers }));
    // Without a Content-Length, a write before end makes Node frame the body in chunks.
    if (on('chunked')) res.write(body);
    res.end(on('chunked') ? undefined : body);
  };
  const sendJson = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string>) =>
    write(res, status, on('json-no-charset') ? 'application/json' : 'application/json; charset=utf-8', Buffer.from(JSON.stringify(value)), headers);
  const sendBytes = (res: ServerResponse, contentType: string, body: Buffer) => write(res, 200, contentType, body, noStore());
  /** The documented 200 without content. */
  const ok = (res: ServerResponse) => sendEmpty(res, 200, cased({ ...noStore(), 'Content-Length': '0' }) as Record<string, string>);

  const error = (res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) => {
    if (status === 401 && on('missing-key-403')) return error(res, 403, message);
    if (status === 400 && message === 'X-nonce is required' && on('missing-nonce-422')) status = 422;
    if (status === 404 && on('not-found-as-text')) return write(res, 404, 'text/plain; charset=utf-8', Buffer.from(`${message}\n`), { ...noStore(), ...headers });
    if (on('errors-without-body')) return sendEmpty(res, status, cased({ ...noStore(), ...headers }) as Record<string, string>);
    sendJson(res, status, on('errors-with-error-field') ? { error: message } : { message }, { ...noStore(), ...headers });
  };
  const challenge = (): Record<string, string> => (on('missing-www-authenticate') ? {} : { 'WWW-Authenticate': CHALLENGE });
  /** No valid API key: 401 with a challenge. */
  const unauthorized = (res: ServerResponse, message: string) =>
    on('auth-statuses-swapped') ? error(res, 403, message) : error(res, 401, message, challenge());
  /** A valid key that may not do this: 403. */
  const forbidden = (res: ServerResponse, message: string) =>
    on('auth-statuses-swapped') ? error(res, 401, message, challenge()) : error(res, 403, message);
  /** A server that exists but that the key may not act on: 403, or as a variant says. */
  const foreign = (res: ServerResponse) => {
    if (on('foreign-server-404')) return error(res, 404, 'no such server');
    if (on('foreign-server-401')) return unauthorized(res, 'X-apikey is not valid for this server');
    return forbidden(res, 'this API key may not act on that server');
  };

  return async (req, res) => {
    const url = requestUrl(req);
    const matches = ROUTES.map((r) => ({ route: r, m: r.path.exec(url.pathname) })).filter((x) => x.m);
    const hit = matches.find((x) => x.route.method === req.method);
    if (!hit) {
      if (matches.length === 0) return error(res, 404, 'no such path');
      return error(res, 405, 'method not allowed', { Allow: matches.map((x) => x.route.method).join(', ') });
    }
    const { op } = hit.route;
    const [, serverid, subject] = hit.m!;

    // 1. The API key.
    const key = header(req, 'x-apikey');
    const skipAuth = op === 'provokeLoginOnUser' && on('provoke-on-user-skips-auth');
    if (!skipAuth && key === undefined) return unauthorized(res, 'X-apikey is missing');
    if (!skipAuth && key !== ENV.NEXTAUTH_API_KEY) return unauthorized(res, 'X-apikey is not a valid API key');

    // 2. The role the key asks to act as.
    const role = header(req, 'x-su');
    if (role !== undefined && !ROLES.has(role) && !on('forbidden-role-ignored')) {
      return forbidden(res, 'this API key may not assume that role');
    }

    // 3. The server the key belongs to; the second server only where a fault lets the key act on it.
    // A fault queues pushes before looking anything up, so the server (and the account or user) is then unchecked.
    const queued = on('provoke-queued-unchecked') && PUSHES_TO.has(op);
    const sid = decode(serverid);
    const found = sid === own.serverId ? own : sid === second.serverId && servesSecond(op) ? second : undefined;
    if (!found && !queued) {
      if (sid === second.serverId) return foreign(res);
      return error(res, on('unknown-server-403') ? 403 : 404, 'no such server');
    }
    // A queued push to a server it never looked up: a server with no accounts stands in, so every lookup misses.
    const model = found ?? new NextAuthModel(sid ?? '', []);

    // 4. The session nonce and the operation's own parameters.
    let nonce = header(req, 'x-nonce');
    if (nonce === undefined || nonce === '') {
      if (!on('missing-nonce-accepted')) return error(res, 400, 'X-nonce is required');
      nonce = '';
    }
    const qr = { ignoreNonce: on('qr-ignores-nonce') };

    switch (op) {
      case 'getQrLogin': {
        const s = url.searchParams.get('s');
        if (s !== null && !/^[1-9][0-9]*$/.test(s)) return error(res, 400, 's must be a positive integer');
        const size = s === null || on('qr-png-ignores-size') ? DEFAULT_SIZE : Number(s);
        if (size > MAX_SIZE) return error(res, 400, `s must be at most ${MAX_SIZE}`);
        const context = await userContext(req);
        if (context === INVALID) return error(res, 400, 'the body is not a UserContext');
        if (context !== undefined && on('qr-rejects-body')) return error(res, 400, 'a GET request must not carry a body');
        model.setContext(nonce, context);
        const data = model.qrData(nonce, qr);
        if (url.searchParams.get('img') === 'png' && !on('qr-png-is-raw-data')) {
          const png = qrPng(data, size);
          return sendBytes(res, 'application/octet-stream', png);
        }
        const raw = on('qr-raw-is-base64') ? Buffer.from(data.toString('base64'), 'ascii') : data;
        return sendBytes(res, on('qr-raw-as-text') ? 'text/plain; charset=utf-8' : 'application/octet-stream', raw);
      }
      case 'getSession': {
        await readBody(req);
        const status: Record<string, unknown> = { ...model.status(nonce, qr) };
        if (on('session-logged-in-by-default') && status.loggedin === false) Object.assign(status, { loggedin: true, userid: 'nobody' });
        if (on('login-status-minimal') && status.loggedin === false) for (const k of Object.keys(status)) if (k !== 'loggedin' && k !== 'loginqrdata') delete status[k];
        if (on('login-status-loggedin-absent') && status.loggedin === false) delete status.loggedin;
        if (on('session-canprovoke-string')) status.canprovoke = String(status.canprovoke);
        if (on('session-missing-loginqrdata')) delete status.loginqrdata;
        const cache = on('session-cacheable') ? { 'Cache-Control': 'public, max-age=300' } : noStore();
        return sendJson(res, 200, status, cache);
      }
      case 'logout': {
        await readBody(req);
        model.logout(nonce);
        if (on('logout-answers-204')) return sendEmpty(res, 204, noStore());
        return ok(res);
      }
      case 'provokeLogin': {
        const context = await userContext(req);
        if (context === INVALID) return error(res, 400, 'the body is not a UserContext');
        model.pushToLast(nonce, context);
        return ok(res);
      }
      case 'provokeLoginOnAccount': {
        const raw = decode(subject) ?? '';
        const validId = /^-?[0-9]+$/.test(raw);
        if (!validId && !on('accountid-not-validated')) return error(res, 400, 'accountid must be an integer');
        const context = await userContext(req);
        if (context === INVALID) return error(res, 400, 'the body is not a UserContext');
        const account = validId ? model.account(Number(raw)) : undefined;
        if (!account) {
          if (validId && (on('unknown-account-accepted') || queued)) return ok(res);
          return error(res, 404, 'no such account');
        }
        model.push(nonce, account.id, context);
        if (on('provoke-logs-in-without-confirmation')) model.confirm(nonce, account.id);
        return ok(res);
      }
      case 'provokeLoginOnUser': {
        const context = await userContext(req);
        if (context === INVALID) return error(res, 400, 'the body is not a UserContext');
        const accounts = model.accountsOf(decode(subject) ?? '');
        if (accounts.length === 0) return queued ? ok(res) : error(res, 404, 'no such user');
        for (const account of accounts) model.push(nonce, account.id, context);
        if (on('provoke-logs-in-without-confirmation')) model.confirm(nonce, accounts[0].id);
        return ok(res);
      }
    }
  };
}

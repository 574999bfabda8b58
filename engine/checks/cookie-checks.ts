import { header, jsonBody } from '../http/exchange.ts';
import { authCookiesSet, cookieScope, deletes, isCsrfCookie, sessionCookieNames, sessionCookiesSet, setCookies, splitSetCookie } from './cookies.ts';
import type { Exchange } from '../http/exchange.ts';
import { documentedResponse } from './contract-checks.ts';
import { violation, type Check, type CheckContext, type Violation } from './types.ts';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export const setCookieWellFormed: Check = {
  name: 'set_cookie_well_formed',
  requirement: 'RFC6265-4.1',
  applies: ({ response }) => response !== undefined && setCookies(response).length > 0,
  run: ({ response }) => setCookies(response!).flatMap(({ line }) => {
    const { name } = splitSetCookie(line);
    return TOKEN.test(name) ? [] : [violation('set_cookie_well_formed', 'a Set-Cookie line is not a name=value pair with a token name', { expected: 'name=value; attributes', received: `${name || '(no name)'}=…` })];
  }),
};

const ATTRIBUTE_NAMES: Record<string, string> = { httponly: 'HttpOnly', samesite: 'SameSite', secure: 'Secure' };

/**
 * An attribute every auth cookie the response sets should carry (session, OAuth state, CSRF;
 * see authCookiesSet). `exempt`: cookies the attribute would break (a CSRF cookie read by script).
 */
const attributeCheck = (name: string, requirement: 'ASVS-3.4.2' | 'ASVS-3.4.3' | 'ASVS-3.4.1', attribute: string, options: { onlyHttps?: boolean; exempt?: (cookie: string) => boolean } = {}): Check => {
  const judged = (ctx: CheckContext) => authCookiesSet(ctx.response!, ctx.contract).filter((c) => !options.exempt?.(c.cookie.name));
  return {
    name,
    requirement,
    applies: (ctx) => ctx.response !== undefined && judged(ctx).length > 0 && (!options.onlyHttps || ctx.exchange.request.url.startsWith('https:')),
    run: (ctx) => judged(ctx)
      .filter((c) => !c.attributes.has(attribute))
      .map((c) => violation(name, `the auth cookie ${c.cookie.name} is set without ${ATTRIBUTE_NAMES[attribute]}`, { expected: ATTRIBUTE_NAMES[attribute], received: [...c.attributes].join(', ') || 'no attributes' })),
  };
};

export const sessionCookieHttpOnly = attributeCheck('session_cookie_httponly', 'ASVS-3.4.2', 'httponly', { exempt: isCsrfCookie });
export const sessionCookieSameSite = attributeCheck('session_cookie_samesite', 'ASVS-3.4.3', 'samesite');
export const sessionCookieSecure = attributeCheck('session_cookie_secure', 'ASVS-3.4.1', 'secure', { onlyHttps: true });

/** ASVS 3.3.2 (level 1): a user stays logged in for at most 30 days without authenticating again. */
export const MAX_COOKIE_DAYS = 30;

function lifetimeDays(c: ReturnType<typeof authCookiesSet>[number]): number | undefined {
  if (c.cookie.maxAge !== undefined) return c.cookie.maxAge / 86_400;
  if (c.cookie.expires) return (c.cookie.expires.getTime() - Date.now()) / 86_400_000;
  return undefined; // a browser-session cookie: gone when the browser closes
}

/** A CSRF cookie keeps nobody logged in (frameworks keep it a year), so only the others' lifetime is judged. */
const lifetimeJudged = (ctx: CheckContext) => authCookiesSet(ctx.response!, ctx.contract).filter((c) => !isCsrfCookie(c.cookie.name));

export const authCookieLifetimeBounded: Check = {
  name: 'auth_cookie_lifetime_bounded',
  requirement: 'ASVS-3.3.2',
  applies: (ctx) => ctx.response !== undefined && lifetimeJudged(ctx).length > 0,
  run: (ctx) => lifetimeJudged(ctx).flatMap((c) => {
    const days = lifetimeDays(c);
    // A day of slack: an Expires computed from the server's clock.
    return days !== undefined && days > MAX_COOKIE_DAYS + 1
      ? [violation('auth_cookie_lifetime_bounded', `the auth cookie ${c.cookie.name} lives ${Math.round(days)} days`, { expected: `a browser-session cookie or at most ${MAX_COOKIE_DAYS} days`, received: `${Math.round(days)} days` })]
      : [];
  }),
};

/**
 * The Set-Cookie that ends a session must reach the cookie the login set: the same name, Domain
 * and Path, or the browser keeps the old cookie beside it (RFC 6265 §5.3). `set` is the exchange
 * that set the session cookie, `cleared` the one meant to clear it; a response that clears nothing
 * is not judged here (ending the session on the server is the operation's own requirement).
 */
export function clearsSessionCookie(set: Exchange, cleared: Exchange, contract: Parameters<typeof sessionCookieNames>[0]): Violation[] {
  if (!set.response || !cleared.response) return [];
  const names = sessionCookieNames(contract);
  const established = sessionCookiesSet(set.response, contract).map((c) => cookieScope(c, set.request.url));
  const clearing = setCookies(cleared.response).filter((c) => names.includes(c.cookie.name) && deletes(c.cookie)).map((c) => cookieScope(c, cleared.request.url));
  // A server may clear several scopes at once (an old Path beside the current one): one match drops the cookie.
  return established.flatMap((original) => {
    const mine = clearing.filter((c) => c.name === original.name);
    if (mine.length === 0 || mine.some((c) => c.domain === original.domain && c.path === original.path)) return [];
    return [violation('clears_session_cookie', `the cookie that clears ${original.name} has another Domain or Path than the one the login set, so a browser keeps the session cookie`, { expected: `Domain ${original.domain}, Path ${original.path}`, received: mine.map((c) => `Domain ${c.domain}, Path ${c.path}`).join('; ') })];
  });
}

/** Two logins of one user were given two session values (ASVS 3.2.1): the same value twice means none was rotated. */
export function rotatesPerLogin(first: string, second: string): Violation[] {
  return first === second
    ? [violation('session_rotated', 'two logins were given the same session cookie', { expected: 'a new session value per login', received: 'the same value twice' })]
    : [];
}

/**
 * Session fixation: a login that arrives carrying a session value the client chose must not keep
 * it. `chosen` is that value; the login's own Set-Cookie shows whether it was kept, and where the
 * login sets no session cookie, `chosenWorksAfter` (a probe with the chosen value) whether the
 * server silently adopted it.
 */
export function rotatesChosenSession(login: Exchange, chosen: string, contract: Parameters<typeof sessionCookieNames>[0], chosenWorksAfter?: boolean): Violation[] {
  if (!login.response) return [];
  const set = sessionCookiesSet(login.response, contract);
  const kept = set.filter((c) => c.cookie.value === chosen)
    .map((c) => violation('rotates_chosen_session', `the login kept the ${c.cookie.name} value the client arrived with (session fixation)`, { expected: 'a new session value', received: 'the value the client chose' }));
  const adopted = set.length === 0 && chosenWorksAfter === true
    ? [violation('rotates_chosen_session', 'the session value the client arrived with authenticates after the login (session fixation)', { expected: 'a refusal for the chosen value', received: 'the chosen value authenticates' })]
    : [];
  return [...kept, ...adopted];
}

const SECRET_KEYS = /^(token|access_?token|refresh_?token|id_?token|secret|client_?secret|api_?key)$/i;

function carriesSecret(ctx: CheckContext): boolean {
  const res = ctx.response!;
  if (sessionCookiesSet(res, ctx.contract).length > 0) return true;
  if (documentedResponse(ctx)?.sensitive) return true;
  const body = jsonBody(res);
  const hasSecretKey = (v: unknown): boolean => Array.isArray(v) ? v.some(hasSecretKey)
    : v !== null && typeof v === 'object' && Object.entries(v).some(([k, x]) => (SECRET_KEYS.test(k) && typeof x === 'string') || hasSecretKey(x));
  return body.ok && hasSecretKey(body.value);
}

export const noStoreOnSecrets: Check = {
  name: 'no_store_on_secrets',
  requirement: 'ASVS-8.2.1',
  applies: (ctx) => ctx.response !== undefined && ctx.response.status < 400 && carriesSecret(ctx),
  run: ({ response }) => {
    const cc = (header(response!, 'cache-control') ?? '').toLowerCase();
    return cc.split(',').map((d) => d.trim()).includes('no-store') ? [] : [violation('no_store_on_secrets', 'a response that sets a session or carries a token may be cached', { expected: 'Cache-Control: no-store', received: cc ? `Cache-Control: ${cc}` : 'no Cache-Control' })];
  },
};

import { parse as parseSetCookie, type Cookie } from 'set-cookie-parser';
import type { Contract } from '../contract/model.ts';
import { headerLines, type RecordedResponse } from '../http/exchange.ts';

/** Names of the cookies the contract authenticates with (apiKey-in-cookie schemes). */
export function sessionCookieNames(contract: Contract): string[] {
  return Object.values(contract.securitySchemes).filter((s) => s.type === 'apiKey' && s.in === 'cookie' && s.name).map((s) => s.name!);
}

/** A Set-Cookie line as written, cut where RFC 6265 §5.2 cuts it, before any meaning is given to it. */
export interface SetCookieParts {
  /** Before the pair's first `=`, trimmed; '' where the pair has none. */
  name: string;
  /** After the pair's first `=`, trimmed; the whole pair where it has none (a cookie with an empty name, RFC 6265bis §5.7). */
  value: string;
  /** Each attribute's name and value as written, in order; `value` is absent where there is no `=`. */
  attributes: { name: string; value?: string }[];
}

/**
 * The one place a Set-Cookie line is split by hand. set-cookie-parser gives the meaning (dates,
 * Max-Age, Domain, Path) but drops what it does not know, lower-cases names and refuses some names
 * outright; checking a line's form and redacting every part of it need the line as written.
 */
export function splitSetCookie(line: string): SetCookieParts {
  const [pair = '', ...rest] = line.split(';');
  const cut = (s: string) => {
    const eq = s.indexOf('=');
    return eq < 0 ? { name: s.trim() } : { name: s.slice(0, eq).trim(), value: s.slice(eq + 1).trim() };
  };
  const p = cut(pair);
  return { ...(p.value === undefined ? { name: '', value: p.name } : { name: p.name, value: p.value }), attributes: rest.map(cut) };
}

export interface SetCookieLine {
  line: string;
  cookie: Cookie;
  /** Attribute names present, lower-case (`httponly`, `samesite`, …). */
  attributes: Set<string>;
}

export function setCookies(res: RecordedResponse): SetCookieLine[] {
  return headerLines(res, 'set-cookie').map((line) => ({
    line,
    cookie: parseSetCookie(line, { decodeValues: false })[0] ?? { name: '', value: '' },
    attributes: new Set(splitSetCookie(line).attributes.map((a) => a.name.toLowerCase())),
  }));
}

/** Set-Cookie lines that establish a session (not ones that delete it). */
export function sessionCookiesSet(res: RecordedResponse, contract: Contract): SetCookieLine[] {
  const names = sessionCookieNames(contract);
  return setCookies(res).filter(({ cookie }) =>
    names.includes(cookie.name) && cookie.value !== '' && !(cookie.maxAge !== undefined && cookie.maxAge <= 0) && !(cookie.expires && cookie.expires.getTime() < Date.now()));
}

/**
 * Words of a cookie name that say it carries authentication state even where the contract names no
 * such cookie: a session, an OAuth/OIDC state or nonce, a CSRF token, a remember-me token. Matched
 * as whole words (`sidebar_state` and `last_login_method` are no auth cookies), and as compounds
 * that frameworks write as one word (`oauthstate`, `PHPSESSID`, `connect.sid`).
 */
const AUTH_WORDS = new Set(['sess', 'session', 'sid', 'auth', 'token', 'nonce', 'oauth', 'oidc', 'csrf', 'xsrf', 'remember', 'jwt']);
const AUTH_COMPOUND = /sessid|sessionid|session|oauth|oidc|csrf|xsrf|authtoken|rememberme/i;

function nameWords(name: string): string[] {
  return name.replace(/^__(Host|Secure)-/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** Whether a cookie's name says it is an auth cookie; a bare `state` is the OAuth state. */
export function isAuthCookieName(name: string): boolean {
  const words = nameWords(name);
  return words.some((w) => AUTH_WORDS.has(w)) || AUTH_COMPOUND.test(name) || (words.length === 1 && words[0] === 'state');
}

/** A CSRF token cookie is read by the page's script in the double-submit pattern, so HttpOnly is not asked of it. */
export const isCsrfCookie = (name: string): boolean => /csrf|xsrf/i.test(name);

/**
 * Set-Cookie lines that establish authentication state: the contract's session cookies and every
 * cookie named like one (OAuth state, CSRF), but not ones that delete a cookie.
 */
export function authCookiesSet(res: RecordedResponse, contract: Contract): SetCookieLine[] {
  const names = sessionCookieNames(contract);
  return setCookies(res).filter(({ cookie }) => (names.includes(cookie.name) || isAuthCookieName(cookie.name)) && !deletes(cookie));
}

/** A Set-Cookie that removes the cookie: empty value, Max-Age ≤ 0 or an Expires in the past. */
export function deletes(cookie: Cookie): boolean {
  return cookie.value === '' || (cookie.maxAge !== undefined && cookie.maxAge <= 0) || (cookie.expires !== undefined && cookie.expires.getTime() < Date.now());
}

/**
 * Where a browser files a cookie (RFC 6265 §5.3): its name, its Domain (none: host-only) and its
 * Path, which defaults to the directory of the request's path (§5.1.4). A later Set-Cookie replaces
 * (or removes) it only when all three match.
 */
export function cookieScope(line: SetCookieLine, requestUrl: string): { name: string; domain: string; path: string } {
  const domain = (line.cookie.domain ?? '').toLowerCase().replace(/^\./, '');
  const path = line.cookie.path?.startsWith('/') ? line.cookie.path : defaultPath(new URL(requestUrl).pathname);
  return { name: line.cookie.name, domain: domain || '(host-only)', path };
}

function defaultPath(requestPath: string): string {
  if (!requestPath.startsWith('/')) return '/';
  const cut = requestPath.lastIndexOf('/');
  return cut <= 0 ? '/' : requestPath.slice(0, cut);
}

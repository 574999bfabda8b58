import { parse as parseSetCookie, type Cookie } from 'set-cookie-parser';
import type { Contract } from '../contract/model.ts';
import { headerLines, type RecordedResponse } from '../http/exchange.ts';

/** Names of the cookies the contract authenticates with (apiKey-in-cookie schemes). */
export function sessionCookieNames(contract: Contract): string[] {
  return Object.values(contract.securitySchemes).filter((s) => s.type === 'apiKey' && s.in === 'cookie' && s.name).map((s) => s.name!);
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
    attributes: new Set(line.split(';').slice(1).map((a) => a.split('=')[0]!.trim().toLowerCase())),
  }));
}

/** Set-Cookie lines that establish a session (not ones that delete it). */
export function sessionCookiesSet(res: RecordedResponse, contract: Contract): SetCookieLine[] {
  const names = sessionCookieNames(contract);
  return setCookies(res).filter(({ cookie }) =>
    names.includes(cookie.name) && cookie.value !== '' && !(cookie.maxAge !== undefined && cookie.maxAge <= 0) && !(cookie.expires && cookie.expires.getTime() < Date.now()));
}

import { setCookies } from './checks/cookies.ts';
import { finding, type Outcome } from './checks/evaluate.ts';
import { violation } from './checks/types.ts';
import type { Identity } from './client.ts';
import type { Exchange } from './http/exchange.ts';
import type { RequirementId } from '../requirements/index.ts';

/** The session cookie `name` a response sets, as an identity (a cookie being cleared is none). */
export function sessionFrom(ex: Exchange, name: string): Identity | undefined {
  const line = ex.response && setCookies(ex.response).find((c) => c.cookie.name === name && c.cookie.value !== '');
  return line ? { label: 'session cookie', headers: { cookie: `${name}=${line.cookie.value}` } } : undefined;
}

/** A login that succeeded set the session cookie `name`; without it the cookie checks of that test are not reached. */
export function setsSessionCookie(ex: Exchange, name: string, because: RequirementId): Outcome {
  return finding(because, [ex], ex.response && ex.response.status < 400 && !sessionFrom(ex, name)
    ? [violation('sets_session_cookie', `the login set no ${name} cookie`, { expected: `Set-Cookie: ${name}=…`, received: 'none' })]
    : []);
}

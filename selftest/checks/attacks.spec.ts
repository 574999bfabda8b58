import { expect, test } from '@playwright/test';
import { clearsSessionCookie, rotatesChosenSession, rotatesPerLogin } from '../../engine/checks/cookie-checks.ts';
import { actsAsItself, effectUnjudged, listsNoneOf, unaffectedByOther } from '../../engine/checks/cross-identity.ts';
import { indistinguishableRefusals, type Refusal } from '../../engine/checks/enumeration.ts';
import { isAuthCookieName } from '../../engine/checks/cookies.ts';
import { loadContract } from '../../engine/contract/load.ts';
import type { Exchange, RecordedResponse } from '../../engine/http/exchange.ts';

/** The judgements across exchanges and identities: each passes a conformant pair and fails a leak. */
const contract = loadContract('traq', 'contracts/traq.yaml');
const BASE = 'http://127.0.0.1:1/api/v3';

function ex(operationId: string, response: Partial<RecordedResponse> & { status: number }, url = `${BASE}/${operationId}`): Exchange {
  const text = response.text ?? '';
  return { api: 'traq', operationId, pathTemplate: '/x', expectedStatus: response.status, request: { method: 'POST', url, headers: {} }, durationMs: 1, response: { headers: {}, text, bytes: Buffer.byteLength(text), ...response } };
}

const JSON_CT = { 'content-type': 'application/json' };
const refusal = (c: string, body: unknown, headers: Record<string, string | string[]> = {}, status = 401): Refusal =>
  ({ case: c, exchange: ex('login', { status, headers: { ...JSON_CT, ...headers }, text: JSON.stringify(body) }) });

test.describe('enumeration: indistinguishableRefusals', () => {
  const names = ['alice', 'cf-unknown-1', 'cf-unknown-2'];
  const rows: { name: string; refusals: Refusal[]; repeat: Refusal; violations: number; says?: RegExp }[] = [
    { name: 'the same answer', refusals: [refusal('wrong password', { message: 'invalid name or password' }), refusal('unknown user', { message: 'invalid name or password' })], repeat: refusal('unknown user', { message: 'invalid name or password' }), violations: 0 },
    { name: 'messages that differ only in the echoed name', refusals: [refusal('wrong password', { message: 'login failed for alice' }), refusal('unknown user', { message: 'login failed for cf-unknown-1' })], repeat: refusal('unknown user', { message: 'login failed for cf-unknown-2' }), violations: 0 },
    { name: 'a request id and a fresh CSRF cookie in each answer', refusals: [refusal('wrong password', { message: 'x' }, { 'x-request-id': 'r1', 'set-cookie': ['_csrf=a1'] }), refusal('unknown user', { message: 'x' }, { 'x-request-id': 'r2', 'set-cookie': ['_csrf=b2'] })], repeat: refusal('unknown user', { message: 'x' }, { 'x-request-id': 'r3', 'set-cookie': ['_csrf=c3'] }), violations: 0 },
    // The repeat and its twin fell in the same second, the reference in the one before: the clock is no tell.
    { name: 'times a second apart (a body time, an Expires, a rate-limit reset)', refusals: [refusal('wrong password', { message: 'x', at: '2026-01-01T10:00:00Z', epoch: Math.floor(Date.now() / 1000) - 1 }, { 'set-cookie': ['lb=1; Expires=Thu, 01 Jan 2026 10:00:00 GMT'], 'x-ratelimit-reset': '37' }), refusal('unknown user', { message: 'x', at: '2026-01-01T10:00:01Z', epoch: Math.floor(Date.now() / 1000) }, { 'set-cookie': ['lb=1; Expires=Thu, 01 Jan 2026 10:00:01 GMT'], 'x-ratelimit-reset': '36' })], repeat: refusal('unknown user', { message: 'x', at: '2026-01-01T10:00:01Z', epoch: Math.floor(Date.now() / 1000) }, { 'set-cookie': ['lb=1; Expires=Thu, 01 Jan 2026 10:00:01 GMT'], 'x-ratelimit-reset': '36' }), violations: 0 },
    { name: 'an error code that differs (a number, but no time)', refusals: [refusal('wrong password', { message: 'x', code: 1001 }), refusal('unknown user', { message: 'x', code: 1002 })], repeat: refusal('unknown user', { message: 'x', code: 1002 }), violations: 1, says: /body's \$\.code/ },
    { name: 'another status', refusals: [refusal('wrong password', { message: 'x' }), refusal('unknown user', { message: 'x' }, {}, 404)], repeat: refusal('unknown user', { message: 'x' }, {}, 404), violations: 1, says: /status tells unknown user from wrong password/ },
    { name: 'the same fields, another text', refusals: [refusal('wrong password', { message: 'wrong password' }), refusal('unknown user', { message: 'no such user' })], repeat: refusal('unknown user', { message: 'no such user' }), violations: 1, says: /body's \$\.message/ },
    { name: 'another field', refusals: [refusal('wrong password', { message: 'x' }), refusal('unknown user', { message: 'x', code: 'USER_NOT_FOUND' })], repeat: refusal('unknown user', { message: 'x', code: 'USER_NOT_FOUND' }), violations: 1, says: /shape/ },
    { name: 'a header only one case gets', refusals: [refusal('wrong password', { message: 'x' }, { 'x-failed-attempts': '1' }), refusal('unknown user', { message: 'x' })], repeat: refusal('unknown user', { message: 'x' }), violations: 1, says: /x-failed-attempts header/ },
    { name: 'a suspended account with a wrong password answered 403', refusals: [refusal('wrong password', { message: 'x' }), refusal('unknown user', { message: 'x' }), refusal('suspended account', { message: 'x' }, {}, 403)], repeat: refusal('unknown user', { message: 'x' }), violations: 1, says: /suspended account/ },
  ];
  for (const row of rows) {
    test(`${row.violations ? 'fails' : 'passes'} on ${row.name}`, () => {
      const found = indistinguishableRefusals({ refusals: row.refusals, repeat: row.repeat, names });
      expect(found, JSON.stringify(found)).toHaveLength(row.violations);
      if (row.says) expect(found[0]!.message).toMatch(row.says);
    });
  }
  test('plain-text bodies are compared as text, names blanked', () => {
    const text = (c: string, t: string): Refusal => ({ case: c, exchange: ex('login', { status: 401, headers: { 'content-type': 'text/plain' }, text: t }) });
    expect(indistinguishableRefusals({ refusals: [text('wrong password', 'bad login alice'), text('unknown user', 'bad login cf-unknown-1')], repeat: text('unknown user', 'bad login cf-unknown-2'), names })).toEqual([]);
    expect(indistinguishableRefusals({ refusals: [text('wrong password', 'wrong password'), text('unknown user', 'unknown user')], repeat: text('unknown user', 'unknown user'), names })).toHaveLength(1);
  });
});

test.describe('object-level authorization by effect', () => {
  test('A\'s object that still works passes; one that stopped working is named with its effect', () => {
    expect(unaffectedByOther({ object: 'A\'s session', loss: 'stopped authenticating', before: true, after: true })).toEqual([]);
    const [v] = unaffectedByOther({ object: 'A\'s session', loss: 'stopped authenticating', before: true, after: false });
    expect(v!.message).toBe('A\'s session stopped authenticating after B\'s request');
  });
  test('an effect that cannot show is unjudged, never passed', () => {
    expect(effectUnjudged({ object: 'A\'s session', loss: 'x', before: false, after: false })).toMatch(/did not work before/);
    expect(effectUnjudged({ object: 'A\'s session', loss: 'x', before: true, after: undefined })).toMatch(/could not be told/);
    expect(effectUnjudged({ object: 'A\'s session', loss: 'x', before: true, after: true })).toBeUndefined();
  });
  test('B\'s listing with none of A\'s ids passes; one with A\'s id fails', () => {
    expect(listsNoneOf('B\'s session list', ['b1', 'b2'], ['a1'], 'sessions')).toEqual([]);
    expect(listsNoneOf('B\'s session list', ['b1', 'a1'], ['a1'], 'sessions')).toHaveLength(1);
  });
  test('B answered as B passes; B answered as A fails', () => {
    expect(actsAsItself('B\'s session', 'bob', 'bob', 'alice')).toEqual([]);
    expect(actsAsItself('B\'s session', 'alice', 'bob', 'alice')).toHaveLength(1);
  });
});

test.describe('cookies across exchanges', () => {
  const login = (setCookie: string) => ex('login', { status: 204, headers: { 'set-cookie': [setCookie] } }, `${BASE}/login`);
  const logout = (setCookie: string | string[]) => ex('logout', { status: 204, headers: { 'set-cookie': [setCookie].flat() } }, `${BASE}/logout`);
  const rows: { name: string; set: string; clear: string | string[]; violations: number }[] = [
    { name: 'two clearing lines, one of them in the login\'s Path (the browser drops the cookie)', set: 'r_session=abc; Path=/', clear: ['r_session=; Path=/api/v3; Max-Age=0', 'r_session=; Path=/; Max-Age=0'], violations: 0 },
    { name: 'two clearing lines, neither in the login\'s Path', set: 'r_session=abc; Path=/', clear: ['r_session=; Path=/api/v3; Max-Age=0', 'r_session=; Path=/api; Max-Age=0'], violations: 1 },
    { name: 'the same Path', set: 'r_session=abc; Path=/; HttpOnly', clear: 'r_session=; Path=/; Max-Age=0', violations: 0 },
    { name: 'no Path on either, both from /api/v3', set: 'r_session=abc; HttpOnly', clear: 'r_session=; Max-Age=0', violations: 0 },
    { name: 'Expires in the past and the same Domain (with a dot)', set: 'r_session=abc; Path=/; Domain=example.com', clear: 'r_session=deleted; Path=/; Domain=.example.com; Expires=Thu, 01 Jan 1970 00:00:00 GMT', violations: 0 },
    { name: 'another Path', set: 'r_session=abc; Path=/; HttpOnly', clear: 'r_session=; Path=/api; Max-Age=0', violations: 1 },
    { name: 'a Domain where the session cookie was host-only', set: 'r_session=abc; Path=/', clear: 'r_session=; Path=/; Domain=127.0.0.1; Max-Age=0', violations: 1 },
    { name: 'Path=/ set, cleared without Path from /api/v3/logout (defaults to /api/v3)', set: 'r_session=abc; Path=/', clear: 'r_session=; Max-Age=0', violations: 1 },
  ];
  for (const row of rows) {
    test(`clearing the session cookie ${row.violations ? 'fails' : 'passes'} with ${row.name}`, () => {
      expect(clearsSessionCookie(login(row.set), logout(row.clear), contract)).toHaveLength(row.violations);
    });
  }
  test('a login that keeps the session value the client chose is fixation; a new value is not', () => {
    expect(rotatesChosenSession(login('r_session=chosen-by-client; Path=/'), 'chosen-by-client', contract)).toHaveLength(1);
    expect(rotatesChosenSession(login('r_session=fresh-from-server; Path=/'), 'chosen-by-client', contract)).toEqual([]);
  });
  test('two logins given the same session value rotated nothing; two values did', () => {
    expect(rotatesPerLogin('r_session=a1', 'r_session=a1')).toHaveLength(1);
    expect(rotatesPerLogin('r_session=a1', 'r_session=b2')).toEqual([]);
  });
});

test('auth cookies are told by whole words of their names, not by letters inside other words', () => {
  const auth = ['r_session', 'PHPSESSID', 'connect.sid', 'oauthstate', 'oauth_state', 'state', '__Host-state', 'XSRF-TOKEN', 'csrftoken', 'remember_me', 'authToken', 'id_token', 'nonce'];
  const other = ['sidebar_state', 'last_login_method', 'i18n_author', 'consider_me', 'lang', 'theme', 'AWSALB'];
  expect(auth.filter((n) => !isAuthCookieName(n))).toEqual([]);
  expect(other.filter((n) => isAuthCookieName(n))).toEqual([]);
});

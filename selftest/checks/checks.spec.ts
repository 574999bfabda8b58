import { expect, test } from '@playwright/test';
import { bodyMatchesSchema, contentTypeConforms, documentedHeadersPresent, jsonParses, statusAsExpected, statusDocumented } from '../../engine/checks/contract-checks.ts';
import { authCookieLifetimeBounded, noStoreOnSecrets, sessionCookieHttpOnly, sessionCookieSameSite, sessionCookieSecure, setCookieWellFormed } from '../../engine/checks/cookie-checks.ts';
import { challengeOn401, contentTypeOnContent, locationOnRedirect, noContentOn204, redirectStaysOnOrigin } from '../../engine/checks/http-checks.ts';
import { CHECKS } from '../../engine/checks/index.ts';
import type { Check, CheckContext } from '../../engine/checks/types.ts';
import { loadContract } from '../../engine/contract/load.ts';
import type { Exchange, ExpectedStatus, RecordedResponse } from '../../engine/http/exchange.ts';
import { evaluate, finding } from '../../engine/checks/evaluate.ts';

/**
 * Each check on recorded responses: at least one row it passes and one it fails, so none of them
 * can be a check that cannot fail. Rows use the traQ contract.
 */
const contract = loadContract('traq', 'contracts/traq.yaml');
const JSON_CT = { 'content-type': 'application/json' };

function ctx(operationId: string, expectedStatus: ExpectedStatus, response: Partial<RecordedResponse> & { status: number } | undefined, url = 'http://127.0.0.1:1/api/v3/x', error?: string): CheckContext {
  const res = response && { headers: {}, text: '', bytes: Buffer.byteLength(response.text ?? ''), ...response } as RecordedResponse;
  const op = contract.operations[operationId]!;
  const exchange: Exchange = { api: 'traq', operationId, pathTemplate: op.path, expectedStatus, request: { method: op.method, url, headers: {} }, durationMs: 1, ...(res ? { response: res } : {}), ...(error ? { error } : {}) };
  return { exchange, response: res, operation: op, contract };
}

const ok = (t: string) => ({ text: t, bytes: Buffer.byteLength(t) });
const SESSION = 'r_session=abcdef0123456789; Path=/; HttpOnly; SameSite=Lax';

interface Row { name: string; ctx: CheckContext; violations: number }
const TABLE: [Check, Row[]][] = [
  [statusAsExpected, [
    { name: 'the expected status', ctx: ctx('login', 204, { status: 204 }), violations: 0 },
    { name: 'another status', ctx: ctx('login', 204, { status: 200 }), violations: 1 },
    { name: 'no response at all', ctx: ctx('login', 204, undefined, undefined, 'connection refused'), violations: 1 },
  ]],
  [statusDocumented, [
    { name: 'a documented status', ctx: ctx('login', 204, { status: 401 }), violations: 0 },
    { name: 'an undocumented status', ctx: ctx('login', 204, { status: 500 }), violations: 1 },
  ]],
  [contentTypeConforms, [
    { name: 'JSON with charset', ctx: ctx('getMySessions', 200, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, ...ok('[]') }), violations: 0 },
    { name: 'text/html', ctx: ctx('getMySessions', 200, { status: 200, headers: { 'content-type': 'text/html' }, ...ok('<p>') }), violations: 1 },
    { name: 'no Content-Type', ctx: ctx('getMySessions', 200, { status: 200, ...ok('[]') }), violations: 1 },
  ]],
  [bodyMatchesSchema, [
    { name: 'a valid LoginSession[]', ctx: ctx('getMySessions', 200, { status: 200, headers: JSON_CT, ...ok('[{"id":"5f1b7bbf-0000-4000-8000-000000000000","issuedAt":"2024-01-01T00:00:00Z"}]') }), violations: 0 },
    { name: 'a bad uuid and a number for issuedAt', ctx: ctx('getMySessions', 200, { status: 200, headers: JSON_CT, ...ok('[{"id":"x","issuedAt":1}]') }), violations: 1 },
    { name: 'a body that is not JSON', ctx: ctx('getMySessions', 200, { status: 200, headers: JSON_CT, ...ok('<html>') }), violations: 1 },
  ]],
  [documentedHeadersPresent, [
    { name: 'Location on the 302', ctx: ctx('linkExternalAccount', 302, { status: 302, headers: { location: 'https://github.com/login' } }), violations: 0 },
    // traQ's document lists no Location (RFC9110-10.2.2 judges it), so its absence is no contract violation.
    { name: 'no Location on the 302, which the contract does not require', ctx: ctx('linkExternalAccount', 302, { status: 302 }), violations: 0 },
    { name: 'a Set-Cookie for another cookie only', ctx: ctx('login', 204, { status: 204, headers: { 'set-cookie': ['other=1'] } }), violations: 1 },
  ]],
  [jsonParses, [
    { name: 'an undocumented error body that parses', ctx: ctx('logout', 204, { status: 418, headers: JSON_CT, ...ok('{"error":"x"}') }), violations: 0 },
    { name: 'an undocumented error body that says JSON and is not', ctx: ctx('logout', 204, { status: 418, headers: JSON_CT, ...ok('<html>') }), violations: 1 },
  ]],
  [noContentOn204, [
    { name: 'an empty 204', ctx: ctx('logout', 204, { status: 204 }), violations: 0 },
    { name: 'a 204 with content', ctx: ctx('logout', 204, { status: 204, ...ok('OK') }), violations: 1 },
    { name: 'a 204 announcing content', ctx: ctx('logout', 204, { status: 204, headers: { 'content-length': '2' } }), violations: 1 },
  ]],
  [challengeOn401, [
    { name: 'a challenge', ctx: ctx('getMySessions', 401, { status: 401, headers: { 'www-authenticate': 'Bearer realm="traQ"' } }), violations: 0 },
    { name: 'no challenge', ctx: ctx('getMySessions', 401, { status: 401 }), violations: 1 },
  ]],
  [locationOnRedirect, [
    // Only where the contract does not document Location itself (here: a redirect getMySessions never documents).
    { name: 'Location present', ctx: ctx('getMySessions', 302, { status: 302, headers: { location: '/' } }), violations: 0 },
    { name: 'Location absent', ctx: ctx('getMySessions', 302, { status: 302 }), violations: 1 },
  ]],
  [contentTypeOnContent, [
    { name: 'content with a type', ctx: ctx('login', 400, { status: 400, headers: JSON_CT, ...ok('{}') }), violations: 0 },
    { name: 'content without a type', ctx: ctx('login', 400, { status: 400, ...ok('{}') }), violations: 1 },
  ]],
  [redirectStaysOnOrigin, [
    { name: 'a foreign redirect parameter replaced by a local path', ctx: ctx('login', 302, { status: 302, headers: { location: '/' } }, 'http://127.0.0.1:1/api/v3/login?redirect=https%3A%2F%2Fevil.invalid%2Fx'), violations: 0 },
    { name: 'a foreign redirect parameter followed', ctx: ctx('login', 302, { status: 302, headers: { location: 'https://evil.invalid/x' } }, 'http://127.0.0.1:1/api/v3/login?redirect=https%3A%2F%2Fevil.invalid%2Fx'), violations: 1 },
    { name: 'a scheme-relative //host copied into Location', ctx: ctx('login', 302, { status: 302, headers: { location: '//evil.example/x' } }, `http://127.0.0.1:1/api/v3/login?redirect=${encodeURIComponent('//evil.example/x')}`), violations: 1 },
    { name: 'a /\\host copied into Location (a browser reads it as //host)', ctx: ctx('login', 302, { status: 302, headers: { location: '/\\evil.example/x' } }, `http://127.0.0.1:1/api/v3/login?redirect=${encodeURIComponent('/\\evil.example/x')}`), violations: 1 },
    { name: 'a /\\host made into a path on the own origin', ctx: ctx('login', 302, { status: 302, headers: { location: '/evil.example/x' } }, `http://127.0.0.1:1/api/v3/login?redirect=${encodeURIComponent('/\\evil.example/x')}`), violations: 0 },
    { name: 'a javascript: URL copied into Location', ctx: ctx('login', 302, { status: 302, headers: { location: 'javascript:alert(1)' } }, `http://127.0.0.1:1/api/v3/login?redirect=${encodeURIComponent('javascript:alert(1)')}`), violations: 1 },
    { name: 'a foreign target carried into the authorization request\'s redirect_uri', ctx: ctx('linkExternalAccount', 302, { status: 302, headers: { location: `https://idp.example/authorize?client_id=c&redirect_uri=${encodeURIComponent('https://evil.example/cb')}` } }, `http://127.0.0.1:1/api/v3/users/me/ex-accounts/link?redirect=${encodeURIComponent('https://evil.example/cb')}`), violations: 1 },
    { name: 'an authorization request with the server\'s own redirect_uri', ctx: ctx('linkExternalAccount', 302, { status: 302, headers: { location: `https://idp.example/authorize?client_id=c&redirect_uri=${encodeURIComponent('http://127.0.0.1:1/api/v3/cb')}` } }, `http://127.0.0.1:1/api/v3/users/me/ex-accounts/link?redirect=${encodeURIComponent('https://evil.example/cb')}`), violations: 0 },
  ]],
  [authCookieLifetimeBounded, [
    { name: 'a browser-session cookie and a state cookie of 10 minutes', ctx: ctx('login', 204, { status: 204, headers: { 'set-cookie': [SESSION, 'oauth_state=x; Max-Age=600; HttpOnly; SameSite=Lax'] } }), violations: 0 },
    { name: 'a session cookie of 30 days', ctx: ctx('login', 204, { status: 204, headers: { 'set-cookie': [`${SESSION}; Max-Age=${30 * 86400}`] } }), violations: 0 },
    { name: 'a session cookie of a year', ctx: ctx('login', 204, { status: 204, headers: { 'set-cookie': [`${SESSION}; Max-Age=${365 * 86400}`] } }), violations: 1 },
    { name: 'a CSRF cookie of a year (it keeps nobody logged in)', ctx: ctx('login', 204, { status: 204, headers: { 'set-cookie': [SESSION, `csrftoken=x; Max-Age=${365 * 86400}; SameSite=Lax`] } }), violations: 0 },
    { name: 'a session cookie expiring in 2099', ctx: ctx('login', 204, { status: 204, headers: { 'set-cookie': [`${SESSION}; Expires=Thu, 01 Jan 2099 00:00:00 GMT`] } }), violations: 1 },
  ]],
  [setCookieWellFormed, [
    { name: 'a name=value pair', ctx: ctx('login', 204, { status: 204, headers: { 'set-cookie': [SESSION] } }), violations: 0 },
    { name: 'a line without a name', ctx: ctx('login', 204, { status: 204, headers: { 'set-cookie': ['=abc; Path=/'] } }), violations: 1 },
  ]],
  [sessionCookieHttpOnly, [
    { name: 'HttpOnly', ctx: ctx('login', 204, { status: 204, headers: { 'set-cookie': [SESSION] } }), violations: 0 },
    { name: 'no HttpOnly', ctx: ctx('login', 204, { status: 204, headers: { 'set-cookie': ['r_session=abcdef0123; Path=/; SameSite=Lax'] } }), violations: 1 },
    { name: 'an OAuth state cookie without HttpOnly', ctx: ctx('login', 204, { status: 204, headers: { 'set-cookie': [SESSION, 'oauth_state=xyz; Path=/; SameSite=Lax'] } }), violations: 1 },
    { name: 'a CSRF cookie without HttpOnly (script reads it) and an unrelated cookie', ctx: ctx('login', 204, { status: 204, headers: { 'set-cookie': [SESSION, 'XSRF-TOKEN=xyz; Path=/; SameSite=Strict', 'lang=en; Path=/'] } }), violations: 0 },
  ]],
  [sessionCookieSameSite, [
    { name: 'SameSite', ctx: ctx('login', 204, { status: 204, headers: { 'set-cookie': [SESSION] } }), violations: 0 },
    { name: 'no SameSite', ctx: ctx('login', 204, { status: 204, headers: { 'set-cookie': ['r_session=abcdef0123; Path=/; HttpOnly'] } }), violations: 1 },
  ]],
  [sessionCookieSecure, [
    { name: 'Secure over https', ctx: ctx('login', 204, { status: 204, headers: { 'set-cookie': [`${SESSION}; Secure`] } }, 'https://q.example/api/v3/login'), violations: 0 },
    { name: 'not Secure over https', ctx: ctx('login', 204, { status: 204, headers: { 'set-cookie': [SESSION] } }, 'https://q.example/api/v3/login'), violations: 1 },
  ]],
  [noStoreOnSecrets, [
    { name: 'a session cookie with no-store', ctx: ctx('login', 204, { status: 204, headers: { 'set-cookie': [SESSION], 'cache-control': 'private, no-store' } }), violations: 0 },
    { name: 'a session cookie that may be cached', ctx: ctx('login', 204, { status: 204, headers: { 'set-cookie': [SESSION] } }), violations: 1 },
  ]],
];

for (const [check, rows] of TABLE) {
  test.describe(check.name, () => {
    for (const row of rows) {
      test(`${row.violations ? 'fails' : 'passes'} on ${row.name}`, () => {
        expect(check.applies(row.ctx), 'the row is one the check judges').toBe(true);
        expect(check.run(row.ctx).map((v) => v.message)).toHaveLength(row.violations);
      });
    }
  });
}

test('every registered check has a row that passes and a row that fails', () => {
  for (const check of CHECKS) {
    const rows = TABLE.find(([c]) => c === check)?.[1] ?? [];
    expect(rows.some((r) => r.violations === 0), `${check.name} has a passing row`).toBe(true);
    expect(rows.some((r) => r.violations > 0), `${check.name} has a failing row`).toBe(true);
  }
});

test('a missing Content-Type has one owner: the contract where it documents the content, else RFC 9110 §8.3', () => {
  const documented = ctx('getMySessions', 200, { status: 200, ...ok('[]') });
  expect([contentTypeConforms, contentTypeOnContent].filter((k) => k.applies(documented)).map((k) => k.name)).toEqual(['content_type_conforms']);
});

test('checks that do not apply stay silent: a 200 is not judged by the 401, 204 or redirect checks', () => {
  const c = ctx('getMySessions', 200, { status: 200, headers: JSON_CT, ...ok('[]') });
  expect([challengeOn401, noContentOn204, locationOnRedirect, sessionCookieHttpOnly, noStoreOnSecrets].filter((k) => k.applies(c)).map((k) => k.name)).toEqual([]);
});

/** evaluate(): a requirement is decided only by the exchanges it is about, and each violation has one owner. */
test.describe('evaluate', () => {
  const outcomes = (c: CheckContext, options = {}) => evaluate(c.exchange, contract, options).map((o) => `${o.requirement}: ${o.unjudged ? 'unjudged' : o.violations.length ? o.violations.map((v) => v.check).join('+') : 'pass'}`);

  test('a 200 answering a 401 scenario fails the 401 requirement on its status, and nothing passes on it', () => {
    const c = ctx('login', 401, { status: 200, headers: JSON_CT, ...ok('{}') });
    expect(outcomes(c)).toEqual(['traq:login#401: status_as_expected']);
  });

  test('a 200 answering a scenario that proves a behaviour fails the behaviour, and the 401 requirement is not judged', () => {
    const c = ctx('getMySessions', 401, { status: 200, headers: JSON_CT, ...ok('[]') });
    expect(outcomes(c, { because: 'traq:logout.ends-session' })).toEqual(['traq:logout.ends-session: status_as_expected']);
  });

  test('a 401 without a challenge is one violation, of RFC9110-15.5.2 only', () => {
    const c = ctx('login', 401, { status: 401 });
    const found = evaluate(c.exchange, contract).flatMap((o) => o.violations.map((v) => `${o.requirement} ${v.check}`));
    // (The contract's 401 documents a body too; that is another defect with its own owner.)
    expect(found.filter((f) => /challenge|documented_headers/.test(f))).toEqual(['RFC9110-15.5.2 challenge_on_401']);
  });

  test('a status outside a documented set is judged by the behaviour; one inside it, undocumented, only by generic checks', () => {
    const refused = ctx('logout', [400, 403, 422], { status: 422, headers: { 'content-type': 'text/plain' }, ...ok('no') });
    expect(outcomes(refused, { because: 'traq:logout.ends-session' })).toEqual(['traq:logout.ends-session: pass', 'RFC9110-8.3: pass']);
    const wrong = ctx('logout', '4XX', { status: 204 });
    expect(outcomes(wrong, { because: 'traq:logout.ends-session' })).toEqual(['traq:logout.ends-session: status_as_expected']);
  });

  test('`only` judges its requirement whatever the status, and a 5xx or no answer judges nothing', () => {
    const url = 'http://127.0.0.1:1/api/v3/login?redirect=https%3A%2F%2Fevil.invalid%2Fx';
    expect(outcomes(ctx('login', 302, { status: 400 }, url), { only: ['ASVS-5.1.5'] })).toEqual(['ASVS-5.1.5: pass']);
    expect(outcomes(ctx('login', 302, { status: 500 }, url), { only: ['ASVS-5.1.5'] })).toEqual(['ASVS-5.1.5: unjudged']);
    expect(outcomes(ctx('login', 302, undefined, url, 'connection reset'), { only: ['ASVS-5.1.5'] })).toEqual(['ASVS-5.1.5: unjudged']);
  });

  test('a finding across exchanges that never got a real answer is no pass', () => {
    const a = ctx('login', 401, { status: 500 }).exchange;
    const b = ctx('login', 401, { status: 500 }).exchange;
    expect(finding('WSTG-IDNT-04', [a, b], []).unjudged).toMatch(/answered 500/);
    expect(finding('WSTG-IDNT-04', [a, b], [{ check: 'x', message: 'differs' }]).unjudged).toBeUndefined();
  });
});

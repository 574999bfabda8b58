import { expect, test } from '@playwright/test';
import { Redactor } from '../engine/http/redact.ts';

/** The redactor on recorded evidence: each way a secret used to slip through, and text it must leave alone. */
const PW = 'Qu "ote\\d 50%#frag wörd';
const SHORT = 'Q7#k!';
const r = () => new Redactor([PW, SHORT, 'admin']);

const leaks: [string, (x: Redactor) => string][] = [
  ['a password with " and \\ echoed in a JSON body', (x) => x.body(JSON.stringify({ message: `bad password ${PW}` }))],
  ['the same body escaped to ASCII (\\u00f6)', (x) => x.body(JSON.stringify({ message: PW }).replace('ö', '\\u00f6'))],
  ['a query value re-encoded as a form (+ for a space)', (x) => x.url(`https://q.example/x?next=${new URLSearchParams({ a: PW }).toString().slice(2)}&redirect=%2F`)],
  ['percent-encoded in a path', (x) => x.url(`https://q.example/u/${encodeURIComponent(PW)}`)],
  ['base64 inside a longer value', (x) => x.text(`basic=${Buffer.from(`someone:${PW}`).toString('base64')}`)],
  ['a 5-character secret in a header echo', (x) => x.text(`you sent Bearer ${SHORT}, twice: %20${encodeURIComponent(SHORT)}%22`)],
  ['a cookie named after the secret, and an unknown attribute carrying it', (x) => JSON.stringify(x.headers({ 'set-cookie': [`${encodeURIComponent(PW)}=1; Path=/; X-Note=${SHORT}`] }))],
  ['a schema error\'s received value', (x) => JSON.stringify(x.violation({ check: 'schema', message: 'body', schemaErrors: [{ path: '/hint', expected: 'must be integer', received: JSON.stringify(`hint: ${PW}`) }, { path: '/password', expected: 'x', received: '"abc"' }] }))],
  ['a shortened received value that ends inside the secret', (x) => x.violation({ check: 'c', message: 'm', received: `${'x '.repeat(30)}${PW.slice(0, 12)}...` }).received!],
];

for (const [what, redact] of leaks) {
  test(`hidden: ${what}`, () => {
    const out = redact(r());
    expect(out).toContain('[redacted]');
    for (const form of [PW, JSON.stringify(PW).slice(1, -1), encodeURIComponent(PW), SHORT, encodeURIComponent(SHORT), PW.slice(0, 12)]) expect(out).not.toContain(form);
  });
}

test('hidden by position, whatever the length: URL userinfo and fragments, secret query parameters and fields', () => {
  const x = new Redactor();
  expect(x.url('https://u:p@q.example/login?token=t&page=2#key=k')).toBe('https://[redacted]:[redacted]@q.example/login?token=[redacted]&page=2#[redacted]');
  expect(x.text('open https://portal.example/login#key=abc now')).toBe('open https://portal.example/login#[redacted] now');
  expect(x.body('{"pwd":"a","sessionToken":"b","n":1}')).toBe('{\n  "pwd": "[redacted]",\n  "sessionToken": "[redacted]",\n  "n": 1\n}');
  expect(x.body('name=u&password=p%20q')).toBe('name=u&password=[redacted]');
});

test('a link the server hands out (a portal login with #key=…) is learned and hidden wherever it appears later', () => {
  const x = new Redactor();
  x.learnFrom({ status: 200, headers: {}, text: JSON.stringify({ url: 'https://app.example/login#key=eyJhbGciOiJIUzI1NiJ9.e30.sig' }), bytes: 0 });
  expect(x.text('copied: eyJhbGciOiJIUzI1NiJ9.e30.sig')).toBe('copied: [redacted]');
});

test('short secrets do not wreck unrelated text: only where they stand alone', () => {
  expect(r().text('administrator of admin-panel: admin')).toBe('administrator of [redacted]-panel: [redacted]');
  expect(r().text('the traq:login#401 requirement, 401 Unauthorized')).toBe('the traq:login#401 requirement, 401 Unauthorized');
});

test('a URL without secrets is kept exactly as sent', () => {
  expect(r().url('https://q.example/a%2Cb?x=1,2&y=%7E')).toBe('https://q.example/a%2Cb?x=1,2&y=%7E');
});

test('secrets are taken from credential variables, not from the tool\'s own switches that happen to end in PASSWORD', async () => {
  const { secretValues } = await import('../engine/config/settings.ts');
  const found = secretValues({ TRAQ_PASSWORD: 'hunter2-long', CONFORMANCE_SKIP_WRONG_PASSWORD: '1', SOME_API_TOKEN: 'tok-123456' });
  expect(found).toContain('hunter2-long');
  expect(found).toContain('tok-123456');
  expect(found).not.toContain('1');
});

test('among thousands of learned secrets, each is found wherever it stands: first, last, alone, beside one that starts alike', () => {
  const x = new Redactor(['ab', 'xyz']);
  const learned = Array.from({ length: 2000 }, (_, i) => `tok${i}-${'k'.repeat(i % 9)}end`);
  for (const t of learned) x.addSecret(t);
  // tok1-kend starts like tok10-kend…: the longer one is hidden whole, then the shorter.
  expect(x.text('tok1-kend tok10-kend')).toBe('[redacted] [redacted]');
  expect(x.text(`${learned[1999]}`)).toBe('[redacted]');
  expect(x.text(`at the end: ${learned[7]}`)).toBe('at the end: [redacted]');
  // Configured secrets shorter than the index's prefix are still found, where they stand alone.
  expect(x.text('ab, xyz; abc')).toBe('[redacted], [redacted]; abc');
  expect(x.text('ends in xyz')).toBe('ends in [redacted]');
  expect(x.text('to')).toBe('to');
});

import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadContract } from '../../engine/contract/load.ts';
import type { ExpectedStatus } from '../../engine/http/exchange.ts';
import { liveTarget } from '../../engine/targets/live.ts';

/**
 * A 429 is the server asking the run to slow down, not its answer to the request. Only a test that
 * names 429 takes it as the answer; one that expects "any 4XX" (a refusal) must never be passed by a
 * rate limit, so the request is sent again after Retry-After.
 */
const op = loadContract('traq', 'contracts/traq.yaml').operations['unlinkExternalAccount']!;
let server: Server;
let base = '';
let hits = 0;
let retryAfter: string | undefined = '1';
/** Throttles every request, not only every first one. */
let always = false;

test.beforeAll(async () => {
  // Every first request is throttled; the one after it is refused for real.
  server = createServer((_req, res) => {
    hits++;
    if (always || hits % 2 === 1) res.writeHead(429, retryAfter === undefined ? {} : { 'Retry-After': retryAfter }).end();
    else res.writeHead(403, { 'Content-Type': 'application/json' }).end('{"message":"forbidden"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

const cases: { expected: ExpectedStatus; header?: string; status: number; sends: number }[] = [
  { expected: '4XX', header: '1', status: 403, sends: 2 },
  { expected: [400, 403, 404], header: '1', status: 403, sends: 2 },
  // Retry-After is optional (RFC 6585 §4): without one, or with one that is not a delay, the run waits a second.
  { expected: '4XX', status: 403, sends: 2 },
  { expected: '4XX', header: 'soon', status: 403, sends: 2 },
  { expected: 429, header: '1', status: 429, sends: 1 },
  { expected: [403, 429], header: '1', status: 429, sends: 1 },
  { expected: 429, status: 429, sends: 1 },
];
for (const { expected, header, status, sends } of cases) test(`expecting ${JSON.stringify(expected)}, a 429 with ${header === undefined ? 'no Retry-After' : `Retry-After: ${header}`} ${sends === 1 ? 'is the answer' : 'is waited out and the request sent again'}`, async () => {
  hits = 0;
  retryAfter = header;
  const target = liveTarget(base, { timeoutMs: 5000, maxRps: 1000, maxRetryAfterS: 5, runDir: mkdtempSync(join(tmpdir(), 'live-429-')) });
  const sent = await target.send({ method: 'POST', url: `${base}/users/me/ex-accounts/unlink`, headers: {} }, op, expected);
  expect(sent.response?.status).toBe(status);
  expect(hits).toBe(sends);
});

test('a 429 again after the run\'s own wait: the target counts as rate-limiting the run, which says so', async () => {
  hits = 0;
  retryAfter = undefined;
  always = true;
  try {
    const target = liveTarget(base, { timeoutMs: 5000, maxRps: 1000, maxRetryAfterS: 5, runDir: mkdtempSync(join(tmpdir(), 'live-429-')) });
    const sent = await target.send({ method: 'POST', url: `${base}/users/me/ex-accounts/unlink`, headers: {} }, op, '4XX');
    expect(sent.response?.status).toBe(429);
    expect(hits).toBe(2);
    expect(target.down()).toBe('the target is rate-limiting the run (429, again after waiting 1 s, without a Retry-After)');
  } finally {
    always = false;
  }
});

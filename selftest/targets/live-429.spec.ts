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

test.beforeAll(async () => {
  // Every first request is throttled; the one after it is refused for real.
  server = createServer((_req, res) => {
    hits++;
    if (hits % 2 === 1) res.writeHead(429, { 'Retry-After': '1' }).end();
    else res.writeHead(403, { 'Content-Type': 'application/json' }).end('{"message":"forbidden"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

const cases: { expected: ExpectedStatus; status: number; sends: number }[] = [
  { expected: '4XX', status: 403, sends: 2 },
  { expected: [400, 403, 404], status: 403, sends: 2 },
  { expected: 429, status: 429, sends: 1 },
  { expected: [403, 429], status: 429, sends: 1 },
];
for (const { expected, status, sends } of cases) test(`expecting ${JSON.stringify(expected)}, a 429 ${sends === 1 ? 'is the answer' : 'is waited out and the request sent again'}`, async () => {
  hits = 0;
  const target = liveTarget(base, { timeoutMs: 5000, maxRps: 1000, maxRetryAfterS: 5, runDir: mkdtempSync(join(tmpdir(), 'live-429-')) });
  const sent = await target.send({ method: 'POST', url: `${base}/users/me/ex-accounts/unlink`, headers: {} }, op, expected);
  expect(sent.response?.status).toBe(status);
  expect(hits).toBe(sends);
});

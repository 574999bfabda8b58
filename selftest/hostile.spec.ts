import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { REFERENCES } from '../reference/index.ts';
import { traqReference } from '../reference/traq/index.ts';
import type { ConformanceReport } from '../engine/reporter/model.ts';
import { runConformance } from './support/cli.ts';
import { startHostile, type Behaviour, type HostileServer } from './support/hostile.ts';

const test = base.extend<{}, { hostile: HostileServer }>({
  hostile: [async ({}, use) => {
    const h = await startHostile();
    await use(h);
    await h.close();
  }, { scope: 'worker' }],
});

/** Every API of the build pointed at one hostile behaviour, with the reference servers' credentials. */
function allApis(h: HostileServer, b: Behaviour, arg?: string): Record<string, string> {
  const env: Record<string, string> = Object.assign({}, ...REFERENCES.map((r) => r.env));
  const base = h.baseUrl(b, arg).replace(/\/api\/v3$/, '');
  return { ...env, CONFORMANCE_TARGET: 'live', TRAQ_BASE_URL: `${base}/api/v3`, NEXTAUTH_BASE_URL: base, SVIX_BASE_URL: base, SEMAPHORE_BASE_URL: `${base}/api` };
}

const oneLine = (s: string) => s.trim().split('\n').filter(Boolean);
const skippedFor = (r: ConformanceReport, why: RegExp) => r.results.filter((x) => x.verdict === 'skip' && why.test(x.reason ?? ''));

/**
 * Against a server that breaks HTTP, the run still ends on its own, in bounded time, with failing
 * verdicts that say what went wrong (never a hang, a crash or a stack trace). The bounds below guard
 * against hangs, they are not performance assertions (`npm run bench` measures the worst cases).
 */
test.describe.configure({ timeout: 360_000 });
for (const behaviour of ['reset', 'not-json', 'huge', 'redirect-loop', 'endless'] as const) {
  test(`a server that answers "${behaviour}": failing verdicts, no hang, no crash`, async ({ hostile }) => {
    const run = await runConformance({
      ...traqReference.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'traq', CONFORMANCE_TIMEOUT_MS: '1500',
      TRAQ_BASE_URL: hostile.baseUrl(behaviour),
    });
    expect(run.stderr, 'nothing on stderr: no stack trace, no crash').toBe('');
    expect(run.code, run.stdout.slice(-2000)).toBe(1);
    const r = run.report!;
    expect(r.summary.mustFailures).toBeGreaterThan(0);
    expect(run.stdout).not.toMatch(/worker process exited unexpectedly|Error: .*\n\s+at /);
    expect(run.ms, 'bounded').toBeLessThan(300_000);
    // Every failure explains itself: a violation, or a reason; never an error of the tool's own.
    for (const res of r.results.filter((x) => x.verdict === 'fail')) {
      expect(res.evidence.some((e) => e.violations.length > 0) || !!res.reason, `${res.requirement} explains its failure`).toBe(true);
      expect(res.reason ?? '', `${res.requirement}: no internal error`).not.toMatch(/TypeError|ReferenceError|Cannot read|is not a function|undefined/);
    }
  });
}

test.describe('a target that cannot be judged is not blamed: exit 2, one line, and the rest skipped with the reason', () => {
  // Whatever sits at the base URL does not speak HTTP: the probe before any test says so.
  for (const behaviour of ['bad-header', 'bad-status'] as const) {
    test(`a server that answers "${behaviour}" (not valid HTTP): found before any test`, async ({ hostile }) => {
      const run = await runConformance({ ...traqReference.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'traq', CONFORMANCE_TIMEOUT_MS: '1500', TRAQ_BASE_URL: hostile.baseUrl(behaviour) });
      expect(run.code, run.stdout.slice(-1500)).toBe(2);
      expect(oneLine(run.stderr)).toEqual([expect.stringMatching(/^auth-conformance: cannot reach traq at .*\(the response is not valid HTTP \(HPE_[A-Z_]+\)\)/)]);
      expect(run.report, 'no test ran').toBeUndefined();
    });
  }

  test('a server that accepts connections and never answers, every API: found before any test, in one timeout', async ({ hostile }) => {
    const run = await runConformance({ ...allApis(hostile, 'silent'), CONFORMANCE_TIMEOUT_MS: '1000' });
    expect(run.code, run.stdout.slice(-1500)).toBe(2);
    // One line for the run, naming each API with its base URL (the probes run side by side).
    const lines = oneLine(run.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^auth-conformance: cannot reach /);
    for (const api of REFERENCES.map((r) => r.api)) expect(lines[0]).toMatch(new RegExp(`\\b${api} at http://127\\.0\\.0\\.1:\\d+/silent\\S* \\(it accepts connections but sent no HTTP answer within 1000 ms\\)`));
    expect(run.report, 'no test ran').toBeUndefined();
  });

  test('a server that trickles its bodies: the deadline ends each request, then it counts as stopped answering', async ({ hostile }) => {
    const run = await runConformance({ ...traqReference.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'traq', CONFORMANCE_TIMEOUT_MS: '1000', TRAQ_BASE_URL: hostile.baseUrl('trickle') });
    expect(run.code, run.stdout.slice(-1500)).toBe(2);
    expect(oneLine(run.stderr)).toEqual([expect.stringMatching(/^auth-conformance: traq at http:\/\/127\.0\.0\.1:\d+: the target stopped answering \(3 requests in a row: no complete response within 1000 ms\); no verdict/)]);
  });

  test('a server that dies mid-run: the down state survives worker restarts, three failures at most, the rest skipped', async () => {
    // A server of its own: this behaviour closes the listener.
    const dying = await startHostile();
    try {
      const run = await runConformance({ ...traqReference.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'traq', CONFORMANCE_TIMEOUT_MS: '1000', TRAQ_BASE_URL: dying.baseUrl('dies') });
      expect(run.code, run.stdout.slice(-1500)).toBe(2);
      expect(oneLine(run.stderr)).toEqual([expect.stringMatching(/^auth-conformance: traq at http:\/\/127\.0\.0\.1:\d+: the target stopped answering \(3 requests in a row: connection refused\); no verdict/)]);
      const r = run.report!;
      // Before, each new worker (one per failed test) counted from zero again, and every test failed.
      const failedTests = new Set(r.results.filter((x) => x.verdict === 'fail').map((x) => x.test.title));
      expect(failedTests.size).toBeLessThanOrEqual(3);
      expect(skippedFor(r, /not run: the target stopped answering/).length).toBeGreaterThan(r.results.length / 2);
    } finally {
      await dying.close();
    }
  });

  test('a server that answers 429 with a Retry-After over the cap, every API: rate-limited at the first 429, the rest skipped', async ({ hostile }) => {
    const run = await runConformance({ ...allApis(hostile, 'throttle', '30'), CONFORMANCE_MAX_RETRY_AFTER: '1' });
    expect(run.code, run.stdout.slice(-1500)).toBe(2);
    expect(oneLine(run.stderr)).toEqual([expect.stringMatching(/^auth-conformance: nextauth, semaphore, svix, traq at http:\/\/127\.0\.0\.1:\d+: the target is rate-limiting the run \(429, Retry-After: 30, over the 1 s the run waits \(CONFORMANCE_MAX_RETRY_AFTER\)\); no verdict/)]);
    const r = run.report!;
    expect(r.results.filter((x) => x.verdict === 'fail'), 'a throttled run blames nothing on the server').toEqual([]);
    expect(r.results.filter((x) => x.verdict !== 'skip')).toEqual([]);
    // The rest are skips for want of a variable or of CONFORMANCE_ALLOW_DESTRUCTIVE, decided before any request.
    expect(skippedFor(r, /not run: the target is rate-limiting the run/).length).toBeGreaterThan(r.results.length * 0.9);
  });

  test('a server that answers 429 again after the wait it asked for: waited once, then rate-limited', async ({ hostile }) => {
    const run = await runConformance({ ...allApis(hostile, 'throttle', '1'), CONFORMANCE_APIS: 'traq,svix' });
    expect(run.code, run.stdout.slice(-1500)).toBe(2);
    expect(oneLine(run.stderr)).toEqual([expect.stringMatching(/^auth-conformance: traq, svix at http:\/\/127\.0\.0\.1:\d+: the target is rate-limiting the run \(429, again after waiting as it asked\); no verdict/)]);
  });

  test('a base URL whose path is wrong (404 to everything): exit 2 saying so, not "does not conform"', async ({ hostile }) => {
    const run = await runConformance({ ...traqReference.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'traq', TRAQ_BASE_URL: hostile.baseUrl('not-here') });
    expect(run.code, run.stdout.slice(-1500)).toBe(2);
    expect(oneLine(run.stderr)).toEqual([expect.stringMatching(/^auth-conformance: traq at http:\/\/127\.0\.0\.1:\d+\/not-here\/api\/v3: every request was answered 404 \(4 operations\): the base URL path looks wrong; no verdict/)]);
    expect(run.stdout).not.toMatch(/does not conform/);
  });
});

test.describe('large bodies', () => {
  // One API here, to keep the self-tests quick; `npm run bench` measures every API (its worst cases).
  test('0.9 MB of JSON in every answer: reports stay small, bodies in evidence are cut and marked', async ({ hostile }) => {
    const run = await runConformance({ ...allApis(hostile, 'big-json'), CONFORMANCE_APIS: 'traq', CONFORMANCE_TIMEOUT_MS: '3000' });
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout.slice(-1500)).toBe(1);
    for (const f of ['conformance.json', 'conformance.html', 'junit.xml']) {
      expect(statSync(join(run.reportDir, f)).size, `${f} in bytes`).toBeLessThan(5 * 2 ** 20);
    }
    const exchanges = run.report!.results.flatMap((r) => r.evidence.flatMap((e) => e.exchanges));
    const cut = exchanges.filter((x) => x.response?.truncated);
    expect(cut.length).toBeGreaterThan(0);
    for (const x of cut) {
      expect(x.response!.text.length).toBeLessThanOrEqual(2048);
      expect(x.response!.bytes).toBeGreaterThan(900_000);
    }
    expect(readFileSync(join(run.reportDir, 'conformance.html'), 'utf8')).toContain('(cut here: ');
  });

  test('16 MB of JSON: not read past the cap, judged as an error, the reporter does not crash', async ({ hostile }) => {
    const run = await runConformance({ ...traqReference.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'traq', TRAQ_BASE_URL: hostile.baseUrl('big-json', '16') });
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout.slice(-1500)).toBe(1);
    const errors = run.report!.results.flatMap((r) => r.evidence.flatMap((e) => e.exchanges)).map((x) => x.error);
    expect(errors).toContain('the body was too long (more than 1 MiB) and was not read further');
  });
});

test('a server that answers 500 to everything: no requirement passes that needs a real answer to judge', async ({ hostile }) => {
  const run = await runConformance({ ...traqReference.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'traq', TRAQ_BASE_URL: hostile.baseUrl('server-error') });
  const r = run.report!;
  expect(r, run.stderr || run.stdout.slice(-1500)).toBeDefined();
  // Before, two logins that both failed "got different sessions", a 500 "did not follow" a foreign
  // redirect and two 500s "did not tell users apart": passes without evidence.
  for (const id of ['ASVS-3.2.1', 'ASVS-5.1.5', 'WSTG-IDNT-04']) {
    const results = r.results.filter((x) => x.requirement === id);
    expect(results.length, id).toBeGreaterThan(0);
    expect(results.filter((x) => x.verdict === 'pass').map((x) => x.test.title), `${id} passes on nothing`).toEqual([]);
  }
});

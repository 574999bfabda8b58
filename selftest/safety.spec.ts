import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { splitSetCookie } from '../engine/checks/cookies.ts';
import { traqReference } from '../reference/traq/index.ts';
import type { ReferenceHost } from '../reference/kit/host.ts';
import type { ConformanceReport } from '../engine/reporter/model.ts';
import { ROOT, runConformance } from './support/cli.ts';
import { expect, test } from './support/reference.ts';

/**
 * A live run is safe against staging: it ends nothing it did not create unless told to, it removes
 * what it created even when tests fail or the run is interrupted, it waits when the server says 429,
 * and it keeps under the configured request rate. Each test gets a server instance of its own.
 */
const env = (base: string, extra: Record<string, string> = {}) => ({ ...traqReference.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'traq', TRAQ_BASE_URL: base, ...extra });

/** A session of a configured user that the run knows nothing about: someone's browser on staging. */
async function foreignSession(base: string, who: 'first' | 'second' = 'first'): Promise<string> {
  const { TRAQ_USERNAME, TRAQ_PASSWORD, TRAQ_SECOND_USERNAME, TRAQ_SECOND_PASSWORD } = traqReference.env;
  const [name, password] = who === 'first' ? [TRAQ_USERNAME, TRAQ_PASSWORD] : [TRAQ_SECOND_USERNAME, TRAQ_SECOND_PASSWORD];
  const res = await fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) });
  const { name: cookie, value } = splitSetCookie(res.headers.getSetCookie()[0]!);
  return `${cookie}=${value}`;
}

async function sessionsSeenBy(base: string, cookie: string): Promise<{ status: number; count: number }> {
  const res = await fetch(`${base}/users/me/sessions`, { headers: { cookie } });
  return { status: res.status, count: res.status === 200 ? ((await res.json()) as unknown[]).length : 0 };
}

const linkedProviders = async (base: string, cookie: string) => ((await (await fetch(`${base}/users/me/ex-accounts`, { headers: { cookie } })).json()) as { providerName: string }[]).map((a) => a.providerName).sort();

test('a default live run ends no session it did not create, unlinks nothing, and leaves none of its own behind', async ({ host }) => {
  const base = host.baseUrl('traq', 'ok', 'safety-default');
  // Both identities have a session elsewhere: the run may end its own sessions of either, no other.
  const foreign = await foreignSession(base);
  const foreignOfSecond = await foreignSession(base, 'second');
  const run = await runConformance(env(base));
  expect(run.code, run.stdout.slice(-1500)).toBe(0);
  // Each all=true logout saw a session it had not created and stepped back; so did the unlink.
  const skipped = run.report!.results.filter((r) => r.verdict === 'skip').map((r) => `${r.requirement}: ${r.reason}`);
  expect(skipped.join('\n')).toContain('traq:logout.all-ends-others: the account has 1 session(s) this run did not create, and all=true would end them; it runs only with CONFORMANCE_ALLOW_DESTRUCTIVE=1');
  expect(skipped.join('\n')).toContain('traq:logout.all-only-own: B (TRAQ_SECOND_USERNAME) has 1 session(s) this run did not create, and all=true would end them; it runs only with CONFORMANCE_ALLOW_DESTRUCTIVE=1');
  expect(skipped.join('\n')).toContain('traq:unlinkExternalAccount#204: unlinking removes an account link this run did not create and cannot restore');
  expect(await sessionsSeenBy(base, foreign)).toEqual({ status: 200, count: 1 });
  expect(await sessionsSeenBy(base, foreignOfSecond)).toEqual({ status: 200, count: 1 });
  expect(await linkedProviders(base, foreign)).toEqual(['gitea', 'google']);
  expect(destructiveCalls(host, 'safety-default')).toEqual([]);
});

test('when tests fail, everything the run created is still removed', async ({ host }) => {
  const base = host.baseUrl('traq', 'sessions-issued-at-unix+revoke-unknown-404', 'safety-failing');
  const foreign = await foreignSession(base);
  const run = await runConformance(env(base));
  expect(run.code).toBe(1);
  expect(await sessionsSeenBy(base, foreign)).toEqual({ status: 200, count: 1 });
});

// SIGINT is Ctrl-C; SIGTERM is what a cancelled CI job or `docker stop` sends.
for (const signal of ['SIGINT', 'SIGTERM'] as const) test(`an interrupted run (${signal}) still removes what it created, and says it was interrupted`, async ({ host }) => {
  // An instance per repetition, so that `--repeat-each` measures the race rather than leftovers.
  const instance = `safety-${signal.toLowerCase()}-${test.info().repeatEachIndex}`;
  const base = host.baseUrl('traq', 'ok', instance);
  const foreign = await foreignSession(base);
  const reportDir = mkdtempSync(join(tmpdir(), 'interrupt-'));
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'engine/cli/conformance.ts')], {
    cwd: ROOT, stdio: 'ignore',
    // A slow pace keeps the run going long enough to be interrupted in the middle.
    env: { ...process.env, ...env(base, { CONFORMANCE_MAX_RPS: '4', CONFORMANCE_REPORT_DIR: reportDir }) },
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  await expect.poll(() => host.recordings().filter((r) => r.instance.endsWith(`~${instance}`)).length, { timeout: 60_000 }).toBeGreaterThan(12);
  child.kill(signal);
  expect(await exited).toBe(130);
  expect(await sessionsSeenBy(base, foreign)).toEqual({ status: 200, count: 1 });
  // Stopped is not failed: nothing the run did not finish is held against the server.
  const report = JSON.parse(readFileSync(join(reportDir, 'conformance.json'), 'utf8')) as ConformanceReport;
  expect(report.run.interrupted).toBe(true);
  expect(report.results.filter((r) => r.verdict === 'fail')).toEqual([]);
  // Tests it never started are skipped with that reason: "never exercised" means a gap in the suite.
  expect(report.coverage.filter((c) => c.state === 'not-exercised').map((c) => c.requirement)).toEqual([]);
  expect(report.results.some((r) => r.verdict === 'skip' && /interrupted before this test started/.test(r.reason ?? ''))).toBe(true);
});

test('on 429 the run waits as Retry-After says and sends the request again; the verdicts are unaffected', async ({ host }) => {
  const base = host.baseUrl('traq', 'ok', 'throttle');
  const run = await runConformance(env(base, { CONFORMANCE_ALLOW_DESTRUCTIVE: '1' }));
  expect(run.code, run.stdout.slice(-1500)).toBe(0);
  expect(run.report!.summary.mustFailures).toBe(0);
  const seen = host.recordings().filter((r) => r.instance.endsWith('~throttle'));
  const throttled = seen.map((r, i) => ({ r, next: seen[i + 1] })).filter(({ r }) => r.status === 429);
  expect(throttled.length).toBeGreaterThan(5);
  for (const { r, next } of throttled) {
    expect(next, 'the same request follows').toMatchObject({ method: r.method, path: r.path });
    expect(next!.at - r.at, 'after waiting Retry-After: 1').toBeGreaterThanOrEqual(950);
  }
});

test('the run keeps under CONFORMANCE_MAX_RPS', async ({ host }) => {
  const base = host.baseUrl('traq', 'ok', 'paced');
  const run = await runConformance(env(base, { CONFORMANCE_MAX_RPS: '8', CONFORMANCE_GREP: '' }), ['--grep', 'login']);
  expect(run.report).toBeDefined();
  const times = host.recordings().filter((r) => r.instance.endsWith('~paced')).map((r) => r.at);
  expect(times.length).toBeGreaterThan(10);
  // In any one-second window, at most 8 requests (one more for clock granularity at the edges).
  const most = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
  expect(most).toBeLessThanOrEqual(9);
});

/** Requests that end sessions other than the caller's, or remove data: logout?all=true and unlink. */
function destructiveCalls(host: ReferenceHost, instance: string): string[] {
  return host.recordings().filter((r) => r.instance.endsWith(`~${instance}`))
    .filter((r) => (r.path.startsWith('/api/v3/logout') && r.path.includes('all=true')) || r.path.startsWith('/api/v3/users/me/ex-accounts/unlink') && r.status === 204)
    .map((r) => `${r.method} ${r.path}`);
}

import { semaphoreReference } from '../reference/semaphore/index.ts';
import { traqReference } from '../reference/traq/index.ts';
import { runConformance } from './support/cli.ts';
import { startProxy, type Passed } from './support/proxy.ts';
import { expect, test } from './support/reference.ts';

/**
 * A live run's logins with a wrong password for the configured accounts, counted on the wire: as
 * many as the README says (traQ 2, Semaphore 2), and none with CONFORMANCE_SKIP_WRONG_PASSWORD=1,
 * whose skips name the variable.
 */
function wrongPasswordLogins(passed: readonly Passed[]): Record<string, number> {
  const counts: Record<string, number> = { traq: 0, semaphore: 0 };
  for (const p of passed) {
    if (p.method !== 'POST') continue;
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(p.body) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (/^\/traq\/.*\/api\/v3\/login(\?|$)/.test(p.path) && body.name === traqReference.env.TRAQ_USERNAME && typeof body.password === 'string' && body.password !== traqReference.env.TRAQ_PASSWORD) counts.traq! += 1;
    if (/^\/semaphore\/.*\/auth\/login(\?|$)/.test(p.path) && body.auth === semaphoreReference.env.SEMAPHORE_USERNAME && typeof body.password === 'string' && body.password !== semaphoreReference.env.SEMAPHORE_PASSWORD) counts.semaphore! += 1;
  }
  return counts;
}

for (const skip of [false, true]) {
  test(skip ? 'CONFORMANCE_SKIP_WRONG_PASSWORD=1: no wrong password reaches a configured account, and the skips say why' : 'a live run sends the documented number of wrong passwords: traQ 2, Semaphore 2', async ({ host }) => {
    const proxy = await startProxy(host.origin);
    try {
      const via = (url: string) => url.replace(host.origin, proxy.origin);
      const instance = skip ? 'skip-wrong' : 'wrong';
      const run = await runConformance({
        ...traqReference.env, ...semaphoreReference.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'traq,semaphore',
        TRAQ_BASE_URL: via(host.baseUrl('traq', 'ok', instance)), SEMAPHORE_BASE_URL: via(host.baseUrl('semaphore', 'ok', instance)),
        ...(skip ? { CONFORMANCE_SKIP_WRONG_PASSWORD: '1' } : {}),
      });
      expect(run.code, run.stdout.slice(-1000) + run.stderr).toBe(0);
      expect(wrongPasswordLogins(proxy.passed)).toEqual(skip ? { traq: 0, semaphore: 0 } : { traq: 2, semaphore: 2 });
      const skipped = run.report!.results.filter((r) => r.verdict === 'skip' && r.reason?.includes('CONFORMANCE_SKIP_WRONG_PASSWORD=1'));
      expect(new Set(skipped.map((r) => `${r.api}: ${r.test.title}`)).size).toBe(skip ? 4 : 0);
      if (skip) expect(skipped[0]!.reason).toMatch(/^sends a wrong password for (TRAQ|SEMAPHORE)_USERNAME, which counts towards its lockout; skipped because CONFORMANCE_SKIP_WRONG_PASSWORD=1$/);
    } finally {
      await proxy.close();
    }
  });
}

import { test as base, expect } from '@playwright/test';
import { traqReference } from '../reference/traq/index.ts';
import { runConformance } from './support/cli.ts';
import { BEHAVIOURS, startHostile, type HostileServer } from './support/hostile.ts';

const test = base.extend<{}, { hostile: HostileServer }>({
  hostile: [async ({}, use) => {
    const h = await startHostile();
    await use(h);
    await h.close();
  }, { scope: 'worker' }],
});

/**
 * Against a server that breaks HTTP, the run still ends on its own, in bounded time, with failing
 * verdicts that say what went wrong (never a hang, a crash or a stack trace). The bound below is a
 * guard against hangs, not a performance assertion: Playwright starts a fresh worker after every
 * failed test, so a server that fails everything costs about a second per test (more on a loaded
 * machine); a server that stops answering costs three timeouts, then the rest is skipped at once.
 */
test.describe.configure({ timeout: 360_000 });
for (const behaviour of BEHAVIOURS) {
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

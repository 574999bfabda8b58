import { defineConfig } from '@playwright/test';
import { AVAILABLE_APIS } from './engine/config/apis.ts';
import { planOfThisRun, resolvePlan, type RunPlan } from './engine/config/plan.ts';
import { loadEnvironment } from './engine/config/settings.ts';

// The run's plan, resolved once before any worker starts (engine/config/plan.ts). A runner started
// by `npx playwright test` evaluates this before its global set-up has resolved one, and resolves
// it here as the set-up will. The strict checks (and their one-line errors) live in the global
// set-up; here a broken configuration must not throw, or Playwright would print a stack trace.
let plan: RunPlan | undefined = planOfThisRun();
try {
  plan ??= resolvePlan(process.env, loadEnvironment(), process.argv);
} catch {
  /* reported by the global set-up */
}
const apis = plan?.settings.apis ?? AVAILABLE_APIS;
// Playwright starts a worker process per project (about 1.5 s each), so a run of every API is one
// project. Naming projects (`--project=traq`) gets one per API. Decided once, in the plan: the
// workers see no command line, and must build the same projects as the runner.
const perApi = (plan?.projects ?? 'one') === 'per-api';
// Only a configuration the set-up will refuse has no plan; its output folder still follows the variables.
const live = plan ? plan.settings.target === 'live' : process.env.CONFORMANCE_TARGET === 'live';
const reportDir = plan?.settings.reportDir ?? (process.env.CONFORMANCE_REPORT_DIR || 'reports');

export default defineConfig({
  globalSetup: './engine/cli/global-setup.ts',
  // A verdict must reproduce: no retries, ever.
  retries: 0,
  // Against a live server one worker keeps the load on staging low and sessions of one account
  // from ending each other's; the stateless mock takes every core (Playwright's default is half,
  // but Prism and the runner sit idle most of a run: measured by `npm run bench`).
  workers: live ? 1 : '100%',
  fullyParallel: !live,
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  // Beside the reports, so concurrent runs with different report folders never clean each other's output.
  outputDir: `${reportDir}/test-results`,
  reporter: [
    [process.env.CI ? 'dot' : 'list'],
    ['html', { outputFolder: `${reportDir}/playwright`, open: 'never' }],
    ['./engine/reporter/conformance-reporter.ts'],
  ],
  // Evidence is recorded, redacted, by the engine; traces and videos would hold secrets unredacted.
  use: { trace: 'off', video: 'off', screenshot: 'off' },
  projects: perApi
    ? AVAILABLE_APIS.map((api) => ({ name: api, testDir: `suites/${api}`, testMatch: '*.spec.ts' }))
    : [{ name: 'conformance', testDir: 'suites', testMatch: apis.map((api) => `${api}/*.spec.ts`) }],
});

import { defineConfig } from '@playwright/test';
import { AVAILABLE_APIS } from './engine/config/apis.ts';
import { loadEnvironment, readSettings } from './engine/config/settings.ts';

// The strict checks (and their one-line errors) live in the global set-up; here a broken
// configuration must not throw, or Playwright would print a stack trace instead.
let apis = AVAILABLE_APIS;
try {
  apis = readSettings(process.env, loadEnvironment()).apis;
} catch {
  /* reported by the global set-up */
}
// Playwright starts a worker process per project (about 1.5 s each), so a run of every API is one
// project. Naming projects (`--project=traq`) gets one per API. Decided once, in the runner: the
// workers inherit the choice with the environment, and so build the same projects.
process.env.CONFORMANCE_PROJECTS ??= process.argv.some((a) => a === '--project' || a.startsWith('--project=')) ? 'per-api' : 'one';
const live = process.env.CONFORMANCE_TARGET === 'live';
const reportDir = process.env.CONFORMANCE_REPORT_DIR || 'reports';

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
  projects: process.env.CONFORMANCE_PROJECTS === 'per-api'
    ? AVAILABLE_APIS.map((api) => ({ name: api, testDir: `suites/${api}`, testMatch: '*.spec.ts' }))
    : [{ name: 'conformance', testDir: 'suites', testMatch: apis.map((api) => `${api}/*.spec.ts`) }],
});

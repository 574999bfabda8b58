import { defineConfig } from '@playwright/test';
import { AVAILABLE_APIS } from './engine/config/apis.ts';
import { loadEnvironment } from './engine/config/settings.ts';

// The strict checks (and their one-line errors) live in the global set-up; here a broken
// configuration must not throw, or Playwright would print a stack trace instead.
try {
  loadEnvironment();
} catch {
  /* reported by the global set-up */
}
const live = process.env.CONFORMANCE_TARGET === 'live';
const reportDir = process.env.CONFORMANCE_REPORT_DIR || 'reports';

export default defineConfig({
  globalSetup: './engine/cli/global-setup.ts',
  // A verdict must reproduce: no retries, ever.
  retries: 0,
  // Against a live server one worker keeps the load on staging low and sessions of one account
  // from ending each other's; the stateless mock takes every core.
  workers: live ? 1 : undefined,
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
  projects: AVAILABLE_APIS.map((api) => ({ name: api, testDir: `suites/${api}`, testMatch: '*.spec.ts' })),
});

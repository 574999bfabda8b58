import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * The Playwright floor for the bench: empty tests, one worker, the same built-in reporters as a
 * conformance run (dot in CI, and the HTML report), so that a run of ours can be read against what
 * Playwright alone costs on this machine.
 */
const reportDir = process.env.CONFORMANCE_REPORT_DIR || resolve(import.meta.dirname, '../../reports/bench-floor');
export default defineConfig({
  testDir: import.meta.dirname,
  workers: 1,
  outputDir: resolve(reportDir, 'test-results'),
  reporter: [['dot'], ['html', { outputFolder: resolve(reportDir, 'playwright'), open: 'never' }]],
  use: { trace: 'off', video: 'off', screenshot: 'off' },
});

import { defineConfig } from '@playwright/test';

/**
 * The project's own tests: the checks on recorded responses, the suites against the mock, and the
 * suites in live mode against the reference servers, fault-free and with every fault.
 */
export default defineConfig({
  testDir: 'selftest',
  retries: 0,
  fullyParallel: true,
  workers: 2,
  timeout: 180_000,
  forbidOnly: !!process.env.CI,
  outputDir: 'test-results/selftest',
  reporter: process.env.CI ? [['dot']] : [['list']],
});

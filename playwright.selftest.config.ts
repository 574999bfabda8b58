import { defineConfig } from '@playwright/test';
import { withCompileCache } from './engine/cli/compile-cache.ts';

// The self-tests' own workers restart after a failed test as well: the same compile cache as a
// run's (Node 22.1+; Node 20 ignores it). Set here, in the runner, before it starts a worker.
Object.assign(process.env, withCompileCache(process.env));

/**
 * The project's own tests: the checks on recorded responses, the suites against the mock, the
 * suites in live mode against the reference servers (fault-free and with every fault), and the
 * HTML report in a real Chromium (Debian's; tools/ensure-chromium.ts installs it before `npm test`).
 */
export default defineConfig({
  testDir: 'selftest',
  retries: 0,
  fullyParallel: true,
  // One more than the cores: most self-tests wait on a CLI run in a child process, and two workers
  // left a third of a core idle (npm test 639 s with two, 575 s with three, on this 2-core machine).
  workers: 3,
  timeout: 180_000,
  forbidOnly: !!process.env.CI,
  outputDir: 'test-results/selftest',
  reporter: process.env.CI ? [['dot']] : [['list']],
  projects: [
    { name: 'self', testIgnore: ['**/browser/**', '**/fixtures/**'] },
    {
      name: 'browser',
      testMatch: 'browser/**/*.spec.ts',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
          args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
  ],
});

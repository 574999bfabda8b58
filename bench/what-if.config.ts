import { resolve } from 'node:path';
import { defineConfig, type ReporterDescription } from '@playwright/test';
import base from '../playwright.config.ts';

/**
 * A what-if for the bench, not a way to run the suites: the project's own configuration with the
 * four per-API projects merged into one, so that a single worker process runs every suite (with
 * one worker, Playwright starts a new worker process for each project). Everything else is the
 * project's: global set-up, reporters, timeouts. Paths are made absolute because this file lives in
 * bench/. BENCH_WORKERS sets the worker count (default: the project's).
 */
const ROOT = resolve(import.meta.dirname, '..');
const reportDir = resolve(ROOT, process.env.CONFORMANCE_REPORT_DIR || 'reports');
const absolute = (p: string) => (p.startsWith('./') ? resolve(ROOT, p) : p);

export default defineConfig({
  ...base,
  globalSetup: resolve(ROOT, 'engine/cli/global-setup.ts'),
  outputDir: resolve(reportDir, 'test-results'),
  reporter: (base.reporter as ReporterDescription[]).map(([name, opts]): ReporterDescription => [absolute(name), opts?.outputFolder ? { ...opts, outputFolder: resolve(ROOT, String(opts.outputFolder)) } : opts]),
  ...(process.env.BENCH_WORKERS ? { workers: Number(process.env.BENCH_WORKERS) } : {}),
  projects: [{ name: 'all', testDir: resolve(ROOT, 'suites'), testMatch: '*/*.spec.ts' }],
});

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AVAILABLE_APIS } from '../engine/config/apis.ts';
import { REQUIREMENTS, type RequirementId } from '../requirements/index.ts';
import type { ConformanceReport } from '../engine/reporter/model.ts';
import { ROOT, runConformance } from './support/cli.ts';
import { expect, test } from '@playwright/test';

test('with no configuration, npm run conformance runs every suite against the mock, passes the gate and writes the three reports', async () => {
  const run = await runConformance({});
  expect(run.stderr).toBe('');
  expect(run.code, run.stdout.slice(-3000)).toBe(0);
  for (const f of ['conformance.json', 'junit.xml', 'conformance.html']) expect(existsSync(resolve(run.reportDir, f)), f).toBe(true);
  const r = run.report!;
  expect(r.run.target).toBe('mock');
  expect(r.run.apis.map((a) => a.api).sort()).toEqual([...AVAILABLE_APIS].sort());
  expect(r.summary.mustFailures).toBe(0);
  // Every documented status of every operation is exercised: provoked, forced by the mock, or skipped with a reason;
  // only one the contract marks not provokable is not, and says why.
  expect(r.coverage.filter((c) => c.state === 'failed' || (c.state === 'not-exercised' && !REQUIREMENTS[c.requirement as RequirementId]?.notProvokable)).map((c) => c.requirement)).toEqual([]);
  expect(r.coverage.filter((c) => c.state === 'not-exercised' && !c.reason?.startsWith('not provokable: ')).map((c) => c.requirement)).toEqual([]);
  expect(r.coverage.filter((c) => c.state === 'skipped' && !c.reason).map((c) => c.requirement)).toEqual([]);
  expect(r.results.filter((x) => x.verdict === 'skip' && !x.reason).map((x) => x.requirement)).toEqual([]);
  expect(readFileSync(resolve(run.reportDir, 'junit.xml'), 'utf8')).toContain('<testsuites');
});

test('a bare `npx playwright test` starts its own mocks, also when a finished run left its run folder variables behind', async () => {
  const reportDir = mkdtempSync(join(tmpdir(), 'bare-'));
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(CONFORMANCE_|PW_|PLAYWRIGHT_|TEST_)/.test(k)));
  const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/@playwright/test/cli.js'), 'test'], {
    cwd: ROOT,
    env: { ...clean, CONFORMANCE_APIS: 'traq', CONFORMANCE_REPORT_DIR: reportDir, CONFORMANCE_RUN_DIR: join(tmpdir(), 'auth-conformance-run-long-gone'), CONFORMANCE_RUN_OWNER: String(process.pid) },
    stdio: 'ignore',
  });
  expect(await new Promise<number | null>((done) => child.on('close', done))).toBe(0);
  const report = JSON.parse(readFileSync(join(reportDir, 'conformance.json'), 'utf8')) as ConformanceReport;
  expect(report.summary.mustFailures).toBe(0);
  expect(report.results.filter((r) => r.verdict === 'pass').length).toBeGreaterThan(0);
});

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AVAILABLE_APIS } from '../engine/config/apis.ts';
import { runConformance } from './support/cli.ts';
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
  // Every documented status of every operation is exercised: provoked, forced by the mock, or skipped with a reason.
  expect(r.coverage.filter((c) => c.state === 'not-exercised' || c.state === 'failed').map((c) => c.requirement)).toEqual([]);
  expect(r.coverage.filter((c) => c.state === 'skipped' && !c.reason).map((c) => c.requirement)).toEqual([]);
  expect(r.results.filter((x) => x.verdict === 'skip' && !x.reason).map((x) => x.requirement)).toEqual([]);
  expect(readFileSync(resolve(run.reportDir, 'junit.xml'), 'utf8')).toContain('<testsuites');
});

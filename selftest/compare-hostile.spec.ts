import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { renderComparison } from '../engine/reporter/compare.ts';
import type { ConformanceReport } from '../engine/reporter/model.ts';
import { reportSchemaErrors, ROOT } from './support/cli.ts';

/**
 * compare.html renders reports from anywhere (a vendor's conformance.json), so a crafted report must
 * neither run anything nor move the page: every input is held to the published schema, and every
 * value is escaped.
 */
const PAYLOAD = '<meta http-equiv="refresh" content="0;url=https://attacker.example/">';
const base = (): ConformanceReport => JSON.parse(readFileSync(join(ROOT, 'selftest/fixtures/mixed-run.json'), 'utf8')) as ConformanceReport;

function compare(...reports: unknown[]): { status: number | null; stderr: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'compare-hostile-'));
  const files = reports.map((r, i) => {
    const f = join(dir, `run${i}.json`);
    writeFileSync(f, JSON.stringify(r));
    return f;
  });
  const out = join(dir, 'compare.html');
  const run = spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'engine/cli/compare.ts'), '--out', out, ...files], { encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr, out };
}

test('the fixture itself is a valid report', () => {
  expect(reportSchemaErrors(base())).toEqual([]);
});

test('a report whose summary count is markup: exit 2, one line naming the file and the place, nothing written', () => {
  const bad = base();
  (bad.summary.byApi.traq as unknown as Record<string, unknown>).mustFailures = PAYLOAD;
  const run = compare(base(), bad);
  expect(run.status).toBe(2);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^auth-conformance compare: cannot use .*run1\.json: not a valid conformance\.json \(schemas\/report\/conformance\.json\) at \/summary\/byApi\/traq\/mustFailures: must be integer, received /);
  expect(existsSync(run.out)).toBe(false);
});

test('a report with a field the schema does not know, or one missing, is refused the same way', () => {
  const extra = { ...base(), script: '<script>alert(1)</script>' };
  const run = compare(base(), extra);
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/run1\.json: not a valid conformance\.json .* at \(root\): must NOT have additional properties/);
  const { results: _r, ...missing } = base();
  expect(compare(missing, base()).stderr).toMatch(/run0\.json: not a valid conformance\.json .* at \/results: a required property/);
});

test('every value is escaped, numbers and verdicts too, even when a report skipped validation', () => {
  const hostile = base();
  const c = hostile.summary.byApi.traq as unknown as Record<string, unknown>;
  c.mustFailures = PAYLOAD;
  c.verdict = PAYLOAD;
  const r = hostile.results[0] as unknown as Record<string, unknown>;
  r.verdict = `pass">${PAYLOAD}`;
  r.requirement = PAYLOAD;
  r.summary = '<script>alert(1)</script>';
  hostile.run.target = PAYLOAD as 'live';
  const html = renderComparison([{ label: PAYLOAD, report: base() }, { label: 'b', report: hostile }]);
  expect(html.match(/<meta/g)).toHaveLength(2); // charset and the Content-Security-Policy
  expect(html).not.toContain('<script');
  expect(html).not.toContain('http-equiv="refresh"');
  expect(html).toContain('&lt;meta http-equiv=&quot;refresh&quot;');
});

test('valid reports with markup in their free text render escaped', () => {
  const hostile = base();
  for (const r of hostile.results) r.summary = PAYLOAD;
  expect(reportSchemaErrors(hostile)).toEqual([]);
  const run = compare(base(), hostile);
  expect(run.status, run.stderr).toBe(0);
  const html = readFileSync(run.out, 'utf8');
  expect(html.match(/<meta/g)).toHaveLength(2);
  expect(html).toContain('&lt;meta http-equiv=&quot;refresh&quot;');
});

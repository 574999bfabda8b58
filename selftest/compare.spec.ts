import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compareDeviations, compareRuns } from '../engine/reporter/compare.ts';
import { traqReference } from '../reference/traq/index.ts';
import { ROOT, runConformance } from './support/cli.ts';
import { expect, test } from './support/reference.ts';

test('three runs side by side: the rows that differ are exactly the requirements the faults break', async ({ host }) => {
  const env = { ...traqReference.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'traq', CONFORMANCE_ALLOW_DESTRUCTIVE: '1', CONFORMANCE_SEED: '3' };
  const [ok, a, b] = await Promise.all(['ok', 'revoke-does-nothing', 'cookie-not-httponly'].map((f) => runConformance({ ...env, TRAQ_BASE_URL: host.baseUrl('traq', f, 'compare') })));
  const runs = [{ label: 'reference', report: ok!.report! }, { label: 'vendor A', report: a!.report! }, { label: 'vendor B', report: b!.report! }];
  const differing = compareRuns(runs).filter((r) => r.differs);
  expect(differing.map((r) => `${r.requirement}: ${r.cells.map((c) => c?.verdict).join('/')}`)).toEqual([
    'ASVS-3.4.2: pass/pass/warn',
    'traq:revokeMySession.ends-session: pass/fail/pass',
  ]);
  // The vendor's document is broken only by vendor A; a missing HttpOnly is best practice, not a deviation.
  expect(compareDeviations(runs).map((d) => `${d.requirement}: ${d.seen.map((n) => (n === null ? '-' : 'seen')).join('/')}`)).toEqual([
    'traq:revokeMySession.ends-session: -/seen/-',
  ]);

  const out = join(mkdtempSync(join(tmpdir(), 'compare-')), 'compare.html');
  const cli = spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'engine/cli/compare.ts'), '--out', out, '--label', 'reference', '--label', 'vendor A', '--label', 'vendor B',
    join(ok!.reportDir, 'conformance.json'), join(a!.reportDir, 'conformance.json'), join(b!.reportDir, 'conformance.json')], { encoding: 'utf8' });
  expect(cli.status, cli.stderr).toBe(0);
  expect(cli.stdout).toContain('2 requirement(s) differ between reference, vendor A, vendor B');
  const html = readFileSync(out, 'utf8');
  expect(html).toContain('<th>vendor A<br>');
  expect(html.match(/<tr class="differs">/g)).toHaveLength(2);
  expect(html).toContain("<h2>Deviations from the vendor's document</h2>");
});

test('compare refuses fewer than two runs, or a file that is not a report, with one line', () => {
  const one = spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'engine/cli/compare.ts'), 'x.json'], { encoding: 'utf8' });
  expect(one.status).toBe(2);
  expect(one.stderr).toMatch(/^auth-conformance compare: give two or more conformance\.json files/);
  const bad = spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'engine/cli/compare.ts'), resolve(ROOT, 'package.json'), resolve(ROOT, 'package.json')], { encoding: 'utf8' });
  expect(bad.status).toBe(2);
  expect(bad.stderr).toMatch(/cannot use .*package\.json: not a conformance\.json/);
});

import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gate } from '../engine/reporter/gate.ts';
import type { Result } from '../engine/reporter/model.ts';
import { traqReference } from '../reference/traq/index.ts';
import { runConformance } from './support/cli.ts';
import { expect, test } from './support/reference.ts';

const result = (requirement: string, verdict: Result['verdict'], title = 't'): Result => ({
  api: 'traq', operationId: 'login', method: 'POST', path: '/login', test: { title, file: 'suites/traq/login.spec.ts', line: 1 },
  requirement, level: verdict === 'warn' ? 'SHOULD' : 'MUST', summary: '', source: { kind: 'vendor', url: '' }, verdict, forcedByMock: false, evidence: [],
});

test.describe('the gate and its baseline', () => {
  const today = '2026-11-23';
  const results = [result('a', 'fail'), result('b', 'fail'), result('c', 'fail'), result('w', 'warn'), result('p', 'pass')];
  const baseline = [
    { requirement: 'a', reason: 'known, no expiry' },
    { requirement: 'b', reason: 'known until next year', expires: '2027-01-01' },
    { requirement: 'c', reason: 'expired yesterday', expires: '2026-11-22' },
    { requirement: 'p', reason: 'was failing, now fixed' },
  ];

  test('a new failure breaks it; a known one does not; an expired one counts again; a fixed one is removable', () => {
    const g = gate(results, 'must', baseline, 'baseline.yaml', today);
    expect(g.passed).toBe(false);
    expect(g.known.map((k) => k.requirement)).toEqual(['a', 'b']);
    expect(g.breaking).toEqual([{ requirement: 'c', test: 't', verdict: 'fail', expired: '2026-11-22' }]);
    expect(g.removable.map((r) => r.requirement)).toEqual(['p']);
  });

  test('without the expired entry the gate passes at MUST level; at SHOULD level the warning breaks it; at none nothing does', () => {
    const b = baseline.filter((e) => e.requirement !== 'c').concat({ requirement: 'c', reason: 'ok', expires: '2027-06-30' });
    expect(gate(results, 'must', b, 'b', today).passed).toBe(true);
    expect(gate(results, 'should', b, 'b', today).breaking.map((x) => x.requirement)).toEqual(['w']);
    expect(gate(results, 'none', null, null, today).passed).toBe(true);
  });

  test('an entry can be limited to one test', () => {
    const rs = [result('a', 'fail', 'first'), result('a', 'fail', 'second')];
    const g = gate(rs, 'must', [{ requirement: 'a', test: 'first', reason: 'r' }], 'b', today);
    expect(g.breaking.map((x) => x.test)).toEqual(['second']);
  });

  test('through the CLI: known failures pass the gate, are skipped in JUnit, and an unknown baseline key is refused', async ({ host }) => {
    const dir = mkdtempSync(join(tmpdir(), 'baseline-'));
    const file = join(dir, 'baseline.yaml');
    writeFileSync(file, '- requirement: traq:login#401\n  reason: upstream fix pending\n  expires: 2099-01-01\n- requirement: traq:login#403\n  reason: same\n- requirement: traq:logout#204\n  reason: fixed long ago\n');
    const env = { ...traqReference.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'traq', CONFORMANCE_ALLOW_DESTRUCTIVE: '1', TRAQ_BASE_URL: host.baseUrl('traq', 'login-401-403-swapped', 'gate'), CONFORMANCE_BASELINE: file };
    const run = await runConformance(env);
    expect(run.code, run.stdout.slice(-1500)).toBe(0);
    expect(run.stdout).toContain('known failure (baseline): traq:login#401');
    expect(run.stdout).toContain('fixed: traq:logout#204 no longer fails; remove it from');
    expect(run.report!.gate.known.map((k) => k.requirement).sort()).toEqual(['traq:login#401', 'traq:login#401', 'traq:login#403']);
    const bad = await runConformance({ ...env, CONFORMANCE_BASELINE: join(dir, 'missing.yaml') });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^auth-conformance: cannot read the baseline .*missing\.yaml \(ENOENT\): check CONFORMANCE_BASELINE\n$/);
  });
});

test('a baseline entry with api accepts that API\'s failures only: an RFC is shared by every API', () => {
  const other = { ...result('RFC9110-15.5.2', 'fail'), api: 'svix' };
  const g = gate([result('RFC9110-15.5.2', 'fail'), other], 'must', [{ requirement: 'RFC9110-15.5.2', api: 'traq', reason: 'traQ sends no challenge' }], 'b.yaml', '2026-11-23');
  expect(g.known.map((k) => k.requirement)).toEqual(['RFC9110-15.5.2']);
  expect(g.breaking).toHaveLength(1);
  expect(g.passed).toBe(false);
});

test('every shipped baseline loads, and every entry says how the deviation is known and, for a shared requirement, which API', async () => {
  const { readdirSync } = await import('node:fs');
  const { readBaseline } = await import('../engine/config/baseline.ts');
  const { ROOT } = await import('./support/cli.ts');
  const files = readdirSync(join(ROOT, 'baselines')).filter((f) => f.endsWith('.yaml'));
  expect(files.length).toBeGreaterThanOrEqual(3);
  for (const f of files) {
    const entries = readBaseline(join('baselines', f), ROOT)!;
    expect(entries.length, f).toBeGreaterThan(0);
    expect(entries.filter((e) => !e.evidence).map((e) => e.requirement), `${f}: entries without evidence`).toEqual([]);
    expect(entries.filter((e) => !e.requirement.includes(':') && !e.api).map((e) => e.requirement), `${f}: shared requirements without api`).toEqual([]);
  }
});

import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dotenv from 'dotenv';
import { readBaseline } from '../engine/config/baseline.ts';
import { ConfigError } from '../engine/config/errors.ts';
import { ensureReportDir } from '../engine/config/report-dir.ts';
import { readSettings } from '../engine/config/settings.ts';
import { traqReference } from '../reference/traq/index.ts';
import { ROOT, runConformance } from './support/cli.ts';
import { expect, test } from './support/reference.ts';

/** The set-up a user follows (README, .env.example) works as written; what cannot work stops at once with one line. */

const EXAMPLE = join(ROOT, '.env.example');
const oneLine = (s: string) => s.trim().split('\n').filter(Boolean);

/** .env.example copied as the README says, with some variables filled in. */
function copyOfExample(fill: Record<string, string> = {}): string {
  const file = join(mkdtempSync(join(tmpdir(), 'env-example-')), '.env.staging');
  copyFileSync(EXAMPLE, file);
  let text = readFileSync(file, 'utf8');
  for (const [k, v] of Object.entries(fill)) {
    expect(text, `.env.example lists ${k}`).toMatch(new RegExp(`^${k}=.*$`, 'm'));
    text = text.replace(new RegExp(`^${k}=.*$`, 'm'), `${k}=${v}`);
  }
  writeFileSync(file, text);
  return file;
}

test.describe('.env.example as shipped', () => {
  test('every variable it lists, left as shipped, is accepted (empty means unset)', () => {
    const shipped = dotenv.parse(readFileSync(EXAMPLE));
    const empty = Object.keys(shipped).filter((k) => shipped[k] === '');
    expect(empty).toContain('CONFORMANCE_TIMEOUT_MS');
    expect(() => readSettings(shipped)).not.toThrow();
    // Empty values from the real environment too, on a live run with every API configured.
    const live = { ...shipped, CONFORMANCE_TARGET: 'live', TRAQ_BASE_URL: 'http://127.0.0.1:1/api/v3', TRAQ_USERNAME: 'u', TRAQ_PASSWORD: 'p' };
    const s = readSettings(live);
    expect(s).toMatchObject({ timeoutMs: 5000, maxRps: 20, maxRetryAfterS: 30, gate: 'must', reportDir: 'reports', allowDestructive: false, baselineFile: null, apis: ['traq'] });
  });

  test('the README\'s mock run with CONFORMANCE_ENV_FILE pointing at a copy of .env.example passes', async () => {
    const run = await runConformance({ CONFORMANCE_ENV_FILE: copyOfExample() });
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout.slice(-800)).toBe(0);
    expect(run.report!.run.envFiles).toEqual([expect.stringContaining('.env.staging')]);
  });

  test('the README\'s live run from a copy of .env.example with base URL and credentials filled in passes', async ({ host }) => {
    const file = copyOfExample({ TRAQ_BASE_URL: host.baseUrl('traq', 'ok', 'env-example'), TRAQ_USERNAME: traqReference.env.TRAQ_USERNAME!, TRAQ_PASSWORD: traqReference.env.TRAQ_PASSWORD! });
    const run = await runConformance({ CONFORMANCE_TARGET: 'live', CONFORMANCE_ENV_FILE: file });
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout.slice(-800)).toBe(0);
    expect(run.report!.run.apis.map((a) => a.api)).toEqual(['traq']);
  });

  test('an empty variable in the real environment does not hide the env file\'s value', async () => {
    const run = await runConformance({ CONFORMANCE_ENV_FILE: copyOfExample({ CONFORMANCE_TIMEOUT_MS: 'soon' }), CONFORMANCE_APIS: 'traq', CONFORMANCE_TIMEOUT_MS: '' });
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toEqual(['auth-conformance: CONFORMANCE_TIMEOUT_MS must be a whole number of milliseconds from 100 to 120000, not "soon"']);
  });
});

test.describe('a baseline that names an unknown requirement', () => {
  test('is refused naming the id, not reported as "fixed" later', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baseline-'));
    const file = join(dir, 'baseline.yaml');
    writeFileSync(file, '- requirement: traq:login#401\n  reason: upstream fix pending\n- requirement: traq:login#499\n  reason: typo\n');
    expect(() => readBaseline(file)).toThrow(ConfigError);
    expect(() => readBaseline(file)).toThrow(`the baseline ${file}, entry 2 names an unknown requirement "traq:login#499"`);
    const run = await runConformance({ CONFORMANCE_APIS: 'traq', CONFORMANCE_BASELINE: file });
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toEqual([`auth-conformance: the baseline ${file}, entry 2 names an unknown requirement "traq:login#499": use an id from the report or requirements/`]);
  });
});

test.describe('a report folder that cannot be used: exit 2 at once, one line', () => {
  for (const [what, dir] of [['under /proc (where a recursive mkdir loops for ever)', '/proc/auth-conformance-reports/x'], ['below a file', join(ROOT, 'package.json', 'reports')]] as const) {
    test(what, async () => {
      expect(() => ensureReportDir(dir)).toThrow(ConfigError);
      const run = await runConformance({ CONFORMANCE_APIS: 'traq', CONFORMANCE_REPORT_DIR: dir });
      expect(run.code).toBe(2);
      expect(oneLine(run.stderr)).toHaveLength(1);
      expect(run.stderr).toMatch(new RegExp(`^auth-conformance: cannot write reports to ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*; set CONFORMANCE_REPORT_DIR to a folder that can be created and written\n$`));
      expect(run.ms).toBeLessThan(30_000); // a bound on a hang, not a performance assertion
    });
  }

  test('a folder that does not exist yet is created, level by level', () => {
    const base = mkdtempSync(join(tmpdir(), 'report-dir-'));
    expect(ensureReportDir(join(base, 'a', 'b'))).toBe(join(base, 'a', 'b'));
  });
});

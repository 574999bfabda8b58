import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { failedMust, ROOT, runConformance } from './support/cli.ts';

/**
 * An API is a folder: a fifth one (selftest/fixtures/fifth-api: a contract, the requirements
 * generated from it, one spec whose refusals come from the contract's security, and a tiny
 * reference server) is copied into a copy of the checkout and type-checks, runs against the mock,
 * and runs against its reference server, fault-free and with its fault, with no file outside
 * suites/toy and reference/toy added or changed.
 */
const FIXTURE = join(ROOT, 'selftest/fixtures/fifth-api');
const SKIP = new Set(['node_modules', '.git', 'reports', 'test-results']);

test.describe.configure({ mode: 'serial' });

let copy: string;

test.beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'fifth-api-'));
  cpSync(ROOT, copy, { recursive: true, filter: (src) => !SKIP.has(relative(ROOT, src).split('/')[0]!) && !src.startsWith(FIXTURE) });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  for (const dir of ['suites', 'reference']) cpSync(join(FIXTURE, dir), join(copy, dir), { recursive: true });
});

test.afterAll(() => rmSync(copy, { recursive: true, force: true }));

test('the fixture adds files only under suites/toy and reference/toy', () => {
  const added = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => relative(FIXTURE, join(d.parentPath, d.name)));
  expect(added(FIXTURE).filter((f) => f !== 'README.md' && !/^(suites|reference)\/toy\//.test(f))).toEqual([]);
});

test('the copy with a fifth API type-checks (its requirement ids are typed like the others\')', () => {
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', copy], { encoding: 'utf8' });
  expect(tsc.stdout + tsc.stderr).toBe('');
});

test('the fifth API\'s generated file (status requirements, operation ids) is what the generator writes from its contract', () => {
  const check = spawnSync(process.execPath, ['--import', 'tsx', join(copy, 'tools/generate.ts'), '--check'], { cwd: copy, encoding: 'utf8' });
  expect(check.stderr).toBe('');
  expect(check.status).toBe(0);
});

test('the fifth API runs against the mock and passes', async () => {
  const run = await runConformance({ CONFORMANCE_APIS: 'toy' }, [], copy);
  expect(run.report, run.stderr || run.stdout).toBeDefined();
  expect(run.report!.run.apis.map((a) => a.api)).toEqual(['toy']);
  expect(run.report!.results.filter((r) => r.api === 'toy' && r.verdict === 'pass').map((r) => r.requirement)).toEqual(expect.arrayContaining(['toy:whoami#200', 'toy:whoami#401']));
  expect(run.code).toBe(0);
});

test('the fifth API runs against its reference server: it passes fault-free and its fault is caught', async () => {
  const server = spawn(process.execPath, ['--import', 'tsx', join(copy, 'reference/serve.ts')], { cwd: copy, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const env = await new Promise<Record<string, string>>((done) => {
      let out = '';
      server.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const block = /# toy:[^\n]*\n((?:[A-Z_]+=[^\n]*\n)+)/.exec(out);
        if (block && out.includes('CONFORMANCE_ALLOW_DESTRUCTIVE=1')) done(Object.fromEntries(block[1]!.trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])));
      });
    });
    const live = { ...env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'toy' };
    const ok = await runConformance(live, [], copy);
    expect(ok.report, ok.stderr || ok.stdout).toBeDefined();
    expect(failedMust(ok.report!)).toEqual([]);
    expect(ok.code).toBe(0);
    const faulty = await runConformance({ ...live, TOY_BASE_URL: env.TOY_BASE_URL!.replace('/toy/ok', '/toy/no-challenge') }, [], copy);
    expect(failedMust(faulty.report!)).toEqual(['RFC9110-15.5.2']);
    expect(faulty.code).toBe(1);
  } finally {
    server.kill();
  }
});

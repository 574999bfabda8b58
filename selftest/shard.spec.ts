import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, cpSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ConformanceReport } from '../engine/reporter/model.ts';
import { traqReference } from '../reference/traq/index.ts';
import { ROOT, reportSchemaErrors } from './support/cli.ts';
import { expect, test } from './support/reference.ts';

function playwright(args: string[], env: Record<string, string>): Promise<number> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(CONFORMANCE_|TRAQ_|PW_|PLAYWRIGHT_|TEST_)/.test(k)));
  const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/@playwright/test/cli.js'), ...args], { cwd: ROOT, env: { ...clean, ...env }, stdio: 'ignore' });
  return new Promise((done) => child.on('close', (c) => done(c ?? 1)));
}

const verdicts = (r: ConformanceReport) => r.results.map((x) => `${x.test.title} | ${x.requirement} | ${x.verdict} | ${x.forcedByMock}`).sort();

test('two shards merged with merge-reports give the same verdicts as one unsharded run', async ({ host }) => {
  const tmp = mkdtempSync(join(tmpdir(), 'shard-'));
  const env = { ...traqReference.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_ALLOW_DESTRUCTIVE: '1', CONFORMANCE_SEED: '42' };
  // The same two faults on two server instances, so the unsharded run and the sharded one each
  // start from a fresh state (the suite unlinks an account).
  const wholeServer = host.baseUrl('traq', 'logout-keeps-session+cookie-not-httponly', 'shard-whole');
  const shardServer = host.baseUrl('traq', 'logout-keeps-session+cookie-not-httponly', 'shard-split');
  const config = resolve(ROOT, 'playwright.config.ts');
  // Unsharded, then the two shards as two CI machines would run them, each with its own blob.
  expect(await playwright(['test', '-c', config, '--project=traq'], { ...env, TRAQ_BASE_URL: wholeServer, CONFORMANCE_REPORT_DIR: join(tmp, 'whole') })).toBe(1);
  for (const i of [1, 2]) {
    await playwright(['test', '-c', config, '--project=traq', `--shard=${i}/2`, '--reporter=blob'], { ...env, TRAQ_BASE_URL: shardServer, CONFORMANCE_REPORT_DIR: join(tmp, `shard${i}`), PLAYWRIGHT_BLOB_OUTPUT_DIR: join(tmp, `blob${i}`) });
  }
  mkdirSync(join(tmp, 'blobs'));
  for (const i of [1, 2]) for (const f of readdirSync(join(tmp, `blob${i}`))) cpSync(join(tmp, `blob${i}`, f), join(tmp, 'blobs', f));
  expect(readdirSync(join(tmp, 'blobs'))).toHaveLength(2);
  await playwright(['merge-reports', '-c', config, join(tmp, 'blobs')], { ...env, TRAQ_BASE_URL: shardServer, CONFORMANCE_REPORT_DIR: join(tmp, 'merged') });

  const whole = JSON.parse(readFileSync(join(tmp, 'whole', 'conformance.json'), 'utf8')) as ConformanceReport;
  const merged = JSON.parse(readFileSync(join(tmp, 'merged', 'conformance.json'), 'utf8')) as ConformanceReport;
  expect(reportSchemaErrors(merged)).toEqual([]);
  expect(merged.results.length).toBeGreaterThan(50);
  expect(verdicts(merged)).toEqual(verdicts(whole));
  expect(merged.summary).toEqual(whole.summary);
  expect(merged.coverage).toEqual(whole.coverage);
});

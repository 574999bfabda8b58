import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from '@playwright/test';
import { registerSchemaFile, validateAgainst } from '../../engine/contract/schemas.ts';
import type { ConformanceReport } from '../../engine/reporter/model.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  reportDir: string;
  report?: ConformanceReport;
}

/**
 * Runs `npm run conformance`'s entry point as a user would, in a child process with exactly the
 * given environment on top of a clean one (no CONFORMANCE_* or API variables leak in from ours).
 */
/** `root`: the checkout whose CLI runs (a self-test's copy of this one). */
export async function runConformance(env: Record<string, string>, args: string[] = [], root = ROOT): Promise<CliRun> {
  const reportDir = env.CONFORMANCE_REPORT_DIR ?? mkdtempSync(join(tmpdir(), 'conformance-'));
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(CONFORMANCE_|TRAQ_|NEXTAUTH_|SVIX_|SEMAPHORE_|PW_|PLAYWRIGHT_|TEST_)/.test(k)));
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'engine/cli/conformance.ts'), ...args], {
    cwd: env.CWD ?? root,
    // The default pace (20 requests per second) spares a staging server; the self-tests' servers are
    // in this process on loopback, and at that pace a live run spent half its time waiting (traq:
    // 114 requests, 9.5 s paced, 5.1 s not). A test about the pace sets its own.
    env: { ...clean, CONFORMANCE_REPORT_DIR: reportDir, CONFORMANCE_MAX_RPS: '1000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)));
  const json = resolve(reportDir, 'conformance.json');
  const report = existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as ConformanceReport) : undefined;
  // Every report any self-test makes is held to the published schema of conformance.json.
  if (report) expect(reportSchemaErrors(report), `${json} against schemas/report/conformance.json`).toEqual([]);
  return { code, stdout, stderr, ms: Date.now() - started, reportDir, ...(report ? { report } : {}) };
}

export const failedMust = (r: ConformanceReport): string[] => [...new Set(r.results.filter((x) => x.verdict === 'fail').map((x) => x.requirement))].sort();
export const warnedShould = (r: ConformanceReport): string[] => [...new Set(r.results.filter((x) => x.verdict === 'warn').map((x) => x.requirement))].sort();

const REPORT_SCHEMA = { $ref: registerSchemaFile(resolve(ROOT, 'schemas/report/conformance.json'), 'the self-tests') };

export function reportSchemaErrors(report: unknown): string[] {
  return validateAgainst(REPORT_SCHEMA, report).map((e) => `${e.path || '(root)'}: expected ${e.expected}, received ${e.received}`);
}

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ConfigError } from '../config/errors.ts';
import { ensureReportDir } from '../config/report-dir.ts';
import { baseUrl, mocksFile, resolvePlan, withCheckedContracts, writePlan, type RunPlan } from '../config/plan.ts';
import { loadEnvironment } from '../config/settings.ts';
import { PROJECT_ROOT } from '../root.ts';
import { findingsLine } from '../reporter/findings.ts';
import type { ConformanceReport } from '../reporter/model.ts';
import { ContractError } from '../contract/errors.ts';
import { startMocksInBackground } from '../targets/mock-handoff.ts';
import { contractChanged, createRunDir, readHalts, removeRunDir } from '../targets/run-state.ts';
import { baseUrlLooksWrong, haltedTargets } from './misconfiguration.ts';
import { enableCompileCacheHere, withCompileCache } from './compile-cache.ts';
import { lockReportDir, unlockReportDir } from './report-lock.ts';

/**
 * `npm run conformance`: checks the configuration, runs the suites of the selected APIs through
 * Playwright, and turns conformance.json into the gate's exit code:
 * 0 no MUST failed (and, with CONFORMANCE_GATE=should, no SHOULD warned); 1 the gate failed;
 * 2 the run could not be made (configuration, contract, unreachable target); 130 it was interrupted.
 */
async function main(): Promise<number> {
  enableCompileCacheHere(process.env);
  let plan: RunPlan;
  try {
    const envFiles = loadEnvironment();
    // The mocks are started here, before Playwright (see run below).
    plan = resolvePlan(process.env, envFiles, process.argv.slice(2), true);
    ensureReportDir(plan.settings.reportDir);
    // Before Prism sees a contract: it loads whatever it is given, without limits.
    plan = withCheckedContracts(plan);
    lockReportDir(resolve(process.cwd(), plan.settings.reportDir));
  } catch (err) {
    if (err instanceof ConfigError || err instanceof ContractError) {
      process.stderr.write(`auth-conformance: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const reportDir = resolve(process.cwd(), plan.settings.reportDir);
  const runDir = createRunDir(process.env);
  try {
    writePlan(runDir, plan);
    return await run(plan, reportDir, runDir);
  } finally {
    removeRunDir(runDir);
    unlockReportDir(reportDir);
  }
}

async function run(plan: RunPlan, reportDir: string, runDir: string): Promise<number> {
  const { settings } = plan;
  const jsonPath = resolve(reportDir, 'conformance.json');
  const started = Date.now();

  // Prism loads here while Playwright starts (both take a second or two); the workers wait for it.
  // The set-up still checks the contracts and reports a broken one before any test runs.
  const mocks = settings.target === 'mock' ? startMocksInBackground(plan.contracts, mocksFile(runDir)) : undefined;
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  // The configuration runs the APIs of CONFORMANCE_APIS as one project (see playwright.config.ts).
  const args = [cli, 'test', '--config', resolve(PROJECT_ROOT, 'playwright.config.ts'), ...process.argv.slice(2)];
  let interrupted = false;
  const code = await new Promise<number>((done) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env: withCompileCache(process.env) });
    // An interrupted run still tears its tests down, so what it created is cleaned up. Playwright
    // does that on SIGINT but dies at once on SIGTERM (what CI cancellation and `docker stop`
    // send), and a second SIGINT a second later kills it mid-teardown (CI often follows SIGINT
    // with SIGTERM). So the first signal of either kind reaches it as SIGINT, later ones not at all.
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      process.on(sig, () => {
        if (!interrupted) child.kill('SIGINT');
        interrupted = true;
      });
    }
    child.on('exit', (c, signal) => done(c ?? (signal ? 130 : 1)));
  });
  const mockFailure = await mocks?.close();
  const changed = contractChanged(runDir);
  if (changed) {
    process.stderr.write(`auth-conformance: ${changed}; no verdict\n`);
    return 2;
  }
  if (code === 2) return 2;
  if (mockFailure) {
    process.stderr.write(`auth-conformance: Prism could not mock the contracts: ${mockFailure.message}\n`);
    return 2;
  }
  const fresh = existsSync(jsonPath) && readReport(jsonPath).run.startedAt >= new Date(started - 1000).toISOString();
  if (!fresh && interrupted) {
    process.stdout.write('run interrupted before it wrote a report\n');
    return 130;
  }
  if (!fresh) {
    process.stderr.write(`auth-conformance: the run wrote no report to ${jsonPath} (Playwright exited with ${code})\n`);
    return 2;
  }
  const report = readReport(jsonPath);
  const s = report.summary;
  const stopped = report.run.interrupted === true;
  // A target that stopped answering, throttled the run away, or was never where the base URL points
  // says nothing about conformance: the run could not be made.
  const baseUrls = Object.fromEntries(settings.apis.map((api) => [api, baseUrl(api)]));
  const misconfigured = stopped ? undefined : haltedTargets(readHalts(runDir), baseUrls) ?? baseUrlLooksWrong(report);
  if (misconfigured) {
    process.stderr.write(`auth-conformance: ${misconfigured}; no verdict (reports in ${settings.reportDir}/)\n`);
    return 2;
  }
  process.stdout.write(findingsText(report));
  for (const [api, c] of Object.entries(s.byApi)) {
    const verdict = stopped ? 'not judged (the run was interrupted)' : `${c.verdict === 'pass' ? 'conforms' : 'does not conform'} at MUST level`;
    process.stdout.write(`${api}: ${verdict} (${c.mustFailures} MUST failed, ${c.shouldWarnings} SHOULD warned, ${c.passes} passed, ${c.skips} skipped, ${c.forcedByMock} forced by mock)\n`);
  }
  process.stdout.write(`target: ${report.run.target}; seed ${report.run.seed}; reports in ${settings.reportDir}/ (conformance.html, conformance.json, junit.xml)\n`);
  if (stopped) {
    process.stdout.write('run interrupted: the verdicts cover only the tests that ran; the gate was not judged\n');
    return 130;
  }
  const g = report.gate;
  for (const k of g.known) process.stdout.write(`known failure (baseline): ${k.requirement} in "${k.test}": ${k.reason}${k.expires ? ` (until ${k.expires})` : ''}\n`);
  for (const b of g.breaking.filter((x) => x.expired)) process.stdout.write(`baseline entry for ${b.requirement} expired on ${b.expired}: it counts again\n`);
  for (const r of g.removable) process.stdout.write(`fixed: ${r.requirement} no longer fails; remove it from ${g.baseline}\n`);
  const breaking = new Set(g.breaking.map((b) => `${b.requirement}\u0000${b.test}`));
  const problems = report.findings.filter((f) => f.seenIn.some((x) => breaking.has(`${f.requirement}\u0000${x.test}`))).length;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  process.stdout.write(`gate (${g.level}): ${g.passed ? 'passed' : `FAILED (${plural(problems, 'problem', 'problems')} in ${plural(g.breaking.length, 'result', 'results')} ${problems === 1 ? 'breaks' : 'break'} it)`}\n`);
  return g.passed ? 0 : 1;
}

/** Printed most: what is wrong, once per behaviour, before the counts. */
const SHOWN = 20;
const CATEGORY = { deviation: "vendor's document", rfc: 'RFC', practice: 'best practice' } as const;

function findingsText(report: ConformanceReport): string {
  const lines = [`${findingsLine(report.findings, report.results)}${report.findings.length ? ':' : ''}`];
  for (const f of report.findings.slice(0, SHOWN)) {
    const ops = new Set(f.seenIn.map((x) => x.operationId)).size;
    const where = `${f.seenIn.length} test${f.seenIn.length === 1 ? '' : 's'}, ${ops} operation${ops === 1 ? '' : 's'}`;
    lines.push(`  ${f.verdict === 'fail' ? '✗' : '!'} ${f.requirement} [${f.level}, ${CATEGORY[f.category]}] ${f.api}: ${f.message}${f.received !== undefined ? ` (received: ${f.received})` : ''} — ${where}`);
  }
  if (report.findings.length > SHOWN) lines.push(`  … and ${report.findings.length - SHOWN} more in the report`);
  for (const c of report.cleanup) if (c.statement) lines.push(`clean-up: ${c.statement}`);
  return `${lines.join('\n')}\n`;
}

function readReport(path: string): ConformanceReport {
  return JSON.parse(readFileSync(path, 'utf8')) as ConformanceReport;
}

main().then((code) => process.exit(code), (err: unknown) => {
  process.stderr.write(`auth-conformance: internal error: ${(err as Error).message}\n`);
  process.exit(2);
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { isRequirementId, requirement } from '../../requirements/index.ts';
import { CLEANUP_ANNOTATION, ENABLED_BY_ANNOTATION, OPERATION_ANNOTATION, REQUIREMENT_ANNOTATION, type CleanupRecord } from '../annotations.ts';
import { summarizeCleanup } from './cleanup.ts';
import { findings } from './findings.ts';
import { API_DEFINITIONS, contractFile, type ApiName } from '../config/apis.ts';
import { baseUrl, planOfThisRun, resolvePlan, type RunPlan } from '../config/plan.ts';
import { secretValues } from '../config/settings.ts';
import { changedSincePlanned } from '../contract/drift.ts';
import { loadContract, PROJECT_ROOT } from '../contract/load.ts';
import { inheritedRunDir, noteContractChanged } from '../targets/run-state.ts';
import type { Contract } from '../contract/model.ts';
import { EVIDENCE_CONTENT_TYPE, EVIDENCE_NAME, type CheckRecord } from '../evidence.ts';
import { Redactor } from '../http/redact.ts';
import { pointerKeys, pointerToken } from '../pointer.ts';
import { unlockReportDir } from '../cli/report-lock.ts';
import { renderHtml } from './html.ts';
import { gate } from './gate.ts';
import { renderJunit } from './junit.ts';
import { judgeTest } from './verdicts.ts';
import type { ConformanceReport, Correction, Result } from './model.ts';
import { coverage, summarize } from './summarize.ts';

/**
 * Collects each test's check records (attached by toConform) into per-requirement results and
 * writes conformance.json, junit.xml and conformance.html. Works the same on merged shard reports,
 * because everything it needs travels in the tests' attachments and annotations.
 */
export default class ConformanceReporter implements Reporter {
  private readonly results: Result[] = [];
  private readonly cleanupRecords: CleanupRecord[] = [];
  private startedAt = new Date();
  private readonly contracts = new Map<ApiName, Contract>();
  private resolved: RunPlan | undefined;

  private suite: Suite | undefined;
  private readonly ended = new Set<string>();

  onBegin(_config: FullConfig, suite: Suite): void {
    this.startedAt = new Date();
    this.suite = suite;
    // Read now, after the set-up: a bare runner's global teardown removes the run's folder before onEnd.
    this.plan();
  }

  printsToStdio(): boolean {
    return false;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.ended.add(test.id);
    this.record(test, result);
  }

  /** A test the run never started is skipped (an interruption), or its requirements would read as never exercised. */
  private record(test: TestCase, result: Pick<TestResult, 'status' | 'attachments' | 'error'>, skipReason?: string): void {
    const where = relative(PROJECT_ROOT, test.location.file);
    const m = /^suites\/([a-z][a-z0-9]*)\/([A-Za-z0-9]+)\.spec\.ts$/.exec(where);
    if (!m || !(m[1]! in API_DEFINITIONS)) return;
    const api = m[1] as ApiName;
    const contract = this.contract(api);
    const operationId = test.annotations.find((a) => a.type === OPERATION_ANNOTATION)?.description ?? m[2]!;
    const op = contract.operations[operationId];
    const base = {
      api,
      operationId,
      method: op?.method ?? '',
      path: op?.path ?? '',
      // A generated test was declared in the engine: its spec file is where to look, from the top.
      test: { title: test.titlePath().slice(3).join(' › '), file: where, line: test.location.line },
    };
    for (const a of test.annotations) if (a.type === CLEANUP_ANNOTATION && a.description) this.cleanupRecords.push(JSON.parse(a.description) as CleanupRecord);
    const declared = test.annotations.filter((a) => a.type === REQUIREMENT_ANNOTATION).map((a) => a.description!).filter(isRequirementId);
    const enabledBy = test.annotations.filter((a) => a.type === ENABLED_BY_ANNOTATION).map((a) => a.description!);
    const skipped = result.status === 'skipped';
    const errorLine = result.error?.message?.split('\n')[0];
    const judged = judgeTest({
      status: result.status,
      declared,
      enabledBy,
      // Merged shard reports hand attachments over as files, a live run as bodies.
      records: skipped ? [] : result.attachments
        .filter((a) => a.name === EVIDENCE_NAME && a.contentType === EVIDENCE_CONTENT_TYPE && (a.body || a.path))
        .map((a) => JSON.parse((a.body ?? readFileSync(a.path!)).toString('utf8')) as CheckRecord),
      // A skip reason or an error may quote a transport error or a status line: redacted like evidence.
      ...(skipped ? { skipReason: this.redact(skipReason ?? test.annotations.find((a) => a.type === 'skip' || a.type === 'fixme')?.description ?? 'skipped') } : {}),
      ...(errorLine ? { error: this.redact(errorLine) } : {}),
    });
    for (const j of judged) {
      const r = requirement(j.requirement);
      const correction = r.source.kind === 'correction' ? this.correctionAt(r.source.url) : undefined;
      const { requirement: id, verdict, forcedByMock, evidence, ...extra } = j;
      this.results.push({ ...base, requirement: id, level: r.level, summary: r.summary, source: { ...r.source, ...(correction ? { correction } : {}) }, verdict, forcedByMock, evidence, ...extra });
    }
  }

  onEnd(result: FullResult): void {
    if (result.status === 'interrupted') {
      for (const t of this.suite?.allTests() ?? []) {
        if (!this.ended.has(t.id)) this.record(t, { status: 'skipped', attachments: [] }, 'not run: the run was interrupted before this test started');
      }
    }
    const { settings } = this.plan();
    for (const api of settings.apis) this.contract(api);
    const results = this.results.sort((a, b) => a.api.localeCompare(b.api) || a.operationId.localeCompare(b.operationId) || a.requirement.localeCompare(b.requirement));
    const report: ConformanceReport = {
      schemaVersion: 1,
      tool: { name: 'auth-conformance', version: toolVersion() },
      run: {
        target: settings.target,
        startedAt: this.startedAt.toISOString(),
        durationMs: Date.now() - this.startedAt.getTime(),
        seed: settings.seed,
        gate: settings.gate,
        allowDestructive: settings.allowDestructive,
        ...(result.status === 'interrupted' ? { interrupted: true } : {}),
        gitCommit: gitCommit(),
        envFiles: settings.envFiles,
        apis: [...this.contracts.values()].map((c) => ({
          api: c.api,
          title: API_DEFINITIONS[c.api as ApiName].title,
          baseUrl: settings.target === 'live' ? this.redactUrl(baseUrl(c.api)) : null,
          contract: { file: c.file, version: c.version, sha256: c.sha256, ...this.schemaFilesOf(c.api as ApiName) },
        })),
      },
      summary: summarize(results, [...this.contracts.keys()]),
      gate: gate(results, settings.gate, settings.baseline, settings.baselineFile, new Date().toISOString().slice(0, 10)),
      findings: findings(results),
      results,
      coverage: coverage(this.contracts, results),
      cleanup: summarizeCleanup(this.cleanupRecords),
    };
    const dir = resolve(process.cwd(), settings.reportDir);
    mkdirSync(dir, { recursive: true });
    writeFileSync(resolve(dir, 'conformance.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(resolve(dir, 'junit.xml'), renderJunit(report));
    writeFileSync(resolve(dir, 'conformance.html'), renderHtml(report));
    // A run started by Playwright itself: its runner (this process) took the report folder's lock.
    unlockReportDir(dir);
  }

  private contract(api: ApiName): Contract {
    let c = this.contracts.get(api);
    if (!c) {
      c = loadContract(api, this.plan().contracts[api] ?? contractFile(api));
      // The report is still written (what the tests found), but the main command then gives no verdict.
      const planned = this.plan().contractFiles?.[api];
      const changed = planned && changedSincePlanned(c, planned);
      if (changed) noteContractChanged(inheritedRunDir(), changed);
      this.contracts.set(api, c);
    }
    return c;
  }

  /** The schema files the plan hashed for this API's contract (after the contract itself). */
  private schemaFilesOf(api: ApiName): { schemaFiles?: { file: string; sha256: string }[] } {
    const planned = this.plan().contractFiles?.[api];
    return planned ? { schemaFiles: planned.slice(1) } : {};
  }

  /**
   * The run's plan, read once the set-up has resolved it. Merging shard reports runs no set-up:
   * the plan is then resolved from the environment of the merge (CONFORMANCE_SEED as the shards had it).
   */
  private plan(): RunPlan {
    return (this.resolved ??= planOfThisRun() ?? resolvePlan(process.env, [], []));
  }

  /** The contract's note at (or nearest above) a `<contract file>#<json-pointer>` source, so the report carries the reason beside the requirement. */
  private correctionAt(url: string): Correction | undefined {
    const hash = url.indexOf('#');
    const contract = [...this.contracts.values()].find((c) => c.file === url.slice(0, hash));
    if (hash < 0 || !contract) return undefined;
    let keys: string[];
    try {
      keys = pointerKeys(url.slice(hash + 1), true);
    } catch {
      return undefined; // a malformed percent-escape names no place
    }
    for (let n = keys.length; n >= 0; n--) {
      const note = contract.corrections[keys.slice(0, n).map((k) => `/${pointerToken(k)}`).join('')];
      if (note) return note;
    }
    return undefined;
  }

  private redact(text: string): string {
    return new Redactor(secretValues()).text(text);
  }

  /** A base URL may carry credentials (https://user:password@host). */
  private redactUrl(url: string | undefined): string | null {
    return url ? new Redactor(secretValues()).url(url) : null;
  }
}

function toolVersion(): string {
  return (JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    return null;
  }
}

export const reportFileNames = { json: 'conformance.json', junit: 'junit.xml', html: 'conformance.html' } as const;

import type { Level, SourceKind } from '../../requirements/index.ts';
import type { Violation } from '../checks/types.ts';
import type { EvidenceExchange, Verdict } from '../evidence.ts';
import type { Correction } from '../contract/model.ts';

export type { Correction };
import type { BaselineEntry } from '../config/baseline.ts';

/** The shape of conformance.json. The HTML report and JUnit are rendered from it, nothing else. */
export interface ConformanceReport {
  schemaVersion: 1;
  tool: { name: 'auth-conformance'; version: string };
  run: RunInfo;
  summary: Summary;
  gate: GateOutcome;
  /** Failing and warning results grouped by distinct server behaviour (engine/reporter/findings.ts). */
  findings: Finding[];
  results: Result[];
  coverage: CoverageCell[];
  /** A live run's clean-up, checked: what it ended, and what still authenticated afterwards. */
  cleanup: CleanupSummary[];
}

/**
 * Where a requirement is written decides where its breach is shown: the vendor's document (and our
 * corrections of it) → "deviations from the vendor's document"; an RFC; best practice (ASVS, WSTG).
 */
export type FindingCategory = 'deviation' | 'rfc' | 'practice';

/** One distinct server behaviour that breaks a requirement, and every place it was seen. */
export interface Finding {
  /** Stable across runs for the same behaviour (a hash of api, requirement, check and what was received). */
  id: string;
  api: string;
  requirement: string;
  level: Level;
  verdict: 'fail' | 'warn';
  category: FindingCategory;
  summary: string;
  check: string;
  message: string;
  expected?: string;
  received?: string;
  seenIn: { api: string; operationId: string; test: string }[];
}

/** Per API and kind: the credentials clean-up ended, and how many of them still authenticated. */
export interface CleanupSummary {
  api: string;
  kind: 'session' | 'token';
  how: string;
  ended: number;
  stillWork: number;
  unknown: number;
  /** Said when some still work, e.g. "13 sessions still authenticate after logout: …". */
  statement?: string;
}

export interface RunInfo {
  target: 'mock' | 'live';
  startedAt: string;
  durationMs: number;
  seed: number;
  gate: 'must' | 'should' | 'none';
  allowDestructive: boolean;
  /** The run was stopped (a signal) before every test ran: the verdicts are incomplete and the gate is not judged. */
  interrupted?: boolean;
  gitCommit: string | null;
  envFiles: string[];
  apis: { api: string; title: string; baseUrl: string | null; contract: { file: string; version: string; sha256: string; schemaFiles?: { file: string; sha256: string }[] } }[];
}

export interface Counts {
  mustFailures: number;
  shouldWarnings: number;
  passes: number;
  skips: number;
  forcedByMock: number;
}

export interface Summary extends Counts {
  /** fail: a MUST failed; pass otherwise (warnings do not change it; the gate may). */
  verdict: 'pass' | 'fail';
  byApi: Record<string, Counts & { verdict: 'pass' | 'fail' }>;
}

export interface Result {
  api: string;
  operationId: string;
  method: string;
  path: string;
  test: { title: string; file: string; line: number };
  requirement: string;
  level: Level;
  summary: string;
  source: { kind: SourceKind; url: string; correction?: Correction };
  verdict: Verdict;
  forcedByMock: boolean;
  /** Why it was skipped, or why it failed without a check (an error). */
  reason?: string;
  /** For a skip: the variable(s) that would enable it. */
  enabledBy?: string[];
  evidence: { violations: Violation[]; exchanges: EvidenceExchange[] }[];
}


export type CoverageState = 'provoked' | 'forced-by-mock' | 'failed' | 'skipped' | 'not-exercised';

export interface CoverageCell {
  api: string;
  operationId: string;
  method: string;
  path: string;
  status: string;
  requirement: string;
  state: CoverageState;
  reason?: string;
  enabledBy?: string[];
}

/** The gate's outcome (engine/reporter/gate.ts), here with the rest of the report's shape so the two modules do not import each other. */
export interface GateOutcome {
  level: 'must' | 'should' | 'none';
  passed: boolean;
  baseline: string | null;
  /** Results that break the gate. */
  breaking: { requirement: string; test: string; verdict: 'fail' | 'warn'; expired?: string }[];
  /** Failures the baseline accepts. */
  known: { requirement: string; test: string; reason: string; expires?: string }[];
  /** Baseline entries that matched nothing that fails any more: remove them. */
  removable: BaselineEntry[];
}

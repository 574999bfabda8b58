import type { Level, RequirementId } from '../requirements/index.ts';
import type { Violation } from './checks/types.ts';
import type { Exchange } from './http/exchange.ts';

export type Verdict = 'pass' | 'fail' | 'warn' | 'skip';

/** An exchange as written into evidence: redacted, with a way to replay it. */
export interface EvidenceExchange extends Exchange {
  curl: string;
}

/** What one assertion found about one requirement; attached to the test, read by the reporter. */
export interface CheckRecord {
  requirement: RequirementId;
  level: Level;
  /** skip: the exchanges could not show it either way (`reason` says why). */
  verdict: Verdict;
  reason?: string;
  violations: Violation[];
  exchanges: EvidenceExchange[];
  forcedByMock: boolean;
}

export const EVIDENCE_CONTENT_TYPE = 'application/vnd.auth-conformance.check+json';
export const EVIDENCE_NAME = 'conformance-check';

import { VERDICT_RANK, type CheckRecord, type Verdict } from '../evidence.ts';
import type { Result } from './model.ts';

/** What the reporter knows of one finished test, with nothing of Playwright's types left. */
export interface TestOutcome {
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  /** The requirements the test names. */
  declared: readonly string[];
  /** What its assertions judged, in the order they judged it. */
  records: readonly CheckRecord[];
  /** Why it was skipped (already redacted); read for a skipped test only. */
  skipReason?: string;
  /** The first line of its error (already redacted); read for a test that did not pass only. */
  error?: string;
  /** For a skip: the variable(s) that would enable it. */
  enabledBy?: readonly string[];
}

/** One requirement's verdict in one test: a result before the test and the requirement are described. */
export type Judged = Pick<Result, 'requirement' | 'verdict' | 'forcedByMock' | 'evidence' | 'reason' | 'enabledBy'>;

const judged = (requirement: string, verdict: Verdict, reason?: string): Judged => ({ requirement, verdict, forcedByMock: false, evidence: [], ...(reason !== undefined ? { reason } : {}) });

/**
 * A test's verdict on each requirement it judged or names. Its check records decide (the worst
 * per requirement); a requirement it names without a record is what the test's end says of it:
 * skipped with the test, not judged when the run was interrupted or an earlier check failed, and
 * failed when the test crashed before checking it or never checked it at all.
 */
export function judgeTest(outcome: TestOutcome): Judged[] {
  const { status, declared } = outcome;
  if (status === 'skipped') {
    const enabledBy = outcome.enabledBy?.length ? { enabledBy: [...outcome.enabledBy] } : {};
    return declared.map((id) => ({ ...judged(id, 'skip', outcome.skipReason ?? 'skipped'), ...enabledBy }));
  }

  const byId = new Map<string, Judged>();
  for (const rec of outcome.records) {
    // A record that could not judge (skip) never outranks one that did; the first one's reason stays.
    const cur = byId.get(rec.requirement) ?? judged(rec.requirement, rec.verdict, rec.reason);
    if (VERDICT_RANK[rec.verdict] > VERDICT_RANK[cur.verdict]) {
      cur.verdict = rec.verdict;
      delete cur.reason;
    }
    cur.forcedByMock ||= rec.forcedByMock;
    cur.evidence.push({ violations: rec.violations, exchanges: rec.exchanges });
    byId.set(rec.requirement, cur);
  }
  const unrecorded = declared.filter((id) => !byId.has(id));

  if (status === 'interrupted') {
    // What was checked before the run was stopped stands; the rest was not judged, so it is no failure.
    for (const id of unrecorded) byId.set(id, judged(id, 'skip', 'not run to the end: the run was interrupted'));
    return [...byId.values()];
  }
  const failedTest = status !== 'passed';
  const failedCheck = [...byId.values()].some((r) => r.verdict === 'fail');
  // A test that failed with no failing check failed for a reason of its own (an error, a timeout).
  const error = failedTest && !failedCheck ? outcome.error ?? `test ${status}` : undefined;
  for (const id of unrecorded) {
    if (error !== undefined) byId.set(id, judged(id, 'fail', `the test failed before checking it: ${error}`));
    else if (failedTest) byId.set(id, judged(id, 'skip', 'not reached: an earlier check in this test failed'));
    else byId.set(id, judged(id, 'fail', 'the test names this requirement but never checked it (a suite defect)'));
  }
  const first = declared[0];
  if (error !== undefined && first !== undefined && declared.every((id) => byId.get(id)?.verdict !== 'fail')) {
    byId.set(first, { ...byId.get(first)!, verdict: 'fail', reason: `the test failed: ${error}` });
  }
  return [...byId.values()];
}

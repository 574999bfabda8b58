import type { BaselineEntry } from '../config/baseline.ts';
import type { GateOutcome, Result } from './model.ts';

export type { BaselineEntry };

const matches = (e: BaselineEntry, r: Result) => e.requirement === r.requirement && (e.api === undefined || e.api === r.api) && (e.test === undefined || e.test === r.test.title);

/**
 * The gate, from the results alone: which failures break the build, which the baseline accepts
 * (and until when), and which baseline entries are now fixed.
 */
export function gate(results: readonly Result[], level: GateOutcome['level'], baseline: readonly BaselineEntry[] | null, baselineName: string | null, today: string): GateOutcome {
  const counts = (r: Result) => r.verdict === 'fail' ? level !== 'none' : r.verdict === 'warn' ? level === 'should' : false;
  const breaking: GateOutcome['breaking'] = [];
  const known: GateOutcome['known'] = [];
  for (const r of results) {
    if (!counts(r)) continue;
    const entry = baseline?.find((e) => matches(e, r));
    const expired = entry?.expires !== undefined && entry.expires <= today;
    if (entry && !expired) known.push({ requirement: r.requirement, test: r.test.title, reason: entry.reason, ...(entry.expires ? { expires: entry.expires } : {}) });
    else breaking.push({ requirement: r.requirement, test: r.test.title, verdict: r.verdict as 'fail' | 'warn', ...(entry ? { expired: entry.expires! } : {}) });
  }
  const removable = (baseline ?? []).filter((e) => !results.some((r) => (r.verdict === 'fail' || r.verdict === 'warn') && matches(e, r)));
  return { level, passed: breaking.length === 0, baseline: baselineName, breaking, known, removable };
}

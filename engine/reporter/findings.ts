import { createHash } from 'node:crypto';
import type { SourceKind } from '../../requirements/index.ts';
import { VERDICT_RANK } from '../evidence.ts';
import type { Finding, FindingCategory, Result } from './model.ts';

/** Which part of the report a requirement's breach belongs to, by where the requirement is written. */
export function categoryOf(kind: SourceKind): FindingCategory {
  return kind === 'vendor' || kind === 'correction' ? 'deviation' : kind === 'rfc' ? 'rfc' : 'practice';
}

/**
 * Failing and warning results grouped into findings: one per distinct server behaviour, that is
 * per requirement, kind of violation and what was received, listing where it was seen. Thirteen
 * 401s without WWW-Authenticate are one finding, not thirteen results (nor twenty-six).
 */
export function findings(results: readonly Result[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const r of results) {
    if (r.verdict !== 'fail' && r.verdict !== 'warn') continue;
    const seen = { api: r.api, operationId: r.operationId, test: r.test.title };
    const violations = r.evidence.flatMap((ev) => ev.violations);
    // A result without a violation failed for a reason of its own (a test that crashed before checking).
    const behaviours = violations.length > 0
      ? violations.map((v) => ({ check: v.check, message: v.message, ...(v.expected !== undefined ? { expected: v.expected } : {}), ...(v.received !== undefined ? { received: v.received } : {}) }))
      : [{ check: 'test', message: r.reason ?? 'failed' }];
    for (const b of behaviours) {
      // Received says what the server did; where a check reports none, its message does.
      const what = 'received' in b ? `${b.check}\u0000${b.received}` : `${b.check}\u0000${b.message}`;
      const key = `${r.api}\u0000${r.requirement}\u0000${what}`;
      let f = byKey.get(key);
      if (!f) {
        f = {
          id: createHash('sha256').update(key).digest('hex').slice(0, 12),
          api: r.api,
          requirement: r.requirement,
          level: r.level,
          verdict: r.verdict,
          category: categoryOf(r.source.kind),
          summary: r.summary,
          ...b,
          seenIn: [],
        };
        byKey.set(key, f);
      }
      if (!f.seenIn.some((s) => s.operationId === seen.operationId && s.test === seen.test)) f.seenIn.push(seen);
    }
  }
  return [...byKey.values()].sort((a, b) => VERDICT_RANK[b.verdict] - VERDICT_RANK[a.verdict] || b.seenIn.length - a.seenIn.length || a.api.localeCompare(b.api) || a.requirement.localeCompare(b.requirement));
}

/** "5 problems in 30 results": the line the CLI and the report lead with. */
export function findingsLine(found: readonly Finding[], results: readonly Result[]): string {
  const breaking = results.filter((r) => r.verdict === 'fail' || r.verdict === 'warn').length;
  const must = found.filter((f) => f.verdict === 'fail').length;
  const should = found.length - must;
  if (found.length === 0) return 'no problems found';
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return `${n(found.length, 'problem', 'problems')} in ${n(breaking, 'result', 'results')} (${must} MUST, ${should} SHOULD)`;
}

import type { CleanupRecord } from '../annotations.ts';
import type { CleanupSummary } from './model.ts';

const NOUN = { session: ['session', 'sessions'], token: ['token', 'tokens'] } as const;

/**
 * What the run's clean-up achieved, from the records the fixtures left after trying each ended
 * credential once more. Promises nothing it has not seen: a credential that still authenticates is
 * counted and said, one the probe could not judge is counted as unknown.
 */
export function summarizeCleanup(records: readonly CleanupRecord[]): CleanupSummary[] {
  const groups = new Map<string, CleanupSummary>();
  for (const r of records) {
    const key = `${r.api}\u0000${r.kind}\u0000${r.how}`;
    const g = groups.get(key) ?? { api: r.api, kind: r.kind, how: r.how, ended: 0, stillWork: 0, unknown: 0 };
    g.ended++;
    if (r.stillWorks === true) g.stillWork++;
    else if (r.stillWorks === null) g.unknown++;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => a.api.localeCompare(b.api) || a.kind.localeCompare(b.kind) || a.how.localeCompare(b.how)).map((g) => {
    if (g.stillWork === 0) return g;
    const [one, many] = NOUN[g.kind];
    const what = `${g.stillWork} ${g.stillWork === 1 ? `${one} still authenticates` : `${many} still authenticate`} after ${g.how}`;
    const why = g.kind === 'session' ? `this server's ${g.how} does not end sessions` : `this server's ${g.how} does not revoke tokens`;
    return { ...g, statement: `${g.api}: ${what} (of ${g.ended} the run ended): ${why}; end them on the server` };
  });
}

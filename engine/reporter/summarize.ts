import type { ApiName } from '../config/apis.ts';
import type { Contract } from '../contract/model.ts';
import { isRequirementId, REQUIREMENTS } from '../../requirements/index.ts';
import type { Counts, CoverageCell, Result, Summary } from './model.ts';

const emptyCounts = (): Counts => ({ mustFailures: 0, shouldWarnings: 0, passes: 0, skips: 0, forcedByMock: 0 });

function add(c: Counts, r: Result): void {
  if (r.verdict === 'fail') c.mustFailures++;
  else if (r.verdict === 'warn') c.shouldWarnings++;
  else if (r.verdict === 'pass') c.passes++;
  else c.skips++;
  if (r.forcedByMock) c.forcedByMock++;
}

export function summarize(results: readonly Result[], apis: readonly string[]): Summary {
  const total = emptyCounts();
  const byApi: Summary['byApi'] = {};
  for (const api of apis) byApi[api] = { ...emptyCounts(), verdict: 'pass' };
  for (const r of results) {
    add(total, r);
    const a = (byApi[r.api] ??= { ...emptyCounts(), verdict: 'pass' });
    add(a, r);
    if (r.verdict === 'fail') a.verdict = 'fail';
  }
  return { ...total, verdict: total.mustFailures > 0 ? 'fail' : 'pass', byApi };
}

const STATE_RANK = { failed: 5, provoked: 4, 'forced-by-mock': 3, skipped: 2, 'not-exercised': 1 } as const;

/** Operations × documented statuses of each contract, and how the run exercised each. */
export function coverage(contracts: ReadonlyMap<ApiName, Contract>, results: readonly Result[]): CoverageCell[] {
  const cells: CoverageCell[] = [];
  for (const [api, contract] of contracts) {
    for (const op of Object.values(contract.operations)) {
      for (const status of Object.keys(op.responses)) {
        const requirement = `${api}:${op.operationId}#${status}`;
        const why = isRequirementId(requirement) ? REQUIREMENTS[requirement].notProvokable : undefined;
        const base: CoverageCell = { api, operationId: op.operationId, method: op.method, path: op.path, status, requirement, state: 'not-exercised', ...(why ? { reason: `not provokable: ${why}` } : {}) };
        let cell = base;
        for (const r of results.filter((x) => x.requirement === requirement)) {
          const state = r.verdict === 'fail' ? 'failed' : r.verdict === 'skip' ? 'skipped' : r.forcedByMock ? 'forced-by-mock' : 'provoked';
          if (STATE_RANK[state] > STATE_RANK[cell.state]) {
            // Built from the base: a reason belongs to the result that set the state, not to one it outranked.
            cell = { ...base, state, ...(r.reason ? { reason: r.reason } : {}), ...(r.enabledBy ? { enabledBy: r.enabledBy } : {}) };
          }
        }
        cells.push(cell);
      }
    }
  }
  return cells;
}

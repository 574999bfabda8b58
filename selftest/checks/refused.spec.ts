import { expect, test } from '@playwright/test';
import { evaluate } from '../../engine/checks/evaluate.ts';
import { refused } from '../../engine/checks/refused.ts';
import { loadContract } from '../../engine/contract/load.ts';
import type { Exchange } from '../../engine/http/exchange.ts';
import type { RequirementId } from '../../requirements/index.ts';

/**
 * `refused` on recorded answers: any 4xx is a refusal, nothing else is. Rows use Semaphore's
 * contract, whose listApiTokens names the behaviour a refusal proves (`x-refusal`) and documents no
 * status for it, and whose logout names none.
 */
const contract = loadContract('semaphore', 'contracts/semaphore.yaml');

function exchange(operationId: string, status: number | undefined): Exchange {
  const op = contract.operations[operationId]!;
  return {
    api: 'semaphore', operationId, pathTemplate: op.path, expectedStatus: '4XX', durationMs: 1,
    request: { method: op.method, url: `http://127.0.0.1:1/api${op.path}`, headers: {} },
    ...(status === undefined ? { error: 'timed out after 5000 ms' } : { response: { status, headers: {}, text: '', bytes: 0 } }),
  };
}

const ROWS: { name: string; status?: number; violations: number }[] = [
  { name: 'a 401 (a status the contract may document for it)', status: 401, violations: 0 },
  { name: 'a 403', status: 403, violations: 0 },
  { name: 'a 404 (any other 4xx)', status: 404, violations: 0 },
  { name: 'a 400', status: 400, violations: 0 },
  // The live target never hands a 429 to a request that does not name it: it waits it out, or the
  // target counts as rate-limiting the run and the test is skipped (engine/targets/live.ts).
  { name: 'a 429, as a check sees it', status: 429, violations: 0 },
  { name: 'a 200', status: 200, violations: 1 },
  { name: 'a 204', status: 204, violations: 1 },
  { name: 'a 302 (to a login page, say)', status: 302, violations: 1 },
  { name: 'a 500', status: 500, violations: 1 },
  { name: 'a 503', status: 503, violations: 1 },
  { name: 'no response at all', violations: 1 },
];

for (const operationId of ['listApiTokens', 'logout']) {
  const has = contract.operations[operationId]!.refusal ? 'with' : 'without';
  test.describe(`refused, on an operation ${has} x-refusal (${operationId})`, () => {
    for (const row of ROWS) {
      test(`${row.violations ? 'fails' : 'passes'} on ${row.name}`, () => {
        const found = refused(exchange(operationId, row.status));
        expect(found, JSON.stringify(found)).toHaveLength(row.violations);
        if (found.length > 0) expect(found[0]!.received).toBe(row.status === undefined ? 'no answer (timed out after 5000 ms)' : String(row.status));
      });
    }
  });
}

test('where the contract documents no refusal status, the judgement by status class agrees with refused on every row', () => {
  // engine/refusals.ts judges such a refusal as "any 4XX" for the x-refusal behaviour (expectRefused), and a documented one with refused.
  const because = contract.operations['listApiTokens']!.refusal as RequirementId;
  for (const row of ROWS) {
    const ex = exchange('listApiTokens', row.status);
    const outcome = evaluate(ex, contract, { because }).find((o) => o.requirement === because)!;
    expect({ row: row.name, byClass: outcome.violations.length > 0 }).toEqual({ row: row.name, byClass: refused(ex).length > 0 });
  }
});

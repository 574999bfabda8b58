import { statusMatches, type ExpectedStatus } from '../http/exchange.ts';
import { send } from '../http/send.ts';
import type { Target } from './target.ts';

/**
 * The Prism mock answers from the contract: it checks request shapes and credentials' presence,
 * but keeps no state and knows no passwords. When its own answer differs from the status a
 * scenario needs (a wrong password, a suspended account), the status is forced with
 * `Prefer: code=…` and the exchange is marked, so the report says "forced by mock". This is
 * the only place that knows the trick.
 */
export function mockTarget(baseUrl: string, timeoutMs: number): Target {
  return {
    kind: 'mock',
    stateful: false,
    baseUrl,
    down: () => undefined,
    async send(request, operation, expectedStatus) {
      const natural = await send(request, { timeoutMs });
      const code = documentedMember(expectedStatus, Object.keys(operation.responses));
      if (!natural.response || statusMatches(expectedStatus, natural.response.status) || code === undefined) return natural;
      const forced = await send({ ...request, headers: { ...request.headers, prefer: `code=${code}` } }, { timeoutMs });
      return { ...forced, forcedByMock: true };
    },
  };
}

/** The documented status the mock can be asked for, for a scenario that accepts `expected`. */
function documentedMember(expected: ExpectedStatus, documented: readonly string[]): number | undefined {
  return documented.filter((s) => /^\d{3}$/.test(s)).map(Number).find((s) => statusMatches(expected, s));
}

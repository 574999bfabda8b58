import type { Operation } from '../contract/model.ts';
import type { Exchange, ExpectedStatus, RecordedRequest } from '../http/exchange.ts';

export type Sent = Pick<Exchange, 'request' | 'response' | 'error' | 'durationMs' | 'forcedByMock'>;

/** Where requests go. Suites never branch on the kind except to skip what a target cannot show. */
export interface Target {
  kind: 'mock' | 'live';
  /** Whether the target keeps state (sessions, tokens), so effects of one request can be observed by the next. */
  stateful: boolean;
  baseUrl: string;
  send(request: RecordedRequest, operation: Operation, expectedStatus: ExpectedStatus): Promise<Sent>;
  /** Why no more requests should be sent (the target stopped answering), if so. */
  down(): string | undefined;
}

import type { Exchange } from '../http/exchange.ts';
import { violation, type Violation } from './types.ts';

/**
 * The request was refused, whatever the status: where the document requires what the request
 * lacks (a credential, a header) but names no status for its absence, any 4xx is a reading it allows.
 */
export function refused(ex: Exchange): Violation[] {
  const status = ex.response?.status;
  return status !== undefined && status >= 400 && status < 500 ? [] : [violation('request_refused', 'a request the document does not allow was not refused', {
    expected: 'a 4xx',
    received: status === undefined ? `no answer (${ex.error ?? 'none'})` : String(status),
  })];
}

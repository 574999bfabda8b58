import { probeHttp } from '../http/send.ts';

/**
 * Resolves to undefined when an HTTP server answers at the base URL (any status), else to the
 * reason. One GET of the base URL itself: a server that accepts connections but never answers, or
 * a TLS handshake with a plain-HTTP port, is found here in one timeout, before any test runs.
 */
export function probe(baseUrl: string, timeoutMs = 3000): Promise<string | undefined> {
  return probeHttp(baseUrl, timeoutMs);
}

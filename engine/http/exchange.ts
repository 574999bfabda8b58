/** One request and what came back, as recorded evidence. Bodies are kept as text (and base64 when binary). */

export type HeaderMap = Record<string, string>;

/** A status class, for scenarios where the vendor's document is silent on the exact status. */
export type StatusClass = '1XX' | '2XX' | '3XX' | '4XX' | '5XX';
/**
 * What a scenario accepts: the documented status, or (where the document names none) every status
 * a reasonable reading allows, as a list or a class.
 */
export type ExpectedStatus = number | readonly number[] | StatusClass;

export function statusMatches(expected: ExpectedStatus, status: number): boolean {
  if (typeof expected === 'number') return status === expected;
  if (typeof expected === 'string') return String(status)[0] === expected[0] && status >= 100 && status < 600;
  return expected.includes(status);
}

/** `401`, `400, 404 or 422`, `any 4XX`. */
export function describeExpected(expected: ExpectedStatus): string {
  if (typeof expected === 'number') return String(expected);
  if (typeof expected === 'string') return `any ${expected}`;
  return expected.length === 1 ? String(expected[0]) : `${expected.slice(0, -1).join(', ')} or ${expected.at(-1)}`;
}
/** Response headers as received; `set-cookie` keeps one entry per header line. */
export type ResponseHeaders = Record<string, string | string[]>;

export interface RecordedRequest {
  method: string;
  url: string;
  headers: HeaderMap;
  body?: string;
  /** In evidence: the body was cut (see forEvidence). */
  truncated?: boolean;
}

export interface RecordedResponse {
  status: number;
  headers: ResponseHeaders;
  /** The body decoded as UTF-8 ('' when empty). */
  text: string;
  /** The raw body, base64; present only when the body is not valid UTF-8 text. */
  base64?: string;
  /** Number of body bytes received. */
  bytes: number;
  /** In evidence: `text` (or `base64`) holds only the start of the body (see forEvidence). */
  truncated?: boolean;
}

export interface Exchange {
  api: string;
  operationId: string;
  /** The operation's path template from the contract, e.g. /users/me/sessions/{sessionId}. */
  pathTemplate: string;
  request: RecordedRequest;
  /** Absent when the request failed at the transport level (refused, timed out, reset). */
  response?: RecordedResponse;
  /** Transport failure, in one line. */
  error?: string;
  /** The mock was made to answer this status with `Prefer: code=…`: it proves the contract, not a server. */
  forcedByMock?: boolean;
  /** What the scenario expects; the checks judge the response against it. */
  expectedStatus: ExpectedStatus;
  durationMs: number;
}

export function header(res: RecordedResponse, name: string): string | undefined {
  const v = res.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
}

export function headerLines(res: RecordedResponse, name: string): string[] {
  const v = res.headers[name.toLowerCase()];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** The body parsed as JSON, or undefined when it is not JSON. */
export function jsonBody(res: RecordedResponse): { ok: true; value: unknown } | { ok: false } {
  if (res.text.trim() === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(res.text) };
  } catch {
    return { ok: false };
  }
}

export function bodyBytes(res: RecordedResponse): Buffer {
  return res.base64 !== undefined ? Buffer.from(res.base64, 'base64') : Buffer.from(res.text, 'utf8');
}

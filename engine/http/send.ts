import pactum from 'pactum';
import type { Exchange, HeaderMap, RecordedRequest, RecordedResponse, ResponseHeaders } from './exchange.ts';

// pactum prints requests and transport errors by itself; evidence is recorded (and redacted) by us instead.
pactum.settings.setLogLevel('SILENT');

export interface SendOptions {
  timeoutMs: number;
}

type Sent = Pick<Exchange, 'request' | 'response' | 'error' | 'durationMs'>;

/**
 * Sends one request exactly as given: no cookie jar, no redirect following, no throwing on status.
 * A transport failure is returned as `error`, never thrown.
 */
export async function send(request: RecordedRequest, { timeoutMs }: SendOptions): Promise<Sent> {
  const started = performance.now();
  const spec = pactum.spec()
    .withMethod(request.method as 'GET')
    .withPath(request.url)
    .withHeaders(request.headers)
    .withRequestTimeout(timeoutMs)
    .withFollowRedirects(false);
  if (request.body !== undefined) spec.withBody(request.body);
  // pactum's timeout only notices a silent socket; a server that trickles bytes is cut off by this
  // deadline instead. (pactum copies its options, so an AbortSignal cannot be handed through; the
  // abandoned request ends with the worker.)
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError()), timeoutMs);
  });
  try {
    const res = (await Promise.race([spec.toss(), deadline])) as unknown as PactumResponse;
    return { request, response: toRecorded(res), durationMs: performance.now() - started };
  } catch (err) {
    return { request, error: transportError(err, timeoutMs), durationMs: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

class DeadlineError extends Error {
  override name = 'DeadlineError';
}

interface PactumResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  buffer?: Buffer;
}

function toRecorded(res: PactumResponse): RecordedResponse {
  const headers: ResponseHeaders = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k.toLowerCase()] = v;
  const buf = Buffer.isBuffer(res.buffer) ? res.buffer : Buffer.alloc(0);
  const text = buf.toString('utf8');
  const isText = Buffer.from(text, 'utf8').equals(buf);
  return {
    status: res.statusCode,
    headers,
    text: isText ? text : '',
    ...(isText ? {} : { base64: buf.toString('base64') }),
    bytes: buf.length,
  };
}

function transportError(err: unknown, timeoutMs: number): string {
  const e = err as { code?: string; message?: string };
  const text = `${e.code ?? ''} ${e.message ?? String(err)}`;
  if (err instanceof DeadlineError || /^(ETIMEDOUT|ESOCKETTIMEDOUT) |Timeout reached/.test(text)) return `${NO_ANSWER} within ${timeoutMs} ms`;
  if (/longer than acceptable/.test(text)) return 'the body exceeded 50 MB and was not read further';
  if (/HPE_|Parse Error/i.test(text)) return `the response is not valid HTTP (${e.code ?? 'parse error'})`;
  if (/ECONNREFUSED/.test(text)) return 'connection refused';
  if (/ECONNRESET|socket hang up/i.test(text)) return 'connection reset before a complete response';
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) return 'host name does not resolve';
  return (e.message ?? String(err)).split('\n')[0]!;
}

export const NO_ANSWER = 'no complete response';

export function mergeHeaders(...maps: (HeaderMap | undefined)[]): HeaderMap {
  return Object.assign({}, ...maps.filter(Boolean));
}

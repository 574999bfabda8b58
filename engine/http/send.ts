import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Exchange, HeaderMap, RecordedRequest, RecordedResponse, ResponseHeaders } from './exchange.ts';

export interface SendOptions {
  timeoutMs: number;
  /** Body bytes read at most; a longer body ends the exchange with an error (default MAX_BODY_BYTES). */
  maxBodyBytes?: number;
}

type Sent = Pick<Exchange, 'request' | 'response' | 'error' | 'durationMs'>;

/**
 * No authentication API answers with more than this; a server that sends more is cut off here, so
 * a hostile body costs neither memory nor time (the checks then judge the error, not the body).
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Sends one request exactly as given: no cookie jar, no redirect following, no decompression, no
 * throwing on status. A transport failure is returned as `error`, never thrown. node:http directly,
 * because the exchange must really end at its deadline (socket destroyed, download abandoned) and
 * stop reading at a byte cap, which no client we tried (pactum, fetch) lets us do.
 */
export async function send(request: RecordedRequest, { timeoutMs, maxBodyBytes = MAX_BODY_BYTES }: SendOptions): Promise<Sent> {
  const started = performance.now();
  const outcome = await exchangeOnce(request, timeoutMs, maxBodyBytes, false);
  return { request, ...outcome, durationMs: performance.now() - started };
}

/**
 * Whether an HTTP server answers at the URL at all: any status line counts, the body is not read.
 * Resolves to undefined when one does, else to the reason, in words a user can act on.
 */
export async function probeHttp(url: string, timeoutMs: number): Promise<string | undefined> {
  const outcome = await exchangeOnce({ method: 'GET', url, headers: {} }, timeoutMs, 0, true);
  if (outcome.response) return undefined;
  const e = outcome.error ?? 'no answer';
  if (e.startsWith(TLS_FAILED)) return `${e}: is it an http port? try http://`;
  if (e.startsWith(NO_ANSWER)) return `it accepts connections but sent no HTTP answer within ${timeoutMs} ms`;
  if (e.startsWith(RESET) && url.startsWith('http:')) return `${e}: is it an https port? try https://`;
  return e;
}

type Outcome = { response: RecordedResponse; error?: undefined } | { error: string; response?: undefined };

function exchangeOnce(request: RecordedRequest, timeoutMs: number, maxBodyBytes: number, headOnly: boolean): Promise<Outcome> {
  return new Promise<Outcome>((done) => {
    let settled = false;
    let req: ReturnType<typeof httpRequest> | undefined;
    const finish = (o: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Destroying the request ends the socket: nothing keeps downloading after the verdict.
      req?.destroy();
      done(o);
    };
    const timer = setTimeout(() => finish({ error: `${NO_ANSWER} within ${timeoutMs} ms` }), timeoutMs);
    try {
      const url = new URL(request.url);
      const body = request.body !== undefined ? Buffer.from(request.body, 'utf8') : undefined;
      const headers: Record<string, string> = { ...request.headers };
      if (body && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) headers['content-length'] = String(body.length);
      req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method: request.method, headers });
      req.on('error', (err) => finish({ error: transportError(err) }));
      req.on('response', (res: IncomingMessage) => {
        if (headOnly) return finish({ response: toRecorded(res.statusCode ?? 0, res.headers, Buffer.alloc(0)) });
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > maxBodyBytes) return finish({ error: `${TOO_LONG} (more than ${formatBytes(maxBodyBytes)}) and was not read further` });
          chunks.push(chunk);
        });
        res.on('end', () => finish({ response: toRecorded(res.statusCode ?? 0, res.headers, Buffer.concat(chunks)) }));
        res.on('error', (err) => finish({ error: transportError(err) }));
        res.on('close', () => finish({ error: `${RESET} before a complete response` }));
      });
      req.end(body);
    } catch (err) {
      // An invalid URL or header value: node refuses it before anything is sent.
      finish({ error: transportError(err) });
    }
  });
}

function toRecorded(status: number, raw: IncomingHttpHeaders, buf: Buffer): RecordedResponse {
  const headers: ResponseHeaders = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) headers[k.toLowerCase()] = v;
  const text = buf.toString('utf8');
  const isText = Buffer.from(text, 'utf8').equals(buf);
  return {
    status,
    headers,
    text: isText ? text : '',
    ...(isText ? {} : { base64: buf.toString('base64') }),
    bytes: buf.length,
  };
}

function formatBytes(n: number): string {
  return n >= 2 ** 20 ? `${n / 2 ** 20} MiB` : `${n} bytes`;
}

export const NO_ANSWER = 'no complete response';
const TOO_LONG = 'the body was too long';
const RESET = 'connection reset';
const REFUSED = 'connection refused';
const UNRESOLVED = 'host name does not resolve';
const TLS_FAILED = 'TLS handshake failed';

/**
 * Transport errors that say nothing about the server's HTTP but that it cannot be reached: enough
 * of them in a row and the target counts as down. A reset or a malformed answer is the server's
 * own behaviour, judged by the checks, and does not count.
 */
export function isUnreachable(error: string | undefined): boolean {
  return error !== undefined && [NO_ANSWER, REFUSED, UNRESOLVED, TLS_FAILED, 'TLS certificate'].some((p) => error.startsWith(p));
}

function transportError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  const text = `${code} ${e.message ?? String(err)}`;
  if (/^HPE_|Parse Error/i.test(text)) return `the response is not valid HTTP (${e.code ?? 'parse error'})`;
  if (code === 'ECONNREFUSED') return REFUSED;
  if (/ECONNRESET|socket hang up|aborted/i.test(text)) return `${RESET} before a complete response`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return UNRESOLVED;
  if (/CERT|UNABLE_TO_VERIFY|SELF_SIGNED|ERR_TLS_CERT/.test(code)) return `TLS certificate not accepted (${code})`;
  if (code === 'EPROTO' || /^ERR_SSL|SSL routines|wrong version number/i.test(text)) return `${TLS_FAILED} (${code || 'protocol error'})`;
  if (code === 'ERR_INVALID_CHAR' || code === 'ERR_INVALID_HTTP_TOKEN') return `the request was not sent: ${code}`;
  return (e.message ?? String(err)).split('\n')[0]!;
}

export function mergeHeaders(...maps: (HeaderMap | undefined)[]): HeaderMap {
  return Object.assign({}, ...maps.filter(Boolean));
}

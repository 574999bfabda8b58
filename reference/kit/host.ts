import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiName, Handler, ReferenceApi } from './types.ts';

/** One request a reference server saw, and what it answered. */
export interface Recording {
  api: ApiName;
  instance: string;
  at: number;
  method: string;
  path: string;
  requestHeaders: Record<string, string | string[] | undefined>;
  status: number;
  responseHeaders: Record<string, unknown>;
  body: string;
}

/**
 * Serves every reference API, with every fault, from one loopback port. A run picks its server by
 * the base URL: `/<api>/<faults>[~<instance>]/<basePath>`, where `<faults>` is `ok` or fault and
 * variant names joined with `+`, and `~<instance>` names a separate server with the same faults (each instance
 * has its own fresh state, so tests that change state never share one). The instance `throttle`
 * answers every fourth of its first 40 requests with 429 and Retry-After: 1, like a rate-limited
 * staging server (ten waits show the behaviour; one every four requests made its run a minute).
 */
export interface ReferenceHost {
  origin: string;
  baseUrl(api: ApiName, faults?: string, instance?: string): string;
  /** Everything the servers saw, in order. */
  recordings(): readonly Recording[];
  close(): Promise<void>;
}

export async function startReferenceHost(apis: readonly ReferenceApi[]): Promise<ReferenceHost> {
  const byName = new Map(apis.map((a) => [a.api, a]));
  const instances = new Map<string, Handler>();
  const recordings: Recording[] = [];
  const counts = new Map<string, number>();

  const server: Server = createServer((req, res) => {
    const m = /^\/([a-z][a-z0-9]*)\/([a-z0-9+-]+)(?:~([a-z0-9-]+))?(\/.*)?$/.exec(req.url ?? '');
    const api = m && byName.get(m[1] as ApiName);
    if (!m || !api) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no reference API here\n');
      return;
    }
    const faults = m[2] === 'ok' ? [] : m[2]!.split('+');
    const unknown = faults.find((f) => !(f in api.faults) && !(f in api.variants));
    if (unknown) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`unknown fault or variant ${unknown}\n`);
      return;
    }
    const key = `${api.api}/${m[2]}~${m[3] ?? ''}`;
    let handler = instances.get(key);
    if (!handler) {
      handler = api.create(new Set(faults));
      instances.set(key, handler);
    }
    const rec = record(recordings, api.api, key, req, res);
    req.url = m[4] ?? '/';
    rec.path = req.url;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (m[3] === 'throttle' && n % 4 === 0 && n <= 40) {
      res.writeHead(429, { 'Retry-After': '1', 'Content-Type': 'application/json' }).end('{"message":"slow down"}');
      return;
    }
    Promise.resolve(handler(req, res)).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`reference server error: ${(err as Error).message}\n`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: (api, faults = 'ok', instance) => `${origin}/${api}/${faults}${instance ? `~${instance}` : ''}${byName.get(api)?.basePath ?? ''}`,
    recordings: () => recordings,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Wraps the response so that what the server answers is kept beside what it was asked. */
function record(into: Recording[], api: ApiName, instance: string, req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): Recording {
  const rec: Recording = { api, instance, at: Date.now(), method: req.method ?? '', path: req.url ?? '', requestHeaders: { ...req.headers }, status: 0, responseHeaders: {}, body: '' };
  into.push(rec);
  const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => typeof res;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    rec.status = status;
    const headers = rest.find((x) => x && typeof x === 'object' && !Array.isArray(x)) as Record<string, unknown> | undefined;
    rec.responseHeaders = { ...rec.responseHeaders, ...Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])) };
    return writeHead(status, ...rest);
  }) as typeof res.writeHead;
  const end = res.end.bind(res) as (...a: unknown[]) => typeof res;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) rec.body += chunk.toString();
    rec.status ||= res.statusCode;
    rec.responseHeaders = { ...Object.fromEntries(Object.entries(res.getHeaders()).map(([k, v]) => [k.toLowerCase(), v])), ...rec.responseHeaders };
    return end(chunk, ...rest);
  }) as typeof res.end;
  return rec;
}

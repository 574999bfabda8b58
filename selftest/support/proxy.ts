import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What passed through the proxy: the request as the run sent it (body included), and the answer it got. */
export interface Passed {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

export interface ProxyResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

/** Hooks that may rewrite the request before it goes upstream, and the answer before it goes back. */
export interface ProxyHooks {
  request?(r: { method: string; path: string; headers: Record<string, string | string[]>; body: string }): void;
  response?(req: Passed, res: ProxyResponse): void;
}

export interface Proxy {
  /** The proxy's origin; a path under it goes to the same path under the upstream origin. */
  origin: string;
  passed: Passed[];
  close(): Promise<void>;
}

const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host', 'upgrade']);

/** A recording, optionally rewriting HTTP proxy in front of a loopback server (the reference host). */
export async function startProxy(upstream: string, hooks: ProxyHooks = {}): Promise<Proxy> {
  const up = new URL(upstream);
  const passed: Passed[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const out = { method: req.method ?? 'GET', path: req.url ?? '/', headers: strip(req.headers), body: Buffer.concat(chunks).toString('utf8') };
      const rec: Passed = { method: out.method, path: out.path, headers: { ...req.headers }, body: out.body, status: 0 };
      passed.push(rec);
      hooks.request?.(out);
      const body = Buffer.from(out.body, 'utf8');
      const upReq = request({ host: up.hostname, port: up.port, method: out.method, path: out.path, headers: { ...out.headers, ...(chunks.length || body.length ? { 'content-length': String(body.length) } : {}) } }, (upRes) => {
        const back: Buffer[] = [];
        upRes.on('data', (c: Buffer) => back.push(c));
        upRes.on('end', () => {
          const answer: ProxyResponse = { status: upRes.statusCode ?? 502, headers: strip(upRes.headers), body: Buffer.concat(back).toString('utf8') };
          rec.status = answer.status;
          hooks.response?.(rec, answer);
          const bytes = Buffer.from(answer.body, 'utf8');
          res.writeHead(answer.status, { ...answer.headers, 'content-length': String(bytes.length) }).end(bytes);
        });
      });
      upReq.on('error', (err) => res.writeHead(502, { 'content-type': 'text/plain' }).end(`proxy: ${err.message}\n`));
      upReq.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    passed,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

function strip(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !HOP.has(k)) out[k] = v;
  return out;
}

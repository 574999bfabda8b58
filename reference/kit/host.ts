import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiName, Handler, ReferenceApi } from './types.ts';

/**
 * Serves every reference API, with every fault, from one loopback port. A run picks its server
 * by the base URL: `/<api>/<fault or ok>/<basePath>`; several faults at once join with `+`. Each (api, fault) pair gets its own fresh
 * state the first time it is addressed, so runs against different faults never share sessions.
 */
export interface ReferenceHost {
  origin: string;
  /** Base URL of `api` with `fault` switched on ('ok': no fault; 'a+b': both). */
  baseUrl(api: ApiName, fault?: string): string;
  close(): Promise<void>;
}

export async function startReferenceHost(apis: readonly ReferenceApi[]): Promise<ReferenceHost> {
  const byName = new Map(apis.map((a) => [a.api, a]));
  const instances = new Map<string, Handler>();

  const server: Server = createServer((req, res) => {
    const m = /^\/([a-z]+)\/([a-z0-9+-]+)(\/.*)?$/.exec(req.url ?? '');
    const api = m && byName.get(m[1] as ApiName);
    if (!m || !api) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no reference API here\n');
      return;
    }
    const fault = m[2]!;
    const faults = fault === 'ok' ? [] : fault.split('+');
    const unknown = faults.find((f) => !(f in api.faults));
    if (unknown) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`unknown fault ${unknown}\n`);
      return;
    }
    const key = `${api.api}/${fault}`;
    let handler = instances.get(key);
    if (!handler) {
      handler = api.create(new Set(faults));
      instances.set(key, handler);
    }
    req.url = m[3] ?? '/';
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
    baseUrl: (api, fault = 'ok') => `${origin}/${api}/${fault}${byName.get(api)?.basePath ?? ''}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

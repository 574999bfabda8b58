import { createServer, type Server, type Socket } from 'node:net';

/**
 * A server that breaks HTTP the ways real servers (and proxies in front of them) do. It speaks
 * raw TCP so it can send what no HTTP library would. The behaviour is the first path segment:
 * `http://127.0.0.1:<port>/<behaviour>/api/v3/...`.
 */
export const BEHAVIOURS = ['silent', 'trickle', 'reset', 'not-json', 'huge', 'redirect-loop', 'bad-header', 'bad-status'] as const;
/**
 * More ways, each the subject of its own self-test: `endless` streams a chunked body for ever,
 * `big-json` answers every request with a valid JSON body of 0.9 MB (under the engine's read
 * cap) or as many MB as `baseUrl('big-json', '16')` says, `throttle` answers 429 with
 * `Retry-After: 30` (or as many seconds as the argument says), `not-here`
 * answers 404 to everything (a base URL with a wrong path), `dies` answers 404 to the first two
 * requests and then stops listening (give it a server of its own), `silent-after` answers 404 to the first
 * request (the reachability probe) and nothing after.
 */
export const MORE_BEHAVIOURS = ['endless', 'big-json', 'throttle', 'not-here', 'dies', 'silent-after', 'server-error'] as const;
export type Behaviour = (typeof BEHAVIOURS)[number] | (typeof MORE_BEHAVIOURS)[number];

export interface HostileServer {
  /** The base URL of one behaviour, with its argument if it takes one. */
  baseUrl(b: Behaviour, arg?: string): string;
  close(): Promise<void>;
}

export async function startHostile(): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const counts = new Map<string, number>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let head = '';
    socket.on('data', (chunk) => {
      if (head.includes('\r\n\r\n')) return;
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      const path = head.split(' ')[1] ?? '/';
      const [b, arg] = (path.split('/')[1] ?? '').split('~') as [Behaviour, string | undefined];
      const n = (counts.get(b) ?? 0) + 1;
      counts.set(b, n);
      if (b === 'dies' && n > 2) {
        // The server process is gone: this connection and every later one is refused.
        socket.resetAndDestroy();
        for (const s of sockets) s.destroy();
        server.close();
        return;
      }
      if (b === 'silent-after' && n > 1) return;
      respond(b, arg, path, socket, timers);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    baseUrl: (b, arg) => `http://127.0.0.1:${port}/${b}${arg ? `~${arg}` : ''}/api/v3`,
    close: () => new Promise<void>((r) => {
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
      server.close(() => r());
    }),
  };
}

function respond(b: Behaviour, arg: string | undefined, path: string, s: Socket, timers: Set<NodeJS.Timeout>): void {
  const write = (text: string) => s.write(text, 'latin1');
  switch (b) {
    case 'silent':
      return; // holds the connection, says nothing
    case 'trickle': {
      write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n[');
      const t = setInterval(() => write(' '), 200);
      timers.add(t);
      s.on('close', () => clearInterval(t));
      return;
    }
    case 'reset':
      write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n[{"id":');
      setTimeout(() => s.resetAndDestroy(), 20);
      return;
    case 'not-json':
      write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 19\r\nConnection: close\r\n\r\n<html>oops</html>\r\n');
      s.end();
      return;
    case 'huge': {
      const size = 60 * 1024 * 1024;
      write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\nConnection: close\r\n\r\n`);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < size && !s.destroyed) {
          sent += chunk.length;
          if (!s.write(chunk)) return void s.once('drain', pump);
        }
        s.end();
      };
      pump();
      return;
    }
    case 'redirect-loop':
      write(`HTTP/1.1 302 Found\r\nLocation: ${path}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      s.end();
      return;
    case 'bad-header':
      write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Broken\x00: \x01\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]');
      s.end();
      return;
    case 'bad-status':
      write('HTTP/1.1 TWO-HUNDRED Okay-ish\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]');
      s.end();
      return;
    case 'endless': {
      write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
      const pump = () => {
        while (!s.destroyed) if (!s.write(frame)) return void s.once('drain', pump);
      };
      pump();
      return;
    }
    case 'big-json': {
      const mb = Number(arg ?? '0.9');
      const item = JSON.stringify({ id: '00000000-0000-4000-8000-000000000000', name: 'x'.repeat(200) });
      const count = Math.max(1, Math.floor((mb * 2 ** 20) / (item.length + 1)));
      const body = `[${Array.from({ length: count }, () => item).join(',')}]`;
      write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`);
      s.end(body);
      return;
    }
    case 'server-error':
      write('HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: 6\r\nConnection: close\r\n\r\noops\r\n');
      s.end();
      return;
    case 'throttle': {
      const secs = arg ?? '30';
      write(`HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${secs}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
      s.end();
      return;
    }
    case 'not-here':
    case 'dies':
    case 'silent-after':
    default:
      write('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      s.end();
  }
}

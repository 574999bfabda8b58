import { createServer, type Server, type Socket } from 'node:net';

/**
 * A server that breaks HTTP the ways real servers (and proxies in front of them) do. It speaks
 * raw TCP so it can send what no HTTP library would. The behaviour is the first path segment:
 * `http://127.0.0.1:<port>/<behaviour>/api/v3/...`.
 */
export const BEHAVIOURS = ['silent', 'trickle', 'reset', 'not-json', 'huge', 'redirect-loop', 'bad-header', 'bad-status'] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

export interface HostileServer {
  baseUrl(b: Behaviour): string;
  close(): Promise<void>;
}

export async function startHostile(): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
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
      respond(path.split('/')[1] as Behaviour, path, socket, timers);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    baseUrl: (b) => `http://127.0.0.1:${port}/${b}/api/v3`,
    close: () => new Promise<void>((r) => {
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
      server.close(() => r());
    }),
  };
}

function respond(b: Behaviour, path: string, s: Socket, timers: Set<NodeJS.Timeout>): void {
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
    default:
      write('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      s.end();
  }
}

import { connect } from 'node:net';

/** Resolves to undefined when a TCP connection to the URL's host and port opens, else to the reason. */
export function probe(baseUrl: string, timeoutMs = 3000): Promise<string | undefined> {
  const url = new URL(baseUrl);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return new Promise((done) => {
    const socket = connect({ host: url.hostname, port });
    const finish = (reason?: string) => {
      socket.destroy();
      done(reason);
    };
    socket.setTimeout(timeoutMs, () => finish(`no connection within ${timeoutMs / 1000} s`));
    socket.once('connect', () => finish());
    socket.once('error', (err: NodeJS.ErrnoException) => finish(err.code === 'ECONNREFUSED' ? 'connection refused' : err.code === 'ENOTFOUND' ? 'host name does not resolve' : err.code ?? err.message));
  });
}

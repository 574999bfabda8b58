import { Agent, request as httpRequest } from 'node:http';
import type { ReplayRequest } from './recording.ts';

/**
 * The floor: the run's HTTP exchanges sent again, one at a time (as a worker sends them), by a bare
 * loop over node:http with a keep-alive agent, with no checks, no evidence and no test runner.
 * Every response body is read to its end.
 */
export async function replayBare(requests: readonly ReplayRequest[]): Promise<{ ms: number; statuses: number[]; errors: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const statuses: number[] = [];
  let errors = 0;
  const started = performance.now();
  for (const r of requests) {
    const status = await new Promise<number>((resolve) => {
      const req = httpRequest(r.url, { method: r.method, headers: r.headers, agent }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      });
      req.on('error', () => resolve(0));
      req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
      req.end(r.body);
    });
    if (status === 0) errors++;
    statuses.push(status);
  }
  const ms = performance.now() - started;
  agent.destroy();
  return { ms, statuses, errors };
}

/** The same loop through the engine's own client (engine/http/send.ts), still with no checks. */
export async function replayEngineSend(requests: readonly ReplayRequest[]): Promise<{ ms: number; errors: number }> {
  const { send } = await import('../engine/http/send.ts');
  let errors = 0;
  const started = performance.now();
  for (const r of requests) {
    const sent = await send({ method: r.method, url: r.url, headers: r.headers, ...(r.body !== undefined ? { body: r.body } : {}) }, { timeoutMs: 10_000 });
    if (!sent.response) errors++;
  }
  return { ms: performance.now() - started, errors };
}

import { resolve } from 'node:path';
import type { ApiName } from '../config/apis.ts';
import { PROJECT_ROOT } from '../root.ts';
import { checkedContractFiles } from '../contract/preflight.ts';

export interface RunningMock {
  api: ApiName;
  url: string;
  close(): Promise<void>;
}

/**
 * Starts Prism in this process, one listener per contract on a free loopback port. The first
 * start pays for loading Prism's modules (about 1.5 s); each further one takes milliseconds.
 */
export async function startMocks(contracts: readonly { api: ApiName; file: string }[]): Promise<RunningMock[]> {
  const [{ getHttpOperationsFromSpec }, { createServer }, { default: pino }] = await Promise.all([
    import('@stoplight/prism-http'),
    import('@stoplight/prism-http-server'),
    import('pino'),
  ]);
  // Prism logs with two custom levels; a silent pino without them crashes on the first request.
  const logger = pino({ level: 'silent', customLevels: { success: 31, start: 32 } });
  return Promise.all(contracts.map(async ({ api, file }) => {
    // Prism reads whatever it is given, without limits, and follows $refs anywhere, the network included.
    checkedContractFiles(file);
    const operations = await getHttpOperationsFromSpec(resolve(PROJECT_ROOT, file));
    const server = createServer(operations, {
      cors: false,
      components: { logger },
      config: { validateRequest: true, validateResponse: false, checkSecurity: true, errors: false, upstreamProxy: undefined, mock: { dynamic: false }, isProxy: false },
    });
    const url = await server.listen(0, '127.0.0.1');
    return { api, url, close: () => server.close() };
  }));
}

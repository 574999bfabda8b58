import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiName } from '../config/apis.ts';
import { startMocks } from './prism.ts';

/**
 * How the mocks' addresses reach the workers without the run waiting for Prism, whose loading takes
 * ~1.7 s. The main command starts Prism before it starts Playwright (a bare `npx playwright test`:
 * the global set-up does), Playwright starts its runner and workers meanwhile, and each worker waits
 * for the addresses before its first test, in a file of the run's folder (config/plan.ts: mocksFile).
 */
type Handoff = { urls: Partial<Record<ApiName, string>> } | { error: string };

export interface BackgroundMocks {
  /** Stops the mocks; says what kept them from starting, if anything did. */
  close(): Promise<Error | undefined>;
}

/** Starts a mock of each API's contract in this process, and publishes their addresses in `handoff` when they listen. */
export function startMocksInBackground(contracts: Readonly<Record<ApiName, string>>, handoff: string): BackgroundMocks {
  const starting = startMocks(Object.entries(contracts).map(([api, file]) => ({ api, file })));
  const settled = starting.then(
    (mocks) => {
      publish(handoff, { urls: Object.fromEntries(mocks.map((m) => [m.api, m.url])) });
      return mocks;
    },
    (err: unknown) => {
      const error = err instanceof Error ? err : new Error(String(err));
      publish(handoff, { error: error.message });
      return error;
    },
  );
  return {
    async close() {
      const mocks = await settled;
      if (mocks instanceof Error) return mocks;
      await Promise.all(mocks.map((m) => m.close()));
      return undefined;
    },
  };
}

function publish(file: string, handoff: Handoff): void {
  // Renamed into place, so a worker never reads half of it.
  writeFileSync(`${file}.tmp`, JSON.stringify(handoff));
  renameSync(`${file}.tmp`, file);
}

/** The mocks' addresses, once the set-up has published them; throws what stopped them from starting. */
export async function awaitMocks(file: string, timeoutMs = 60_000): Promise<Partial<Record<ApiName, string>>> {
  const until = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > until) throw new Error(`the mocks did not start within ${timeoutMs / 1000} s`);
    await sleep(10);
  }
  const handoff = JSON.parse(readFileSync(file, 'utf8')) as Handoff;
  if ('error' in handoff) throw new Error(`the mocks did not start: ${handoff.error}`);
  return handoff.urls;
}

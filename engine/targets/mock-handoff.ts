import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { contractFile, type ApiName } from '../config/apis.ts';
import { startMocks } from './prism.ts';

/**
 * How the mocks' addresses reach the workers without the run waiting for Prism, whose loading takes
 * ~1.7 s. The main command starts Prism before it starts Playwright (a bare `npx playwright test`:
 * the global set-up does), Playwright starts its runner and workers meanwhile, and each worker waits
 * here for the addresses before its first test. The file is named by an environment variable,
 * which Playwright's processes inherit.
 */
export const MOCKS_FILE_VARIABLE = 'CONFORMANCE_MOCKS_FILE';

type Handoff = { urls: Partial<Record<ApiName, string>> } | { error: string };

export interface BackgroundMocks {
  /** Stops the mocks; says what kept them from starting, if anything did. */
  close(): Promise<Error | undefined>;
}

/** Starts a mock of each API's contract in this process, and publishes their addresses when they listen. */
export function startMocksInBackground(apis: readonly ApiName[], env: NodeJS.ProcessEnv = process.env): BackgroundMocks {
  const handoff = newHandoff(env);
  const starting = startMocks(apis.map((api) => ({ api, file: contractFile(api, env) })));
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
      rmSync(dirname(handoff), { recursive: true, force: true });
      delete env[MOCKS_FILE_VARIABLE];
      if (mocks instanceof Error) return mocks;
      await Promise.all(mocks.map((m) => m.close()));
      return undefined;
    },
  };
}

/**
 * Whether this run's mocks are already starting (the main command started them): the variable
 * names a hand-off folder that still exists. One inherited from a finished run names a folder its
 * run removed, and the set-up then starts mocks of its own.
 */
export function mocksStartedForThisRun(env: NodeJS.ProcessEnv = process.env): boolean {
  const file = env[MOCKS_FILE_VARIABLE];
  return file !== undefined && existsSync(dirname(file));
}

/** A fresh hand-off file for this run; its name goes to the workers through the environment. */
function newHandoff(env: NodeJS.ProcessEnv): string {
  const file = join(mkdtempSync(join(tmpdir(), 'auth-conformance-mocks-')), 'mocks.json');
  env[MOCKS_FILE_VARIABLE] = file;
  return file;
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

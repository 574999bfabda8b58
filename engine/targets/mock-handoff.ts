import { existsSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiName } from '../config/apis.ts';

/**
 * How the mocks' addresses reach the workers without the run waiting for Prism: the set-up starts
 * Prism in the background (loading it takes ~1.7 s) and returns, Playwright starts its workers
 * meanwhile (~1 s), and each worker waits here for the addresses before its first test. The file
 * is named by an environment variable, which the workers inherit.
 */
export const MOCKS_FILE_VARIABLE = 'CONFORMANCE_MOCKS_FILE';

type Handoff = { urls: Partial<Record<ApiName, string>> } | { error: string };

/** A fresh hand-off file for this run; its name goes to the workers through the environment. */
export function newHandoff(env: NodeJS.ProcessEnv = process.env): string {
  const file = join(mkdtempSync(join(tmpdir(), 'auth-conformance-mocks-')), 'mocks.json');
  env[MOCKS_FILE_VARIABLE] = file;
  return file;
}

export function publish(file: string, handoff: Handoff): void {
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

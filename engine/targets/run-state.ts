import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { statusMatches, type ExpectedStatus } from '../http/exchange.ts';

/**
 * The run's private folder: what its processes (the main command, Playwright's runner, every
 * worker, also the replacement started after a failed test) must share and no other run may see,
 * such as a target found down. Created by whoever starts the run, named to the others by an
 * environment variable; never inside the report folder, which concurrent runs may share.
 */
export const RUN_DIR_VARIABLE = 'CONFORMANCE_RUN_DIR';
/** The process that created the run's folder: a folder inherited from any other process is not this run's. */
const RUN_OWNER_VARIABLE = 'CONFORMANCE_RUN_OWNER';

/** A fresh folder for this run; its name reaches Playwright's processes through `env`. */
export function createRunDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = mkdtempSync(join(tmpdir(), 'auth-conformance-run-'));
  env[RUN_DIR_VARIABLE] = dir;
  env[RUN_OWNER_VARIABLE] = String(process.pid);
  return dir;
}

/**
 * The run folder the main command made for the Playwright runner in which this runs (the runner is
 * its child), or undefined when Playwright was started some other way, or by a different run.
 */
export function inheritedRunDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = env[RUN_DIR_VARIABLE];
  const owner = Number(env[RUN_OWNER_VARIABLE]);
  return dir && existsSync(dir) && (owner === process.ppid || owner === process.pid) ? dir : undefined;
}

/** Makes the inherited run folder this process's own, so the processes it starts (Playwright's workers) take it as theirs. */
export function adoptRunDir(env: NodeJS.ProcessEnv = process.env): void {
  env[RUN_OWNER_VARIABLE] = String(process.pid);
}

export function removeRunDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/**
 * Why requests stopped: the server stopped answering, or kept refusing them with 429 (for the whole
 * server), or everything under one API's base URL is 404 (for that base URL).
 */
export interface Halt {
  kind: 'stopped-answering' | 'rate-limited' | 'not-found';
  /** The server (scheme, host and port), or the base URL (without user or password), whose requests stopped. */
  scope: string;
  reason: string;
}

/** After this many requests in a row could not reach a server, it counts as down. */
export const DOWN_AFTER = 3;
/** After this many requests to as many operations got 404 where the scenario expected another status, and nothing but 404 came back, the base URL is wrong. */
export const NOT_FOUND_AFTER = 4;

/**
 * What the run knows about one server, shared by every worker and every API of the run that talks to
 * it, through files in the run folder (a worker replaced after a failed test starts with nothing in
 * memory). Without a run folder (a target built outside a run) it lives in memory.
 */
export class ServerHealth {
  private silent = 0;
  private halt: Halt | undefined;
  private readonly key: string;

  constructor(private readonly dir: string | undefined, readonly scope: string) {
    this.key = createHash('sha256').update(scope).digest('hex').slice(0, 16);
  }

  /** Why no more requests go to this server, if so. */
  halted(): Halt | undefined {
    if (this.halt || !this.dir) return this.halt;
    const file = join(this.dir, `halt-${this.key}.json`);
    if (existsSync(file)) this.halt = JSON.parse(readFileSync(file, 'utf8')) as Halt;
    return this.halt;
  }

  /** Counts a request that could not reach the server; the DOWN_AFTER-th in a row halts the run's requests to it. */
  unreachable(error: string): void {
    const count = this.readSilent() + 1;
    this.writeSilent(count);
    if (count >= DOWN_AFTER) this.stop('stopped-answering', `the target stopped answering (${DOWN_AFTER} requests in a row: ${error})`);
  }

  answered(): void {
    if (this.readSilent() !== 0) this.writeSilent(0);
  }

  stop(kind: Halt['kind'], reason: string): void {
    if (this.halted()) return;
    this.halt = { kind, scope: this.scope, reason };
    if (this.dir) put(join(this.dir, `halt-${this.key}.json`), JSON.stringify(this.halt));
  }

  /**
   * Notes an answer under this base URL. Only 404s so far, to NOT_FOUND_AFTER operations that should
   * have answered otherwise: nothing of the API lives there, so the rest would only measure the URL.
   */
  answeredUnder(operationId: string, status: number, expected: ExpectedStatus): void {
    const seen = this.readJson<{ other: boolean; operations: string[] }>('paths', { other: false, operations: [] });
    if (seen.other) return;
    if (status !== 404) return this.writeJson('paths', { other: true, operations: [] });
    // A scenario that accepts a 404 says nothing here; and any other status ever seen (a login's
    // 204 or 401, say) ends the suspicion for the run, so a server that hides things behind 404s
    // for callers it refused is not taken for a wrong base path.
    if (statusMatches(expected, 404) || seen.operations.includes(operationId)) return;
    seen.operations.push(operationId);
    this.writeJson('paths', seen);
    if (seen.operations.length >= NOT_FOUND_AFTER) this.stop('not-found', `every request was answered 404 (${seen.operations.length} operations): the base URL path looks wrong`);
  }

  private readJson<T>(name: string, fallback: T): T {
    const mem = this.memory.get(name) as T | undefined;
    if (!this.dir) return mem ?? fallback;
    try {
      return JSON.parse(readFileSync(join(this.dir, `${name}-${this.key}.json`), 'utf8')) as T;
    } catch {
      return fallback;
    }
  }

  private writeJson(name: string, value: unknown): void {
    this.memory.set(name, value);
    if (this.dir) put(join(this.dir, `${name}-${this.key}.json`), JSON.stringify(value));
  }

  private readonly memory = new Map<string, unknown>();

  private readSilent(): number {
    if (!this.dir) return this.silent;
    try {
      return Number(readFileSync(join(this.dir, `silent-${this.key}`), 'utf8')) || 0;
    } catch {
      return 0;
    }
  }

  private writeSilent(n: number): void {
    this.silent = n;
    if (this.dir) put(join(this.dir, `silent-${this.key}`), String(n));
  }
}

const CONTRACT_CHANGED = 'contract-changed';

/** A contract that changed after the run was planned, in the words of the first process that found it (engine/contract/drift.ts). */
export function noteContractChanged(dir: string | undefined, reason: string): void {
  if (dir && !existsSync(join(dir, CONTRACT_CHANGED))) put(join(dir, CONTRACT_CHANGED), reason);
}

export function contractChanged(dir: string | undefined): string | undefined {
  try {
    return dir ? readFileSync(join(dir, CONTRACT_CHANGED), 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** Every server the run stopped sending to, and why. */
export function readHalts(dir: string | undefined): Halt[] {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => /^halt-.*\.json$/.test(f)).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Halt);
}

function put(file: string, text: string): void {
  // Renamed into place, so a concurrent reader never sees half of it.
  const tmp = `${file}.${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}


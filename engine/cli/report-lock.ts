import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../config/errors.ts';

/**
 * One run at a time per report folder: two runs writing the same conformance.json would leave
 * whichever ended last, under a name that says nothing of which run it was. The lock is a file in
 * the report folder naming the process that holds it; one left by a process that no longer runs
 * (a crash, kill -9) is taken over.
 */
export const LOCK_FILE = '.conformance.lock';

interface Holder { pid: number; startedAt: string }

/** Takes the report folder's lock for this process, or throws a one-line ConfigError naming who holds it. */
export function lockReportDir(reportDir: string, pid = process.pid): void {
  const file = resolve(reportDir, LOCK_FILE);
  // Written whole under a private name, then linked into place: the link fails if the lock exists,
  // and a reader never sees a half-written one.
  const mine = `${file}.${pid}`;
  try {
    mkdirSync(reportDir, { recursive: true });
    writeFileSync(mine, JSON.stringify({ pid, startedAt: new Date().toISOString() } satisfies Holder));
  } catch (err) {
    throw new ConfigError(`cannot write to the report folder ${reportDir} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): check CONFORMANCE_REPORT_DIR`);
  }
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(mine, file);
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const holder = readHolder(file);
      if (holder && alive(holder.pid)) {
        throw new ConfigError(`another run (process ${holder.pid}, started ${holder.startedAt}) is writing reports to ${reportDir}: wait for it, or give this run its own CONFORMANCE_REPORT_DIR`);
      }
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(mine, { force: true });
  }
  throw new ConfigError(`cannot lock the report folder ${reportDir}: another run keeps taking it`);
}

/** Whether this process (or its parent, the main command that started Playwright) holds the lock. */
export function holdsReportLock(reportDir: string): boolean {
  const holder = readHolder(resolve(reportDir, LOCK_FILE));
  return holder !== undefined && (holder.pid === process.pid || holder.pid === process.ppid);
}

/** Releases the lock if this process holds it. */
export function unlockReportDir(reportDir: string, pid = process.pid): void {
  const file = resolve(reportDir, LOCK_FILE);
  if (readHolder(file)?.pid === pid) rmSync(file, { force: true });
}

function readHolder(file: string): Holder | undefined {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as Holder;
    return Number.isInteger(h.pid) ? h : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

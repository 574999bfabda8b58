import { accessSync, constants, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from './errors.ts';

/**
 * Makes sure the report folder exists and takes files, before anything runs, or says in one line
 * why not. It creates the missing levels one at a time: Node's recursive mkdir loops for ever
 * where a parent refuses new entries with ENOENT (anything under /proc).
 */
export function ensureReportDir(dir: string, cwd = process.cwd()): string {
  const abs = resolve(cwd, dir);
  const why = (what: string) => new ConfigError(`cannot write reports to ${dir}: ${what}; set CONFORMANCE_REPORT_DIR to a folder that can be created and written`);
  const missing: string[] = [];
  let existing = abs;
  for (;;) {
    let st;
    try {
      st = statSync(existing);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') throw why('a part of the path is a file, not a folder');
      if (code !== 'ENOENT') throw why(`${existing} cannot be read (${code ?? (err as Error).message})`);
    }
    if (st) {
      if (!st.isDirectory()) throw why(`${existing} is not a folder`);
      break;
    }
    missing.unshift(existing);
    const parent = dirname(existing);
    if (parent === existing) throw why('no part of the path exists');
    existing = parent;
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (err) {
      throw why(`${level} cannot be created (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  }
  const probe = join(abs, `.write-check-${process.pid}`);
  try {
    accessSync(abs, constants.W_OK);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (err) {
    throw why(`it is not writable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return abs;
}

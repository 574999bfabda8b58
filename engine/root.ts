import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The checkout's root. Its own module, so a process that needs only the path (the main command) does not load the contract loader and ajv with it. */
export const PROJECT_ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** npm's record of what is installed (every package and version), or the lockfile where there is none: what a cache keys on, since `npm update` changes it under the same versions. */
export function installedPackages(): Buffer {
  for (const f of ['node_modules/.package-lock.json', 'package-lock.json']) {
    try {
      return readFileSync(resolve(PROJECT_ROOT, f));
    } catch {
      /* try the next */
    }
  }
  return Buffer.alloc(0);
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Contract } from './model.ts';
import type { FileHash } from './preflight.ts';
import { PROJECT_ROOT } from '../root.ts';

/**
 * Whether a loaded contract is still the one the run was planned with: its own bytes as they were
 * loaded, each schema file's as they are now. Says what changed in one line; undefined while
 * nothing did. A worker that judged against an edited contract would give verdicts about another.
 */
export function changedSincePlanned(contract: Contract, planned: readonly FileHash[]): string | undefined {
  for (const [i, p] of planned.entries()) {
    const now = i === 0 ? contract.sha256 : sha256Now(p.file);
    if (now !== p.sha256) {
      return `${p.file} changed after the run was planned (sha256 ${p.sha256.slice(0, 12)}… then, ${now ? `${now.slice(0, 12)}…` : 'unreadable'} now): nothing is judged against another contract; run again`;
    }
  }
  return undefined;
}

function sha256Now(file: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(resolve(PROJECT_ROOT, file), 'utf8')).digest('hex');
  } catch {
    return undefined;
  }
}

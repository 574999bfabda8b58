import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Contract } from './model.ts';
import { installedPackages } from '../root.ts';

/**
 * Loaded contracts, remembered on disk: every worker loads its contract anew (Playwright starts a
 * fresh one after each failed test), and reading the document (the preflight, then the OpenAPI
 * parser in a thread of its own, ~0.3 s cold) is most of a restart's loading. An entry is keyed by
 * the contract's bytes, its path, the API, and the loader (its own source and its parsers'
 * versions), and is used only while every schema file it was made from has the bytes it had then;
 * anything else is a miss, and the contract is loaded as before.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const DIR = resolve(ROOT, 'node_modules/.cache/auth-conformance/contracts');
const KEPT = 64;
/** Bump when what a cached entry holds changes shape. */
const FORMAT = '1';

export interface CachedContract {
  contract: Contract;
  /** The schema files the contract refers to itself, to register with ajv again. */
  schemaFiles: string[];
}

interface Entry extends CachedContract {
  /** Every schema file the contract was made from (those it refers to, and theirs), with its hash then. */
  dependencies: { path: string; sha256: string }[];
}

const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');

let loader: string | undefined;
function loaderFingerprint(): string {
  if (!loader) {
    const h = createHash('sha256').update(FORMAT);
    for (const f of ['load.ts', 'preflight.ts', 'dereference.ts', 'schemas.ts', 'model.ts', 'cache.ts', '../pointer.ts']) h.update(`\0${f}\0`).update(readFileSync(resolve(import.meta.dirname, f)));
    // The parsers the loader runs (yaml, the OpenAPI parser and the $ref parser under it), by npm's
    // record of every installed package and version, which `npm update` changes under the same versions;
    // ajv's among them, as an entry vouches that its schema files passed ajv's meta-schema.
    h.update(installedPackages());
    loader = h.digest('hex');
  }
  return loader;
}

const entryFile = (api: string, absPath: string, text: string) => join(DIR, `${sha256(`${loaderFingerprint()}\0${api}\0${absPath}\0${text}`)}.json`);

export function cachedContract(api: string, absPath: string, text: string): CachedContract | undefined {
  try {
    const entry = JSON.parse(readFileSync(entryFile(api, absPath, text), 'utf8')) as Entry;
    for (const d of entry.dependencies) if (sha256(readFileSync(d.path)) !== d.sha256) return undefined;
    return { contract: entry.contract, schemaFiles: entry.schemaFiles };
  } catch {
    return undefined;
  }
}

/** Best effort: a cache that cannot be written (read-only checkout) only costs the time it would have saved. */
export function rememberContract(api: string, absPath: string, text: string, value: CachedContract, dependencies: readonly string[]): void {
  try {
    const entry: Entry = { ...value, dependencies: [...new Set(dependencies)].sort().map((path) => ({ path, sha256: sha256(readFileSync(path)) })) };
    const file = entryFile(api, absPath, text);
    mkdirSync(dirname(file), { recursive: true });
    // Written aside and renamed, so a worker reading at the same time sees the whole entry or none.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, file);
    prune();
  } catch {
    /* see above */
  }
}

function prune(): void {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
  if (files.length <= KEPT) return;
  const byAge = files.map((f) => ({ f, at: statSync(join(DIR, f)).mtimeMs })).sort((a, b) => b.at - a.at);
  for (const { f } of byAge.slice(KEPT)) rmSync(join(DIR, f), { force: true });
}

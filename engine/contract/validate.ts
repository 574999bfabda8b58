import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { ContractError } from './errors.ts';
import { preflightContract } from './preflight.ts';
import { installedPackages, PROJECT_ROOT } from '../root.ts';

/**
 * Structural OpenAPI validation of the document the preflight read (so the file is parsed once, by
 * the same reading as the loader's); the first problem is reported with the place it was found.
 * Schema files are not its business: ajv checks each when the loader registers it.
 */
export async function validateContract(file: string): Promise<void> {
  const written = preflightContract(file).document as object;
  // Loaded here, not at the top: a run whose contracts validated before never needs it (~0.2 s).
  const { validate } = await import('@readme/openapi-parser');
  let result;
  try {
    result = await validate(written as Parameters<typeof validate>[0], { resolve: { external: false } });
  } catch (err) {
    throw new ContractError(`${file}: ${(err as Error).message.split('\n')[0]}`);
  }
  if (!result.valid) {
    const [first] = result.errors;
    const lines = (first?.message ?? 'invalid').split('\n');
    const near = lines.find((l) => l.trimStart().startsWith('>'))?.replace(/^\s*>\s*\d+\s*\|\s*/, '').trim();
    const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : '';
    throw new ContractError(`${file}: not valid OpenAPI: ${lines[0]!.replace(/^[A-Z]+ /, '')}${near ? ` near ${near}` : ''}${more}`);
  }
}

const CACHE = resolve(PROJECT_ROOT, 'node_modules/.cache/auth-conformance/valid-contracts.json');
const KEPT = 64;

/**
 * validateContract, remembered: structural validation is the slowest step of a run's set-up
 * (~0.2 s a contract), and its answer depends only on the bytes of the contract, of the files it
 * refers to and of the validator (its version and the installed dependency tree it runs on, which
 * `npm update` can change under the same version). A contract that validated, with all of those
 * unchanged, is not validated again. Only successes are remembered, so a broken contract is
 * reported every time.
 */
export async function validateContractOnce(file: string, dependencies: readonly string[]): Promise<void> {
  const key = fingerprint([resolve(PROJECT_ROOT, file), ...dependencies]);
  const known = readKnown();
  if (!known.includes(key)) await validateContract(file);
  // Most recently used first, so the contracts in use are the ones kept.
  remember([key, ...known.filter((k) => k !== key)].slice(0, KEPT));
}

function fingerprint(files: readonly string[]): string {
  const h = createHash('sha256').update(validatorVersion()).update(installedPackages());
  for (const f of [...new Set(files)].sort()) h.update(`\0${f}\0`).update(readFileSync(f));
  return h.digest('hex');
}

function validatorVersion(): string {
  const pkg = createRequire(import.meta.url).resolve('@readme/openapi-parser/package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

function readKnown(): string[] {
  try {
    const v = JSON.parse(readFileSync(CACHE, 'utf8')) as unknown;
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

function remember(keys: string[]): void {
  try {
    mkdirSync(dirname(CACHE), { recursive: true });
    // Written whole and renamed, so a concurrent run never reads half a file.
    const tmp = `${CACHE}.${process.pid}`;
    writeFileSync(tmp, JSON.stringify(keys));
    renameSync(tmp, CACHE);
  } catch {
    /* a read-only checkout validates every time */
  }
}

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, relative, resolve, sep } from 'node:path';
import { MAX_ALIAS_COUNT, yaml } from './yaml.ts';
import { pointerToken } from '../pointer.ts';
import { ContractError } from './errors.ts';
import { PROJECT_ROOT } from '../root.ts';

/** Larger than any contract or schema file of an authentication API by two orders of magnitude. */
export const MAX_FILE_BYTES = 5 * 2 ** 20;

/**
 * Checks a contract, and every file its `$ref`s reach, before anything else reads it: Prism and the
 * OpenAPI validator load what they are given without limits, and follow `$ref`s anywhere, the
 * network included. Refused here, each with the file and the place, never with the file's content:
 * a file over MAX_FILE_BYTES, YAML that expands aliases beyond MAX_ALIAS_COUNT (a "billion laughs"),
 * a `$ref` with a scheme (http:, file:, …), and a `$ref` to a file outside the checkout's
 * contracts/ and schemas/ and the contract's own folder (symbolic links resolved).
 * Returns the contract's document as read, for the loader to take it from here, and every file it
 * read (the contract first) with the sha256 of the bytes it read.
 */
export function preflightContract(file: string): { document: unknown; files: FileHash[] } {
  const abs = resolve(PROJECT_ROOT, file);
  const roots = [resolve(PROJECT_ROOT, 'contracts'), resolve(PROJECT_ROOT, 'schemas'), dirname(abs)].map(real);
  const seen = new Set<string>();
  const files: FileHash[] = [];
  const walk: Walk = { files: [], edges: [] };
  const visit = (path: string, shown: string): unknown => {
    const key = real(path);
    if (seen.has(key)) return undefined;
    seen.add(key);
    const { doc, sha256 } = readStructured(path, shown);
    files.push({ file: relative(PROJECT_ROOT, key), sha256 });
    walk.files.push([key, sha256]);
    walkRefs(doc, '', (ref, at) => {
      if (ref.startsWith('#')) return;
      const where = `${shown} at ${at || '/'}`;
      if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) throw new ContractError(`${where}: $ref with a scheme (${ref.split(':')[0]}:) is not followed; refer to a file beside the contract or in schemas/`);
      const target = resolve(dirname(path), decodeURI(ref.split('#')[0]!));
      let resolved: string;
      try {
        resolved = realpathSync(target);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new ContractError(`${where}: $ref to ${target} does not resolve (${code === 'ENOENT' ? 'no such file' : code ?? 'unreadable'})`);
      }
      if (!roots.some((r) => resolved === r || resolved.startsWith(r + sep))) {
        throw new ContractError(`${where}: $ref to ${target} is outside contracts/ and schemas/ of the checkout and the contract's own folder; it is not read`);
      }
      walk.edges.push([target, resolved]);
      visit(resolved, relative(process.cwd(), resolved) || resolved);
    });
    return doc;
  };
  const document = visit(abs, relative(process.cwd(), abs) || file);
  remember(walkKey(abs), walk);
  return { document, files };
}

/**
 * The files of a contract that passes the preflight, with their sha256, for a caller that needs no
 * document (the main command's plan, Prism's start): a walk that passed before is not parsed again
 * while every file it read has the same bytes and every `$ref` resolves to the same real file.
 */
export function checkedContractFiles(file: string): FileHash[] {
  const abs = resolve(PROJECT_ROOT, file);
  const known = passedBefore(walkKey(abs));
  return known ? known.files.map(([path, sha256]) => ({ file: relative(PROJECT_ROOT, path), sha256 })) : preflightContract(file).files;
}

/** A file a contract is made of (relative to the checkout), with the sha256 of its bytes. */
export interface FileHash {
  file: string;
  sha256: string;
}

/**
 * A walk that passed, remembered: parsing every file again is most of the main command's own start-up
 * (about 0.1 s a contract, most of it yaml reading the JSON schema files). The same walk passes again
 * while every file it read has the same bytes (so the same `$ref`s, sizes and aliases) and every
 * `$ref` resolves to the same real file (so no symbolic link moved). Only passes are remembered: a
 * contract that fails is checked, and reported, every time.
 */
interface Walk {
  /** Every file read: its path and the sha256 of its bytes. */
  files: [string, string][];
  /** Every `$ref` to a file: the path it names and the real path that was checked. */
  edges: [string, string][];
}

const CACHE = resolve(PROJECT_ROOT, 'node_modules/.cache/auth-conformance/preflight-passed.json');
const KEPT = 64;
const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');

let fingerprinted: string | undefined;
/** This check's own source and yaml's version: either changing makes every remembered pass unknown. */
function fingerprint(): string {
  fingerprinted ??= sha256(Buffer.concat([readFileSync(new URL(import.meta.url)), readFileSync(createRequire(import.meta.url).resolve('yaml/package.json'))]));
  return fingerprinted;
}

function readPassed(): Record<string, Walk> {
  try {
    const v = JSON.parse(readFileSync(CACHE, 'utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Walk>) : {};
  } catch {
    return {};
  }
}

function passedBefore(key: string): Walk | undefined {
  const walk = readPassed()[key];
  if (!walk || !Array.isArray(walk.files) || !Array.isArray(walk.edges)) return undefined;
  try {
    const same = walk.files.every(([path, hash]) => statSync(path).size <= MAX_FILE_BYTES && sha256(readFileSync(path)) === hash)
      && walk.edges.every(([target, resolved]) => realpathSync(target) === resolved);
    return same ? walk : undefined;
  } catch {
    return undefined;
  }
}

/** A walk is known by this check's own source, yaml's version, the contract and the folders it may reach. */
function walkKey(abs: string): string {
  const roots = [resolve(PROJECT_ROOT, 'contracts'), resolve(PROJECT_ROOT, 'schemas'), dirname(abs)].map(real);
  return sha256(`${fingerprint()}\0${abs}\0${roots.join('\0')}`);
}

function remember(key: string, walk: Walk): void {
  try {
    // Most recently passed first, so the contracts in use are the ones kept.
    const kept = Object.entries(readPassed()).filter(([k]) => k !== key).slice(0, KEPT - 1);
    mkdirSync(dirname(CACHE), { recursive: true });
    // Written whole and renamed, so a concurrent run never reads half a file.
    const tmp = `${CACHE}.${process.pid}`;
    writeFileSync(tmp, JSON.stringify(Object.fromEntries([[key, walk], ...kept])));
    renameSync(tmp, CACHE);
  } catch {
    /* a read-only checkout checks every time */
  }
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** A YAML or JSON file, parsed within the limits; errors name the file, line and column, and quote nothing of it. */
function readStructured(path: string, shown: string): { doc: unknown; sha256: string } {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) throw new ContractError(`${shown}: ${size} bytes, more than the ${MAX_FILE_BYTES / 2 ** 20} MiB a contract or schema file may have`);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof ContractError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new ContractError(`${shown}: cannot read it (${code === 'ENOENT' ? 'no such file' : code ?? 'unreadable'})`);
  }
  const json = extname(path).toLowerCase() === '.json';
  // JSON is YAML too; reading it with yaml gives line and column without quoting the text.
  const doc = yaml().parseDocument(text, { prettyErrors: true });
  const e = doc.errors[0];
  if (e) {
    const pos = e.linePos?.[0];
    // yaml's first line names the problem, never the text (the code frame follows on later lines).
    const what = json ? `not valid JSON (${e.code})` : `YAML error: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
    throw new ContractError(`${shown}${pos ? `:${pos.line}:${pos.col}` : ''}: ${what}`);
  }
  try {
    return { doc: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), sha256: sha256(text) };
  } catch (err) {
    if (err instanceof ReferenceError) throw new ContractError(`${shown}: its YAML aliases expand beyond the limit of ${MAX_ALIAS_COUNT} (a resource-exhaustion risk); write the document out without them`);
    throw new ContractError(`${shown}: not valid ${json ? 'JSON' : 'YAML'} (${(err as Error).name})`);
  }
}

function walkRefs(node: unknown, at: string, onRef: (ref: string, at: string) => void): void {
  if (Array.isArray(node)) node.forEach((n, i) => walkRefs(n, `${at}/${i}`, onRef));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      const here = `${at}/${pointerToken(k)}`;
      if (k === '$ref' && typeof v === 'string') onRef(v, at);
      else walkRefs(v, here, onRef);
    }
  }
}

import { readFileSync, realpathSync, statSync } from 'node:fs';
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
 */
export function preflightContract(file: string): void {
  const abs = resolve(PROJECT_ROOT, file);
  const roots = [resolve(PROJECT_ROOT, 'contracts'), resolve(PROJECT_ROOT, 'schemas'), dirname(abs)].map(real);
  const seen = new Set<string>();
  const visit = (path: string, shown: string) => {
    const key = real(path);
    if (seen.has(key)) return;
    seen.add(key);
    const doc = readStructured(path, shown);
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
      visit(resolved, relative(process.cwd(), resolved) || resolved);
    });
  };
  visit(abs, relative(process.cwd(), abs) || file);
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** A YAML or JSON file, parsed within the limits; errors name the file, line and column, and quote nothing of it. */
function readStructured(path: string, shown: string): unknown {
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
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
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

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { contractFile, type ApiName } from '../engine/config/apis.ts';
import { PROJECT_ROOT } from '../engine/contract/load.ts';

type Node = Record<string, unknown>;
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** The operationId and path of copy `k` (k ≥ 1) of an operation in the generated contract. */
export const syntheticId = (operationId: string, k: number): string => `${operationId}__s${k}`;
export const syntheticPath = (path: string, k: number): string => `/s${k}${path}`;

/**
 * A contract `factor` times larger: every path is kept and copied factor − 1 times under
 * `/s<k>` with operationIds `<id>__s<k>`, same parameters, bodies, responses and schemas (the same
 * shapes). File `$ref`s are made absolute so the copy can live in a temporary folder.
 */
export function generateLargerContract(api: ApiName, factor: number, dir: string): { file: string; operations: number } {
  const source = resolve(PROJECT_ROOT, contractFile(api));
  const doc = parse(readFileSync(source, 'utf8')) as Node;
  const absolutise = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(absolutise);
    if (!v || typeof v !== 'object') return v;
    return Object.fromEntries(Object.entries(v as Node).map(([k, x]) => [k, k === '$ref' && typeof x === 'string' && !x.startsWith('#') ? resolve(dirname(source), x) : absolutise(x)]));
  };
  const paths = absolutise(doc.paths ?? {}) as Node;
  const out: Node = { ...paths };
  let operations = 0;
  for (const [path, item] of Object.entries(paths)) {
    for (const m of Object.keys(item as Node)) if (METHODS.has(m)) operations++;
    for (let k = 1; k < factor; k++) {
      const copy = structuredClone(item) as Node;
      for (const [m, op] of Object.entries(copy)) {
        if (METHODS.has(m) && op && typeof op === 'object' && typeof (op as Node).operationId === 'string') (op as Node).operationId = syntheticId((op as Node).operationId as string, k);
      }
      out[syntheticPath(path, k)] = copy;
    }
  }
  const big = { ...(absolutise(doc) as Node), paths: out };
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${api}.x${factor}.json`);
  writeFileSync(file, JSON.stringify(big, null, 1));
  return { file, operations: operations * factor };
}

/**
 * Writes suites/<api>/contract.generated.ts from each API's contract: its operation ids, and the
 * requirement of every documented status, `<api>:<operationId>#<status>`, from the `x-requirement`
 * its response carries (level, summary, and where it is written: a line of the pinned upstream
 * document named by `info.x-upstream.document`, or `correction`, our contract's own note).
 *
 *   npm run generate            write every API's file
 *   npm run generate -- --check  exit 1, naming the files, when one differs from what would be written
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { readContractDocument } from '../engine/contract/load.ts';
import { pointerToken } from '../engine/pointer.ts';

const ROOT = resolve(import.meta.dirname, '..');
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
type Node = Record<string, unknown>;

/** What an `x-requirement` says. `not-provokable`: why no request of a conforming client leads there. */
interface StatusRequirement {
  level: 'MUST' | 'SHOULD' | 'MAY';
  summary: string;
  source: 'correction' | { line: number; marker: string } | { correction: string };
  'not-provokable'?: string;
}

const q = (s: string): string => `'${s.replaceAll('\\', '\\\\').replaceAll('\'', '\\\'')}'`;
const pointer = (...keys: string[]): string => keys.map((k) => `/${pointerToken(k)}`).join('');

/** The text of one API's generated module; `contractFile` is relative to `root`, as api.ts names it. */
export function generatedModule(api: string, contractFile: string, root = ROOT): string {
  // The engine's own reading: the same limits and errors, and the OpenAPI parser's $ref resolution.
  const { resolved: doc, refs } = readContractDocument(resolve(root, contractFile));
  const upstream = ((doc.info as Node | undefined)?.['x-upstream'] as Node | undefined)?.document as string | undefined;
  const operations: string[] = [];
  const rows: string[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Node>)) {
    for (const method of METHODS) {
      const op = item[method] as Node | undefined;
      if (!op) continue;
      const operationId = String(op.operationId);
      operations.push(operationId);
      for (const [status, response] of Object.entries((op.responses ?? {}) as Record<string, Node>)) {
        const id = `${api}:${operationId}#${status}`;
        const r = response['x-requirement'] as StatusRequirement | undefined;
        if (!r) throw new Error(`${contractFile}: the ${status} response of ${operationId} has no x-requirement`);
        const at = pointer('paths', path, method, 'responses', status);
        const responsePointer = refs[at]?.slice(1) ?? at;
        rows.push(`  ${q(id)}: { level: ${q(r.level)}, summary: ${q(r.summary)}, source: ${source(r, responsePointer, contractFile, upstream, id)}`
          + `${r['not-provokable'] ? `, notProvokable: ${q(r['not-provokable'])}` : ''} },`);
      }
    }
  }
  const usesUpstream = rows.some((r) => r.includes('upstreamLine('));
  return [
    `// Generated from ${contractFile} by tools/generate.ts: change the contract and run \`npm run generate\`.`,
    `import { ${usesUpstream ? 'upstreamLine, ' : ''}type Requirement } from '../../requirements/types.ts';`,
    '',
    ...(usesUpstream ? [`const UPSTREAM = ${q(upstream!)};`, ''] : []),
    `/** The operations of ${contractFile}. */`,
    `export type OperationId = ${operations.sort().map(q).join(' | ')};`,
    '',
    '/** `<api>:<operationId>#<status>`: the scenario provokes the status, and the response matches its definition. */',
    'export const STATUS_REQUIREMENTS = {',
    ...rows,
    '} as const satisfies Record<string, Requirement>;',
    '',
  ].join('\n');
}

function source(r: StatusRequirement, responsePointer: string, contractFile: string, upstream: string | undefined, id: string): string {
  if (r.source === 'correction') return `{ kind: 'correction', url: ${q(`${contractFile}#${responsePointer}`)} }`;
  if ('correction' in r.source) return `{ kind: 'correction', url: ${q(`${contractFile}#${r.source.correction}`)} }`;
  if (!upstream) throw new Error(`${contractFile}: ${id} cites an upstream line, but info.x-upstream.document names no document`);
  return `upstreamLine(UPSTREAM, ${r.source.line}, ${q(r.source.marker)})`;
}

/** Every API's generated file (the APIs are found by their folders), with the text it should hold. */
export async function generatedFiles(): Promise<{ file: string; text: string }[]> {
  const { API_DEFINITIONS } = await import('../engine/config/apis.ts');
  return Object.entries(API_DEFINITIONS).map(([api, def]) => ({
    file: join(ROOT, 'suites', api, 'contract.generated.ts'),
    text: generatedModule(api, def.contract),
  }));
}

/** The generated files that differ from what the generator would write now. */
export async function staleFiles(): Promise<string[]> {
  const stale: string[] = [];
  for (const { file, text } of await generatedFiles()) {
    let current: string | undefined;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      current = undefined;
    }
    if (current !== text) stale.push(relative(ROOT, file));
  }
  return stale;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(dirname(new URL(import.meta.url).pathname), 'generate.ts')) {
  if (process.argv.includes('--check')) {
    const stale = await staleFiles();
    if (stale.length > 0) {
      process.stderr.write(`out of date: ${stale.join(', ')}; run \`npm run generate\`\n`);
      process.exitCode = 1;
    }
  } else {
    for (const { file, text } of await generatedFiles()) writeFileSync(file, text);
  }
}

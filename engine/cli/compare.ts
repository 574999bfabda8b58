import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../contract/load.ts';
import { registerSchemaFile, validateAgainst } from '../contract/schemas.ts';
import { compareRuns, renderComparison, type RunColumn } from '../reporter/compare.ts';
import type { ConformanceReport } from '../reporter/model.ts';

/**
 * `npm run compare -- [--out compare.html] [--label name]... a/conformance.json b/conformance.json ...`
 * Renders several runs side by side and prints the requirements whose verdicts differ.
 */
function main(): number {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { out: { type: 'string', default: 'reports/compare.html' }, label: { type: 'string', multiple: true } } });
  } catch (err) {
    process.stderr.write(`auth-conformance compare: ${(err as Error).message}\n`);
    return 2;
  }
  const files = parsed.positionals;
  if (files.length < 2) {
    process.stderr.write('auth-conformance compare: give two or more conformance.json files (e.g. reports-mock/conformance.json reports-staging/conformance.json)\n');
    return 2;
  }
  const labels = parsed.values.label ?? [];
  const runs: RunColumn[] = [];
  for (const [i, file] of files.entries()) {
    try {
      const report = readReport(file);
      runs.push({ label: labels[i] ?? (basename(dirname(resolve(file))) || file), report });
    } catch (err) {
      process.stderr.write(`auth-conformance compare: cannot use ${file}: ${(err as Error).message.split('\n')[0]}\n`);
      return 2;
    }
  }
  writeFileSync(parsed.values.out!, renderComparison(runs));
  const differing = compareRuns(runs).filter((r) => r.differs);
  process.stdout.write(`${differing.length} requirement(s) differ between ${runs.map((r) => r.label).join(', ')}\n`);
  for (const r of differing) process.stdout.write(`  ${r.requirement}: ${r.cells.map((c, i) => `${runs[i]!.label}=${c?.verdict ?? 'not run'}`).join(' ')}\n`);
  process.stdout.write(`written: ${parsed.values.out}\n`);
  return 0;
}

/** A conformance.json that holds to its published schema; anything else is refused before a byte of it is rendered. */
function readReport(file: string): ConformanceReport {
  const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!data || typeof data !== 'object' || (data as { schemaVersion?: unknown }).schemaVersion !== 1) throw new Error('not a conformance.json (schemaVersion 1)');
  const schema = { $ref: registerSchemaFile(resolve(PROJECT_ROOT, 'schemas/report/conformance.json'), 'compare') };
  const first = validateAgainst(schema, data)[0];
  if (first) throw new Error(`not a valid conformance.json (schemas/report/conformance.json) at ${first.path || '(root)'}: ${first.expected}, received ${first.received}`);
  return data as ConformanceReport;
}

process.exit(main());

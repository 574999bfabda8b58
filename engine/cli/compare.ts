import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
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
      const report = JSON.parse(readFileSync(file, 'utf8')) as ConformanceReport;
      if (report.schemaVersion !== 1 || !Array.isArray(report.results)) throw new Error('not a conformance.json (schemaVersion 1)');
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

process.exit(main());

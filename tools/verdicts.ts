/**
 * Dumps which requirements a set of runs judged, and their verdicts, so two checkouts can be
 * compared after a refactor that must not change them:
 *
 *   tsx tools/verdicts.ts dump out.json [api…]   mock run, then every reference server fault-free, with each variant and each fault
 *   tsx tools/verdicts.ts compare before.json after.json
 *
 * A run's entry is `{ "<api> <requirement>": { pass: n, fail: n, … } }` from its conformance.json.
 * Runs go through the real CLI, one at a time (the machine is shared).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REFERENCES } from '../reference/index.ts';
import { startReferenceHost } from '../reference/kit/host.ts';

type Dump = Record<string, Record<string, Record<string, number>>>;

const ROOT = resolve(import.meta.dirname, '..');

async function run(env: Record<string, string>): Promise<Record<string, Record<string, number>>> {
  const reportDir = mkdtempSync(join(tmpdir(), 'verdicts-'));
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(CONFORMANCE_|TRAQ_|NEXTAUTH_|SVIX_|SEMAPHORE_|PW_|PLAYWRIGHT_|TEST_)/.test(k)));
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'engine/cli/conformance.ts')], {
    // The pace that spares a staging server (20 requests a second) only slows runs against our own loopback servers.
    cwd: ROOT, env: { ...clean, CONFORMANCE_REPORT_DIR: reportDir, CONFORMANCE_MAX_RPS: '1000', ...env }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)));
  const file = join(reportDir, 'conformance.json');
  const out: Record<string, Record<string, number>> = {};
  if (!existsSync(file)) {
    out['(no report)'] = { [`exit ${code}: ${stderr.split('\n')[0]}`]: 1 };
  } else {
    const report = JSON.parse(readFileSync(file, 'utf8')) as { results: { api: string; requirement: string; verdict: string }[] };
    for (const r of report.results) {
      const cell = (out[`${r.api} ${r.requirement}`] ??= {});
      cell[r.verdict] = (cell[r.verdict] ?? 0) + 1;
    }
    out['(exit)'] = { [String(code)]: 1 };
  }
  rmSync(reportDir, { recursive: true, force: true });
  return out;
}

async function dump(file: string, only: string[]): Promise<void> {
  const result: Dump = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as Dump : {};
  const save = () => writeFileSync(file, `${JSON.stringify(result, null, 1)}\n`);
  if (!result.mock && only.length === 0) {
    result.mock = await run({ CONFORMANCE_SEED: '20261123' });
    save();
  }
  const host = await startReferenceHost(REFERENCES);
  try {
    // Fault-free first, then variants and faults taken in turn from each API, so a dump cut short still covers every API.
    const refs = REFERENCES.filter((r) => only.length === 0 || only.includes(r.api));
    const queues = refs.map((ref) => ['ok', ...Object.keys(ref.variants), ...Object.keys(ref.faults)].map((name) => ({ ref, name })));
    const order = [...queues.map((q) => q[0]!), ...Array.from({ length: Math.max(...queues.map((q) => q.length)) }, (_, i) => queues.map((q) => q[i + 1])).flat()];
    for (const item of order) {
      if (!item) continue;
      const { ref, name } = item;
      const key = `${ref.api}/${name}`;
      if (result[key]) continue;
      result[key] = await run({
        ...ref.env,
        CONFORMANCE_TARGET: 'live',
        CONFORMANCE_APIS: ref.api,
        CONFORMANCE_ALLOW_DESTRUCTIVE: '1',
        CONFORMANCE_SEED: '20261123',
        [`${ref.api.toUpperCase()}_BASE_URL`]: host.baseUrl(ref.api, name, 'verdicts'),
      });
      save();
      process.stderr.write(`${key}\n`);
    }
  } finally {
    await host.close();
  }
}

function compare(a: Dump, b: Dump): string[] {
  const lines: string[] = [];
  const show = (c?: Record<string, number>) => (c ? Object.entries(c).sort().map(([v, n]) => `${v}×${n}`).join(' ') : '—');
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const [x = {}, y = {}] = [a[key], b[key]];
    if (!a[key] || !b[key]) {
      lines.push(`${key}: only in ${a[key] ? 'before' : 'after'}`);
      continue;
    }
    for (const req of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
      if (show(x[req]) !== show(y[req])) lines.push(`${key}  ${req}: ${show(x[req])} → ${show(y[req])}`);
    }
  }
  return lines;
}

const [command, ...args] = process.argv.slice(2);
if (command === 'dump' && args[0]) {
  await dump(args[0], args.slice(1));
} else if (command === 'compare' && args[0] && args[1]) {
  const diff = compare(JSON.parse(readFileSync(args[0], 'utf8')) as Dump, JSON.parse(readFileSync(args[1], 'utf8')) as Dump);
  process.stdout.write(diff.length ? `${diff.join('\n')}\n` : 'no difference\n');
} else {
  process.stderr.write('usage: tsx tools/verdicts.ts dump <out.json> [api…] | compare <before.json> <after.json>\n');
  process.exitCode = 2;
}

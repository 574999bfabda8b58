import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { resolvePlan, withCheckedContracts } from '../../engine/config/plan.ts';
import { traqReference } from '../../reference/traq/index.ts';
import { ROOT, runConformance } from '../support/cli.ts';

/**
 * The run plan records each contract and the schema files it uses with the sha256 of their bytes;
 * a run whose contract changes after that says so in one line (exit 2) instead of judging the
 * server against another contract.
 */
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

test('the plan holds the contract, then every schema file it uses, each with the sha256 of its bytes', () => {
  const plan = withCheckedContracts(resolvePlan({ CONFORMANCE_APIS: 'traq' }, [], []));
  const files = plan.contractFiles!.traq!;
  expect(files[0]).toEqual({ file: 'contracts/traq.yaml', sha256: sha256(resolve(ROOT, 'contracts/traq.yaml')) });
  const used = readFileSync(resolve(ROOT, 'contracts/traq.yaml'), 'utf8').match(/schemas\/traq\/\w+\.json/g)!;
  expect(files.slice(1).map((f) => f.file).sort()).toEqual([...new Set(used)].sort());
  for (const f of files) expect(f.sha256, f.file).toBe(sha256(resolve(ROOT, f.file)));
});

/** traQ's contract and its schema files, copied into a folder of their own. */
function contractCopy(): { dir: string; contract: string } {
  const dir = mkdtempSync(join(tmpdir(), 'plan-hashes-'));
  mkdirSync(join(dir, 'schemas'));
  for (const f of readdirSync(resolve(ROOT, 'schemas/traq'))) copyFileSync(resolve(ROOT, 'schemas/traq', f), join(dir, 'schemas', f));
  const contract = join(dir, 'traq.yaml');
  writeFileSync(contract, readFileSync(resolve(ROOT, 'contracts/traq.yaml'), 'utf8').replaceAll("'../schemas/traq/", "'./schemas/"));
  return { dir, contract };
}

/** A server that edits `file` when it gets its first request (the set-up's probe, after the plan was written). */
async function editingServer(file: string) {
  let edited = false;
  const server = createServer((_req, res) => {
    if (!edited) appendFileSync(file, file.endsWith('.json') ? ' ' : '\n# edited during the run\n');
    edited = true;
    res.writeHead(401, { 'www-authenticate': 'Bearer realm="x"' }).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/api/v3`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

test.describe('a contract that changes after the run was planned: exit 2 in one line, no verdict', () => {
  for (const which of ['the contract', 'a schema file it uses'] as const) {
    test(`${which} changed`, async () => {
      const { dir, contract } = contractCopy();
      const edited = which === 'the contract' ? contract : join(dir, 'schemas', 'LoginSession.json');
      const server = await editingServer(edited);
      try {
        const run = await runConformance(
          { ...traqReference.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'traq', TRAQ_BASE_URL: server.url, CONFORMANCE_CONTRACT_TRAQ: contract },
          ['--grep', 'getMySessions.*401 without credentials'],
        );
        expect(run.code, run.stderr).toBe(2);
        const lines = run.stderr.trim().split('\n').filter((l) => l.startsWith('auth-conformance:'));
        expect(lines).toEqual([expect.stringMatching(new RegExp(`^auth-conformance: .*${relative(ROOT, edited).replaceAll('.', '\\.')} changed after the run was planned \\(sha256 [0-9a-f]{12}… then, [0-9a-f]{12}… now\\): nothing is judged against another contract; run again; no verdict$`))]);
      } finally {
        await server.close();
      }
    });
  }
});

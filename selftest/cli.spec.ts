import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { traqReference } from '../reference/traq/index.ts';
import { lockReportDir, LOCK_FILE } from '../engine/cli/report-lock.ts';
import { ROOT, runConformance } from './support/cli.ts';
import { startHostile } from './support/hostile.ts';
import { expect, test } from './support/reference.ts';

/** A loopback port where nothing listens: bound once, then released. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

const oneLine = (s: string) => s.trim().split('\n').filter(Boolean);

test.describe('the main command on bad input', () => {
  test('a live target where nothing listens: exit 2 within seconds, one line naming it', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/api/v3`;
    const run = await runConformance({ ...traqReference.env, CONFORMANCE_TARGET: 'live', TRAQ_BASE_URL: url });
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toEqual([`auth-conformance: cannot reach traq at ${url} (connection refused): is the server up, and is the base URL right?`]);
    expect(run.ms).toBeLessThan(30_000); // a bound on a hang, not a performance assertion
  });

  test('https:// to a plain-HTTP port: exit 2 saying the TLS handshake failed, not "does not conform"', async ({ host }) => {
    const url = host.baseUrl('traq').replace(/^http:/, 'https:');
    const run = await runConformance({ ...traqReference.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'traq', TRAQ_BASE_URL: url });
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toEqual([`auth-conformance: cannot reach traq at ${url} (TLS handshake failed (EPROTO): is it an http port? try http://)`]);
  });

  test('an unknown target kind: exit 2 naming the variable and its values', async () => {
    const run = await runConformance({ CONFORMANCE_TARGET: 'staging' });
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toEqual(['auth-conformance: CONFORMANCE_TARGET must be one of mock, live, not "staging"']);
  });

  test('an unknown API: exit 2 naming the known ones', async () => {
    const run = await runConformance({ CONFORMANCE_APIS: 'traq,keycloak' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^auth-conformance: CONFORMANCE_APIS names an unknown API "keycloak"; known: nextauth, semaphore, svix, traq\n$/);
  });

  test('a live run missing a required variable: exit 2 naming it and what it disables', async () => {
    const run = await runConformance({ CONFORMANCE_TARGET: 'live', TRAQ_BASE_URL: 'http://127.0.0.1:1/api/v3', TRAQ_USERNAME: 'someone' });
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain('TRAQ_PASSWORD is not set: every traQ v3 authentication test that authenticates needs it');
  });

  test('a malformed base URL: exit 2 quoting it', async () => {
    const run = await runConformance({ ...traqReference.env, CONFORMANCE_TARGET: 'live', TRAQ_BASE_URL: 'q.example.com/api/v3' });
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toEqual(['auth-conformance: TRAQ_BASE_URL is not a URL: "q.example.com/api/v3" (e.g. https://q.example.com/api/v3)']);
  });

  test('an env file that cannot be read: exit 2 naming the file', async () => {
    const run = await runConformance({ CONFORMANCE_ENV_FILE: '.env.does-not-exist' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^auth-conformance: cannot read the env file .*\.env\.does-not-exist \(no such file\): check CONFORMANCE_ENV_FILE\n$/);
  });
});

test.describe('a broken contract stops the run with exit 2 and names the file and the place', () => {
  const original = readFileSync(resolve(ROOT, 'contracts/traq.yaml'), 'utf8').replaceAll("'../schemas/traq/", `'${resolve(ROOT, 'schemas/traq')}/`);
  const write = (name: string, text: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'contract-')), name);
    writeFileSync(file, text);
    return file;
  };

  test('a YAML syntax error: file, line and column', async () => {
    const file = write('traq.yaml', original.replace('  title: traQ v3 authentication (conformance contract)', '  title: [unclosed'));
    const run = await runConformance({ CONFORMANCE_APIS: 'traq', CONFORMANCE_CONTRACT_TRAQ: file });
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toEqual([expect.stringMatching(new RegExp(`^auth-conformance: .*traq\\.yaml:\\d+:\\d+: YAML error: `))]);
  });

  test('not valid OpenAPI: the file and what is wrong where', async () => {
    const file = write('traq.yaml', original.replace('openapi: 3.1.0\n', 'openapi: 3.1.0\nwebhooks: 7\n'));
    const run = await runConformance({ CONFORMANCE_APIS: 'traq', CONFORMANCE_CONTRACT_TRAQ: file });
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toEqual([expect.stringMatching(/^auth-conformance: .*traq\.yaml: not valid OpenAPI: must be object near "webhooks": 7/)]);
  });

  test('a schema $ref that does not resolve: the file, the JSON pointer and the missing file', async () => {
    const file = write('traq.yaml', original.replace('/LoginSession.json', '/Missing.json'));
    const run = await runConformance({ CONFORMANCE_APIS: 'traq', CONFORMANCE_CONTRACT_TRAQ: file });
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toEqual([expect.stringMatching(/^auth-conformance: .*traq\.yaml at \/paths\/~1users~1me~1sessions\/get\/responses\/200\/content\/application~1json\/schema\/items: \$ref to .*Missing\.json does not resolve \(no such file\)$/)]);
  });
});

test.describe('runs in one checkout keep to themselves', () => {
  test('a second run into the same report folder while one runs: exit 2, one line naming the other run; the first is unharmed', async () => {
    const reportDir = mkdtempSync(join(tmpdir(), 'conformance-shared-'));
    const first = runConformance({ CONFORMANCE_APIS: 'traq', CONFORMANCE_REPORT_DIR: reportDir });
    // The first run takes the lock before it starts Playwright; wait until it has.
    await expect.poll(() => { try { return readFileSync(join(reportDir, LOCK_FILE), 'utf8'); } catch { return ''; } }, { timeout: 30_000 }).not.toBe('');
    const second = await runConformance({ CONFORMANCE_APIS: 'traq', CONFORMANCE_REPORT_DIR: reportDir });
    expect(second.code).toBe(2);
    expect(oneLine(second.stderr)).toEqual([expect.stringMatching(new RegExp(`^auth-conformance: another run \\(process \\d+, started .*\\) is writing reports to ${reportDir}: wait for it, or give this run its own CONFORMANCE_REPORT_DIR$`))]);
    const done = await first;
    expect(done.code, done.stderr).toBe(0);
  });

  test('a lock left by a run that no longer exists is taken over', () => {
    const reportDir = mkdtempSync(join(tmpdir(), 'conformance-stale-'));
    writeFileSync(join(reportDir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: '2020-01-01T00:00:00Z' }));
    expect(() => lockReportDir(reportDir)).not.toThrow();
    expect(JSON.parse(readFileSync(join(reportDir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
  });

  test("a healthy run after one whose target stopped answering, same report folder: none of the other run's state", async ({ host }) => {
    const reportDir = mkdtempSync(join(tmpdir(), 'conformance-after-'));
    const dying = await startHostile();
    try {
      const down = await runConformance({ ...traqReference.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'traq', CONFORMANCE_TIMEOUT_MS: '1000', TRAQ_BASE_URL: dying.baseUrl('dies'), CONFORMANCE_REPORT_DIR: reportDir });
      expect(down.code).toBe(2);
    } finally {
      await dying.close();
    }
    const healthy = await runConformance({ ...traqReference.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'traq', TRAQ_BASE_URL: host.baseUrl('traq', 'ok', 'after-dies'), CONFORMANCE_REPORT_DIR: reportDir });
    expect(healthy.code, healthy.stderr).toBe(0);
    expect(healthy.report!.results.filter((r) => /stopped answering/.test(r.reason ?? ''))).toEqual([]);
  });
});

test.describe('a contract override is checked before anything reads it', () => {
  const original = readFileSync(resolve(ROOT, 'contracts/traq.yaml'), 'utf8').replaceAll("'../schemas/traq/", `'${resolve(ROOT, 'schemas/traq')}/`);
  const write = (name: string, text: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'contract-')), name);
    writeFileSync(file, text);
    return file;
  };
  const ref = `${resolve(ROOT, 'schemas/traq')}/LoginSession.json`;
  let bomb = 'x-bomb:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (const [i, c] of [...'bcdefghi'].entries()) bomb += `  ${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]\n`;

  for (const target of ['mock', 'live'] as const) {
    test(`a YAML alias bomb (${target}): exit 2 in one line, before Prism or the validator load it`, async ({ host }) => {
      const file = write('traq.yaml', original.replace('openapi: 3.1.0\n', `openapi: 3.1.0\n${bomb}`));
      const run = await runConformance({ ...traqReference.env, CONFORMANCE_TARGET: target, CONFORMANCE_APIS: 'traq', TRAQ_BASE_URL: host.baseUrl('traq'), CONFORMANCE_CONTRACT_TRAQ: file });
      expect(run.code).toBe(2);
      expect(oneLine(run.stderr)).toEqual([expect.stringMatching(/^auth-conformance: .*traq\.yaml: its YAML aliases expand beyond the limit of 100 \(a resource-exhaustion risk\); write the document out without them$/)]);
    });
  }

  test('an http:// $ref: refused, and nothing fetches it', async () => {
    let requests = 0;
    const server = createHttpServer((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"$id":"x","type":"object"}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as { port: number };
      const file = write('traq.yaml', original.replace(ref, `http://127.0.0.1:${port}/LoginSession.json`));
      const run = await runConformance({ CONFORMANCE_APIS: 'traq', CONFORMANCE_CONTRACT_TRAQ: file });
      expect(run.code).toBe(2);
      expect(oneLine(run.stderr)).toEqual([expect.stringMatching(/^auth-conformance: .*traq\.yaml at \/paths\/~1users~1me~1sessions\/get\/responses\/200\/content\/application~1json\/schema\/items: \$ref with a scheme \(http:\) is not followed/)]);
      expect(requests, 'requests the $ref caused').toBe(0);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  test('a $ref to a file outside the checkout and the contract\'s folder: refused, not read', async () => {
    const outside = join(mkdtempSync(join(tmpdir(), 'elsewhere-')), 'Secret.json');
    writeFileSync(outside, '{"$id":"https://elsewhere/Secret.json","type":"object","description":"outside-secret-content"}');
    const file = write('traq.yaml', original.replace(ref, outside));
    const run = await runConformance({ CONFORMANCE_APIS: 'traq', CONFORMANCE_CONTRACT_TRAQ: file });
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toEqual([expect.stringMatching(/\$ref to .*Secret\.json is outside contracts\/ and schemas\/ of the checkout and the contract's own folder; it is not read$/)]);
    expect(run.report).toBeUndefined();
  });

  test('a $ref to a file that is not JSON: the file and the place, none of its content', async () => {
    const file = write('traq.yaml', original.replace(ref, './not-json.json'));
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(join(file, '..', 'not-json.json'), 'root:x:0:0:private-content\n');
    const run = await runConformance({ CONFORMANCE_APIS: 'traq', CONFORMANCE_CONTRACT_TRAQ: file, CONFORMANCE_TARGET: 'live', ...traqReference.env, TRAQ_BASE_URL: 'http://127.0.0.1:1/api/v3' });
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toEqual([expect.stringMatching(/traq\.yaml at \/paths\/.*: \$ref to .*not-json\.json does not resolve \(not valid JSON\)$/)]);
    expect(run.stderr).not.toMatch(/root|private-content/);
  });
});

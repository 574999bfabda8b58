import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { traqReference } from '../reference/traq/index.ts';
import { ROOT, runConformance } from './support/cli.ts';
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

  test('an unknown target kind: exit 2 naming the variable and its values', async () => {
    const run = await runConformance({ CONFORMANCE_TARGET: 'staging' });
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toEqual(['auth-conformance: CONFORMANCE_TARGET must be one of mock, live, not "staging"']);
  });

  test('an unknown API: exit 2 naming the known ones', async () => {
    const run = await runConformance({ CONFORMANCE_APIS: 'traq,keycloak' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^auth-conformance: CONFORMANCE_APIS names an unknown API "keycloak"; known: traq, nextauth, svix, semaphore\n$/);
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

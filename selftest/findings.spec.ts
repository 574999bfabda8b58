import { expect, test } from '@playwright/test';
import { summarizeCleanup } from '../engine/reporter/cleanup.ts';
import { findings, findingsLine } from '../engine/reporter/findings.ts';
import type { Result } from '../engine/reporter/model.ts';
import { traqReference } from '../reference/traq/index.ts';
import { runConformance } from './support/cli.ts';
import { test as withHost } from './support/reference.ts';

/** Results are counted; problems are what a reader acts on. These are the rules that turn one into the other. */

const result = (operationId: string, requirement: string, verdict: Result['verdict'], violation?: { check: string; message: string; received?: string }, kind: Result['source']['kind'] = 'rfc'): Result => ({
  api: 'semaphore', operationId, method: 'GET', path: '/x', requirement, level: verdict === 'warn' ? 'SHOULD' : 'MUST', summary: requirement, verdict, forcedByMock: false,
  source: { kind, url: 'https://example.invalid' },
  test: { title: `${operationId} test`, file: 'suites/semaphore/x.spec.ts', line: 1 },
  evidence: violation ? [{ violations: [violation], exchanges: [] }] : [],
  ...(verdict === 'fail' && !violation ? { reason: 'the test failed before checking it: boom' } : {}),
});
const noChallenge = { check: 'challenge_on_401', message: 'no WWW-Authenticate on 401', received: 'absent' };

test('the same missing header on 13 responses of 5 operations is one finding', () => {
  const ops = ['listApiTokens', 'createApiToken', 'deleteApiToken', 'login', 'logout'];
  const results = Array.from({ length: 13 }, (_, i) => ({ ...result(ops[i % 5]!, 'RFC9110-15.5.2', 'fail', noChallenge), test: { title: `test ${i}`, file: 'f', line: i } }));
  const found = findings(results);
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ requirement: 'RFC9110-15.5.2', category: 'rfc', received: 'absent' });
  expect(found[0]!.seenIn).toHaveLength(13);
  expect(findingsLine(found, results)).toBe('1 problem in 13 results (1 MUST, 0 SHOULD)');
});

test('different received values, requirements or checks are different problems; passes and skips are none', () => {
  const results = [
    result('login', 'semaphore:login#400', 'fail', { check: 'status_as_expected', message: 'status 401 where the scenario requires 400', received: '401' }, 'vendor'),
    result('login', 'semaphore:login#400', 'fail', { check: 'status_as_expected', message: 'status 500 where the scenario requires 400', received: '500' }, 'vendor'),
    result('login', 'ASVS-3.4.3', 'warn', { check: 'session_cookie_samesite', message: 'no SameSite', received: 'httponly' }, 'asvs'),
    result('logout', 'semaphore:logout#204', 'fail', undefined, 'vendor'),
    result('login', 'RFC9110-15.5.2', 'pass'),
    result('login', 'RFC9110-15.5.2', 'skip'),
  ];
  const found = findings(results);
  expect(found.map((f) => `${f.verdict} ${f.category} ${f.requirement} ${f.received ?? f.message}`)).toEqual([
    'fail deviation semaphore:login#400 401',
    'fail deviation semaphore:login#400 500',
    'fail deviation semaphore:logout#204 the test failed before checking it: boom',
    'warn practice ASVS-3.4.3 httponly',
  ]);
  expect(findings([])).toEqual([]);
  expect(findingsLine([], [])).toBe('no problems found');
});

test('clean-up is said as it was seen: credentials that still work are counted and stated, unknown ones apart', () => {
  const summary = summarizeCleanup([
    ...Array.from({ length: 13 }, () => ({ api: 'semaphore', kind: 'session' as const, how: 'logout', stillWorks: true })),
    { api: 'semaphore', kind: 'session', how: 'logout', stillWorks: false },
    { api: 'semaphore', kind: 'token', how: 'DELETE /user/tokens/{id}', stillWorks: false },
    { api: 'semaphore', kind: 'token', how: 'DELETE /user/tokens/{id}', stillWorks: null },
  ]);
  expect(summary).toEqual([
    { api: 'semaphore', kind: 'session', how: 'logout', ended: 14, stillWork: 13, unknown: 0, statement: "semaphore: 13 sessions still authenticate after logout (of 14 the run ended): this server's logout does not end sessions; end them on the server" },
    { api: 'semaphore', kind: 'token', how: 'DELETE /user/tokens/{id}', ended: 2, stillWork: 0, unknown: 1 },
  ]);
});

withHost('a live run against a fault prints its findings before the counts, one line per problem', async ({ host }) => {
  const run = await runConformance({ ...traqReference.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'traq', CONFORMANCE_ALLOW_DESTRUCTIVE: '1', TRAQ_BASE_URL: host.baseUrl('traq', 'login-401-without-challenge', 'findings') });
  const lines = run.stdout.split('\n');
  const lead = lines.findIndex((l) => /^\d+ problems? in \d+ results?/.test(l));
  expect(lead, run.stdout.slice(-2000)).toBeGreaterThanOrEqual(0);
  expect(lead).toBeLessThan(lines.findIndex((l) => l.startsWith('traq: does not conform')));
  expect(lines[lead]).toMatch(/^1 problem in 2 results/);
  expect(lines[lead + 1]).toContain('RFC9110-15.5.2');
  expect(run.report!.findings).toHaveLength(1);
  expect(run.stdout).toMatch(/gate \(must\): FAILED \(1 problem in 2 results breaks it\)/);
});

import { REFERENCES } from '../reference/index.ts';
import { runConformance } from './support/cli.ts';
import { expect, test } from './support/reference.ts';

/**
 * A live run promises only the clean-up it has seen: it tries every session and token it ended
 * once more, and says how many still work. A server whose logout does not end sessions must not be
 * reported as cleaned up, and a conforming one must not be blamed.
 */
const semaphore = REFERENCES.find((r) => r.api === 'semaphore')!;
const run = (baseUrl: string) => runConformance({ ...semaphore.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'semaphore', SEMAPHORE_BASE_URL: baseUrl });

test('a logout that does not end sessions is said in the CLI and the report, with how many still work', async ({ host }) => {
  const r = await run(host.baseUrl('semaphore', 'logout-keeps-session', 'cleanup'));
  const sessions = r.report!.cleanup.find((c) => c.kind === 'session' && c.how === 'logout');
  expect(sessions, JSON.stringify(r.report!.cleanup)).toBeDefined();
  expect(sessions!.stillWork).toBe(sessions!.ended);
  expect(sessions!.ended).toBeGreaterThan(3);
  expect(sessions!.statement).toMatch(new RegExp(`^semaphore: ${sessions!.stillWork} sessions still authenticate after logout .*does not end sessions`));
  expect(r.stdout).toContain(`clean-up: ${sessions!.statement}`);
});

test('a server that ends what the run ended gets no clean-up statement', async ({ host }) => {
  const r = await run(host.baseUrl('semaphore', 'ok', 'cleanup'));
  expect(r.report!.cleanup.length).toBeGreaterThan(0);
  expect(r.report!.cleanup.map((c) => `${c.kind} ${c.how}: ${c.stillWork} of ${c.ended} still work, ${c.unknown} unknown`))
    .toEqual(r.report!.cleanup.map((c) => `${c.kind} ${c.how}: 0 of ${c.ended} still work, 0 unknown`));
  expect(r.stdout).not.toContain('clean-up:');
});

import { svixReference } from '../reference/svix/index.ts';
import { runConformance } from './support/cli.ts';
import { expect, test } from './support/reference.ts';

/**
 * Svix's clean-up is checked, not claimed: every app-portal token the run logged out at teardown is
 * tried once more (dashboard-access for an application that does not exist: 401 if it is gone).
 */
const run = (baseUrl: string) => runConformance({ ...svixReference.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'svix', SVIX_BASE_URL: baseUrl });

test('a logout that leaves app-portal tokens working is said in the CLI and the report', async ({ host }) => {
  const r = await run(host.baseUrl('svix', 'logout-does-not-revoke', 'svix-cleanup'));
  const tokens = r.report!.cleanup.find((c) => c.kind === 'token' && c.how === 'logout');
  expect(tokens, JSON.stringify(r.report!.cleanup)).toBeDefined();
  expect(tokens!.ended).toBeGreaterThan(3);
  expect(tokens!.stillWork).toBe(tokens!.ended);
  expect(r.stdout).toContain(`clean-up: ${tokens!.statement}`);
});

test('a server whose logout ends app-portal tokens gets no clean-up statement', async ({ host }) => {
  const r = await run(host.baseUrl('svix', 'ok', 'svix-cleanup'));
  expect(r.report!.cleanup.map((c) => `${c.kind} ${c.how}: ${c.stillWork} of ${c.ended} still work, ${c.unknown} unknown`))
    .toEqual([expect.stringMatching(/^token logout: 0 of [1-9]\d* still work, 0 unknown$/)]);
  expect(r.stdout).not.toContain('clean-up:');
});

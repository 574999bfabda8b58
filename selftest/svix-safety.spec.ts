import { svixReference } from '../reference/svix/index.ts';
import { APP_ID, ORG_TOKEN } from '../reference/svix/model.ts';
import type { ReferenceHost } from '../reference/kit/host.ts';
import { failedMust, runConformance } from './support/cli.ts';
import { expect, test } from './support/reference.ts';

/**
 * Svix on staging: a request that would end something the run did not create, should the server
 * get it wrong, is aimed at an object the run made for the purpose or waits for the opt-in. Shown
 * against a server that gets all of them wrong: it accepts an expiry out of range, reads a missing
 * body as {} (expire at once), serves expire-all without credentials and logs the organisation
 * token out. A default run must send none of those requests to the real application or with the
 * organisation token, and an app-portal token someone else holds must still work afterwards.
 */
const WRONG = ['expire-all-accepts-out-of-range', 'expire-all-missing-body-is-empty', 'expire-all-ignores-missing-auth', 'logout-accepts-org-token'].join('+');

const env = (base: string, extra: Record<string, string> = {}) => ({
  ...svixReference.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'svix', SVIX_BASE_URL: base, ...extra,
});

/** Portal access someone on staging holds: minted before the run, unknown to it. */
async function foreignPortalToken(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/dashboard-access/${APP_ID}/`, { method: 'POST', headers: { authorization: `Bearer ${ORG_TOKEN}` } });
  return ((await res.json()) as { token: string }).token;
}

/** 403 (authenticated, not allowed) rather than 401: the token still works. Asking changes nothing. */
async function stillAuthenticates(base: string, token: string): Promise<number> {
  return (await fetch(`${base}/api/v1/auth/dashboard-access/${APP_ID}/`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).status;
}

/** Requests that, answered wrongly, end what the run did not create: expire-all on the real application, logout with the organisation token. */
function riskyRequests(host: ReferenceHost, instance: string): string[] {
  return host.recordings().filter((r) => r.api === 'svix' && r.instance.endsWith(`~${instance}`))
    .filter((r) => r.path.startsWith(`/api/v1/auth/app/${APP_ID}/expire-all/`) || (r.path.startsWith('/api/v1/auth/logout/') && r.requestHeaders.authorization === `Bearer ${ORG_TOKEN}`))
    .map((r) => `${r.method} ${r.path} → ${r.status}`);
}

test('a default live run sends no expire-all to SVIX_APP_ID and no logout with the organisation token, even to a server that would accept them', async ({ host }) => {
  const base = host.baseUrl('svix', WRONG, 'svix-safety-default');
  const foreign = await foreignPortalToken(base);
  const run = await runConformance(env(base));
  expect(run.report, run.stderr || run.stdout).toBeDefined();
  expect(riskyRequests(host, 'svix-safety-default')).toEqual([]);
  expect(await stillAuthenticates(base, foreign)).toBe(403);
  // What it could judge safely it still judged: expire-all without credentials, on an application that does not exist.
  expect(failedMust(run.report!)).toContain('svix:expireAll#401');
  const skipped = run.report!.results.filter((r) => r.verdict === 'skip').map((r) => `${r.requirement}: ${r.reason}`).join('\n');
  expect(skipped).toContain('svix:logout#403: logout with the organisation token (SVIX_TOKEN) would end it');
  expect(skipped).toContain('svix:expireAll#403: a server that wrongly accepted this request would expire every app-portal token of SVIX_APP_ID');
  expect(skipped).toContain('svix:expireAll#422: this server looks the application up before it validates the body');
});

test('without faults, a default live run passes and still provokes expire-all\'s 422s on an application that does not exist', async ({ host }) => {
  const base = host.baseUrl('svix', 'ok', 'svix-safety-ok');
  const foreign = await foreignPortalToken(base);
  const run = await runConformance(env(base));
  expect(run.code, run.stdout.slice(-1500)).toBe(0);
  expect(riskyRequests(host, 'svix-safety-ok')).toEqual([]);
  expect(await stillAuthenticates(base, foreign)).toBe(403);
  const expireAll422 = run.report!.results.filter((r) => r.requirement === 'svix:expireAll#422').map((r) => r.verdict);
  expect(expireAll422.length).toBeGreaterThan(0);
  expect(expireAll422.every((v) => v === 'pass'), expireAll422.join(', ')).toBe(true);
});

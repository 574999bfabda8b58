import { API_DEFINITIONS } from '../engine/config/apis.ts';
import { REFERENCES } from '../reference/index.ts';
import { runConformance } from './support/cli.ts';
import { expect, test } from './support/reference.ts';

/**
 * The second identity is optional like every variable: a live run without it passes, and exactly
 * the tests that need it skip, each naming its API's variables; with it they run (and pass on the
 * conformant reference servers).
 */
const SECOND = /_SECOND_/;

test('without the second identities the cross-identity tests skip and name the variables; with them they run', async ({ host }) => {
  const env = (withSecond: boolean, instance: string): Record<string, string> => Object.fromEntries([
    ['CONFORMANCE_TARGET', 'live'],
    // Some cross-identity tests also need consent to end what the run did not create; both runs have it.
    ['CONFORMANCE_ALLOW_DESTRUCTIVE', '1'],
    ['CONFORMANCE_APIS', REFERENCES.map((r) => r.api).join(',')],
    ...REFERENCES.flatMap((r) => [
      ...Object.entries(r.env).filter(([name]) => withSecond || !SECOND.test(name)),
      [API_DEFINITIONS[r.api].baseUrlVariable, host.baseUrl(r.api, 'ok', instance)],
    ]),
  ]);
  const [without, withIt] = [await runConformance(env(false, 'no-second')), await runConformance(env(true, 'second'))];
  for (const run of [without, withIt]) expect(run.code, run.stdout.slice(-1500) + run.stderr).toBe(0);

  const key = (r: { api: string; test: { title: string } }) => `${r.api}: ${r.test.title}`;
  const ran = new Set(withIt.report!.results.filter((r) => r.verdict !== 'skip').map(key));
  const needSecond = without.report!.results.filter((r) => r.verdict === 'skip' && SECOND.test(r.reason ?? ''));
  for (const r of REFERENCES) {
    const own = needSecond.filter((x) => x.api === r.api);
    expect(own.length, `${r.api} has tests that need its second identity`).toBeGreaterThan(0);
    const names = API_DEFINITIONS[r.api].variables.map((v) => v.name).filter((n) => SECOND.test(n));
    for (const x of own) expect(names.some((n) => x.reason!.includes(n)), `${key(x)} names ${names.join(' or ')}: ${x.reason}`).toBe(true);
  }
  // Each of them runs once the variables are there: the skip was for the second identity and nothing else.
  const stillSkipped = [...new Set(needSecond.map(key))].filter((k) => !ran.has(k));
  expect(stillSkipped).toEqual([]);
  // And every requirement they name is judged: a probe that could never tell would leave the effect "not judged" on every server.
  const needKeys = new Set(needSecond.map(key));
  const unjudged = withIt.report!.results.filter((r) => needKeys.has(key(r)) && r.verdict !== 'pass').map((r) => `${key(r)} [${r.requirement}] ${r.verdict}: ${r.reason ?? ''}`);
  expect(unjudged).toEqual([]);
});

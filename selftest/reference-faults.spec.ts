import { API_DEFINITIONS, AVAILABLE_APIS } from '../engine/config/apis.ts';
import type { ConformanceReport } from '../engine/reporter/model.ts';
import { REFERENCES } from '../reference/index.ts';
import type { ReferenceHost } from '../reference/kit/host.ts';
import type { ReferenceApi } from '../reference/kit/types.ts';
import { REQUIREMENTS } from '../requirements/index.ts';
import { runConformance, type CliRun } from './support/cli.ts';
import { expect, test } from './support/reference.ts';

/**
 * The proof that the suites are honest both ways: each reference server passes every requirement
 * without faults, each variant (a different but conformant server) passes too, and each switchable
 * fault fails exactly the MUST requirements its catalogue names (and warns exactly on the SHOULDs).
 * Every run goes through the real CLI in live mode.
 *
 * One run judges one server of each API at once (the i-th fault of every API, say): an API's
 * verdicts come only from its own server, so each test reads its own API's results, and four
 * proofs cost one start-up of the CLI, the runner and a worker instead of four. The tests of a
 * run stay in one worker, in order, and share it; a worker that restarts (after a failed test)
 * runs it again rather than lose a proof.
 */
/**
 * The proofs' own server instances: other self-tests in the same worker use the same faults, and a
 * run with destructive steps allowed changes its server's state (it unlinks an account, expires
 * tokens), so sharing an instance would make verdicts depend on test order.
 */
const PROOF = 'proof';

type Ref = ReferenceApi;
/** One API's server in a shared run: `switches` is `ok`, a fault's or a variant's name. */
interface Member {
  ref: Ref;
  switches: string;
}

const refs = REFERENCES.filter((r) => AVAILABLE_APIS.includes(r.api));

test('every reference server carries at least 8 variants, and no name is both a fault and a variant', () => {
  for (const ref of REFERENCES) {
    expect(Object.keys(ref.variants).length, `${ref.api} variants`).toBeGreaterThanOrEqual(8);
    expect(Object.keys(ref.variants).filter((v) => v in ref.faults), ref.api).toEqual([]);
  }
});

const runs = new Map<string, Promise<CliRun>>();

/** The run of these members, started by the first test that needs it in this worker. */
function sharedRun(members: readonly Member[], host: ReferenceHost): Promise<CliRun> {
  const key = members.map((m) => `${m.ref.api}/${m.switches}`).join(' ');
  let run = runs.get(key);
  if (!run) {
    const env: Record<string, string> = { CONFORMANCE_TARGET: 'live', CONFORMANCE_ALLOW_DESTRUCTIVE: '1', CONFORMANCE_SEED: '20261123' };
    for (const { ref, switches } of members) Object.assign(env, ref.env, { [API_DEFINITIONS[ref.api].baseUrlVariable]: host.baseUrl(ref.api, switches, PROOF) });
    env.CONFORMANCE_APIS = members.map((m) => m.ref.api).join(',');
    run = runConformance(env);
    runs.set(key, run);
  }
  return run;
}

/** Row i of every API's list: the members of the i-th shared run. */
function rows<T>(lists: (ref: Ref) => [string, T][]): { ref: Ref; name: string; item: T }[][] {
  const per = refs.map((ref) => lists(ref).map(([name, item]) => ({ ref, name, item })));
  return Array.from({ length: Math.max(0, ...per.map((l) => l.length)) }, (_, i) => per.flatMap((l) => (l[i] ? [l[i]] : [])));
}

const of = (r: ConformanceReport, api: string, verdict: string): string[] =>
  [...new Set(r.results.filter((x) => x.api === api && x.verdict === verdict).map((x) => x.requirement))].sort();

/** Skips other than those of the statuses no request can provoke, for one API. */
function needlessSkips(r: ConformanceReport, api: string): string[] {
  const unexercisable = new Set(expectedUnexercised(api).map((line) => line.split(':').slice(0, 2).join(':')));
  return r.results.filter((x) => x.api === api && x.verdict === 'skip' && !unexercisable.has(x.requirement)).map((x) => `${x.requirement}: ${x.reason}`);
}

test.describe('reference servers without faults', () => {
  test.describe.configure({ mode: 'default' });
  const members = refs.map((ref) => ({ ref, switches: 'ok' }));
  for (const { ref } of members) {
    test(`${ref.api}: every requirement passes, nothing warns, nothing is skipped that a request could provoke`, async ({ host }) => {
      const run = await sharedRun(members, host);
      expect(run.stderr).toBe('');
      expect(run.report, run.stdout).toBeDefined();
      const r = run.report!;
      expect(of(r, ref.api, 'fail')).toEqual([]);
      expect(of(r, ref.api, 'warn')).toEqual([]);
      // Nothing is skipped but the statuses no request can provoke, listed (with why) below.
      expect(needlessSkips(r, ref.api)).toEqual([]);
      expect(r.coverage.filter((c) => c.api === ref.api && c.state !== 'provoked').map((c) => `${c.requirement}: ${c.state} ${c.reason ?? ''}`)).toEqual(expectedUnexercised(ref.api));
      expect(run.code).toBe(0);
    });
  }
});

// The mirror of the faults: a server that differs from the reference but conforms must pass, and
// must not lose checks to skips either (a variant that stops a precondition would hide them).
rows((ref) => Object.entries(ref.variants)).forEach((row, i) => {
  const members = row.map(({ ref, name }) => ({ ref, switches: name }));
  test.describe(`variants, run ${i + 1}`, () => {
    test.describe.configure({ mode: 'default' });
    for (const { ref, name, item: variant } of row) {
      test(`${ref.api} variant ${name} passes: ${variant.summary}`, async ({ host }) => {
        const run = await sharedRun(members, host);
        expect(run.report, run.stderr || run.stdout).toBeDefined();
        const r = run.report!;
        expect(of(r, ref.api, 'fail'), `the MUST requirements that failed (allowed by: ${variant.allowedBy})`).toEqual([]);
        expect(of(r, ref.api, 'warn'), 'the SHOULD requirements that warned').toEqual([...(variant.warns ?? [])].sort());
        expect(needlessSkips(r, ref.api)).toEqual([]);
        expect(run.code, 'no variant of the run fails a MUST').toBe(0);
      });
    }
  });
});

rows((ref) => Object.entries(ref.faults)).forEach((row, i) => {
  const members = row.map(({ ref, name }) => ({ ref, switches: name }));
  // The gate fails exactly when a MUST fails, here in any API of the run.
  const gateFails = row.some(({ item }) => item.catches.length > 0);
  test.describe(`faults, run ${i + 1}`, () => {
    test.describe.configure({ mode: 'default' });
    for (const { ref, name, item: fault } of row) {
      test(`${ref.api} fault ${name} is caught: ${fault.summary}`, async ({ host }) => {
        const run = await sharedRun(members, host);
        expect(run.report, run.stderr || run.stdout).toBeDefined();
        expect(of(run.report!, ref.api, 'fail'), 'the MUST requirements that failed').toEqual([...fault.catches].sort());
        expect(of(run.report!, ref.api, 'warn'), 'the SHOULD requirements that warned').toEqual([...(fault.warns ?? [])].sort());
        expect(run.code, `the gate fails exactly when a MUST fails (in this run: ${members.map((m) => `${m.ref.api} ${m.switches}`).join(', ')})`).toBe(gateFails ? 1 : 0);
      });
    }
  });
});

/** Documented statuses no request can provoke: the contract says why, in the x-requirement's not-provokable. */
function expectedUnexercised(api: string): string[] {
  return Object.entries(REQUIREMENTS).filter(([id, r]) => id.startsWith(`${api}:`) && r.notProvokable)
    .map(([id, r]) => `${id}: not-exercised not provokable: ${r.notProvokable}`);
}

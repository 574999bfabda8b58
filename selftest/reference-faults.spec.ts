import { API_DEFINITIONS, AVAILABLE_APIS } from '../engine/config/apis.ts';
import { REFERENCES } from '../reference/index.ts';
import { REQUIREMENTS } from '../requirements/index.ts';
import { failedMust, runConformance, warnedShould } from './support/cli.ts';
import { expect, test } from './support/reference.ts';

/**
 * The proof that the suites are honest both ways: each reference server passes every requirement
 * without faults, each variant (a different but conformant server) passes too, and each switchable
 * fault fails exactly the MUST requirements its catalogue names (and warns exactly on the SHOULDs).
 * Every run goes through the real CLI in live mode.
 */
/**
 * The proofs' own server instances: other self-tests in the same worker use the same faults, and a
 * run with destructive steps allowed changes its server's state (it unlinks an account, expires
 * tokens), so sharing an instance would make verdicts depend on test order.
 */
const PROOF = 'proof';

test('every reference server carries at least 8 variants, and no name is both a fault and a variant', () => {
  for (const ref of REFERENCES) {
    expect(Object.keys(ref.variants).length, `${ref.api} variants`).toBeGreaterThanOrEqual(8);
    expect(Object.keys(ref.variants).filter((v) => v in ref.faults), ref.api).toEqual([]);
  }
});

for (const ref of REFERENCES.filter((r) => AVAILABLE_APIS.includes(r.api))) {
  const liveEnv = (baseUrl: string) => ({
    ...ref.env,
    CONFORMANCE_TARGET: 'live',
    CONFORMANCE_APIS: ref.api,
    CONFORMANCE_ALLOW_DESTRUCTIVE: '1',
    CONFORMANCE_SEED: '20261123',
    [API_DEFINITIONS[ref.api].baseUrlVariable]: baseUrl,
  });

  test.describe(`${ref.api} reference server`, () => {
    test('without faults: every requirement passes, nothing warns, nothing is skipped that a request could provoke', async ({ host }) => {
      const run = await runConformance(liveEnv(host.baseUrl(ref.api, 'ok', PROOF)));
      expect(run.stderr).toBe('');
      expect(run.report, run.stdout).toBeDefined();
      const r = run.report!;
      expect(failedMust(r)).toEqual([]);
      expect(warnedShould(r)).toEqual([]);
      // Nothing is skipped but the statuses no request can provoke, listed (with why) below.
      const unexercisable = new Set(expectedUnexercised(ref.api).map((line) => line.split(':').slice(0, 2).join(':')));
      expect(r.results.filter((x) => x.verdict === 'skip' && !unexercisable.has(x.requirement)).map((x) => `${x.requirement}: ${x.reason}`)).toEqual([]);
      expect(r.coverage.filter((c) => c.state !== 'provoked').map((c) => `${c.requirement}: ${c.state} ${c.reason ?? ''}`)).toEqual(expectedUnexercised(ref.api));
      expect(run.code).toBe(0);
    });

    // The mirror of the faults: a server that differs from the reference but conforms must pass, and
    // must not lose checks to skips either (a variant that stops a precondition would hide them).
    for (const [name, variant] of Object.entries(ref.variants)) {
      test(`variant ${name} passes: ${variant.summary}`, async ({ host }) => {
        const run = await runConformance(liveEnv(host.baseUrl(ref.api, name, PROOF)));
        expect(run.report, run.stderr || run.stdout).toBeDefined();
        const r = run.report!;
        expect(failedMust(r), `the MUST requirements that failed (allowed by: ${variant.allowedBy})`).toEqual([]);
        expect(warnedShould(r), 'the SHOULD requirements that warned').toEqual([...(variant.warns ?? [])].sort());
        const unexercisable = new Set(expectedUnexercised(ref.api).map((line) => line.split(':').slice(0, 2).join(':')));
        expect(r.results.filter((x) => x.verdict === 'skip' && !unexercisable.has(x.requirement)).map((x) => `${x.requirement}: ${x.reason}`)).toEqual([]);
        expect(run.code).toBe(0);
      });
    }

    for (const [name, fault] of Object.entries(ref.faults)) {
      test(`fault ${name} is caught: ${fault.summary}`, async ({ host }) => {
        const run = await runConformance(liveEnv(host.baseUrl(ref.api, name, PROOF)));
        expect(run.report, run.stderr || run.stdout).toBeDefined();
        expect(failedMust(run.report!), 'the MUST requirements that failed').toEqual([...fault.catches].sort());
        expect(warnedShould(run.report!), 'the SHOULD requirements that warned').toEqual([...(fault.warns ?? [])].sort());
        expect(run.code, 'the gate fails exactly when a MUST fails').toBe(fault.catches.length > 0 ? 1 : 0);
      });
    }
  });
}

/** Documented statuses no request can provoke: the contract says why, in the x-requirement's not-provokable. */
function expectedUnexercised(api: string): string[] {
  return Object.entries(REQUIREMENTS).filter(([id, r]) => id.startsWith(`${api}:`) && r.notProvokable)
    .map(([id, r]) => `${id}: not-exercised not provokable: ${r.notProvokable}`);
}

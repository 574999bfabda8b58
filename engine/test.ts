import { createHash } from 'node:crypto';
// The English-only entry: the full package loads every locale (~0.6 s), and a worker starts anew after each failed test.
import { faker } from '@faker-js/faker/locale/en';
import type { Faker } from '@faker-js/faker';
import { expect as baseExpect, type TestInfo } from '@playwright/test';
import { requirement, type RequirementId } from '../requirements/index.ts';
import { WARNING_ANNOTATION } from './annotations.ts';
import { rootTest as base } from './root-test.ts';
import { evaluate, finding, type EvaluateOptions, type Outcome } from './checks/evaluate.ts';
import type { ApiName } from './config/apis.ts';
import { curl } from './http/curl.ts';
import type { Exchange } from './http/exchange.ts';
import type { Violation } from './checks/types.ts';
import { EVIDENCE_CONTENT_TYPE, EVIDENCE_NAME, forEvidence, type CheckRecord } from './evidence.ts';
import { formatRecord } from './format.ts';
import { runContext, type RunContext } from './run.ts';

export { req } from './annotations.ts';
export { finding };
export { violation } from './checks/types.ts';
export { anonymous, ApiClient, type Identity } from './client.ts';

/** The engine's fixtures: the run (per worker) and a faker seeded from the run's seed and the test's title. */
export const test = base.extend<{ data: Faker }, { run: RunContext }>({
  run: [async ({}, use) => {
    const run = runContext();
    await run.ready();
    await use(run);
    await run.released();
  }, { scope: 'worker' }],
  data: async ({ run }, use, testInfo) => {
    // One instance per worker, re-seeded for each test; a worker runs one test at a time.
    faker.seed(seedFor(run.settings.seed, testInfo.titlePath.join(' › ')));
    await use(faker);
  },
});

/** Same seed and title, same data: a failing run replays exactly with CONFORMANCE_SEED. */
function seedFor(runSeed: number, title: string): number {
  return createHash('sha256').update(`${runSeed}\0${title}`).digest().readUInt32BE(0);
}

export type { EvaluateOptions as ConformOptions } from './checks/evaluate.ts';

const isExchange = (v: unknown): v is Exchange => typeof v === 'object' && v !== null && 'request' in v && 'operationId' in v;

/**
 * The one matcher that turns violations into failures. Given an exchange it runs every applicable
 * check; given an outcome (from `finding`) it judges that. Each requirement's verdict is attached
 * as redacted evidence; a violated MUST fails the test, a violated SHOULD is a warning.
 */
export const expect = baseExpect.extend({
  toConform(received: Exchange | Outcome, options: EvaluateOptions = {}) {
    if (this.isNot) throw new Error('toConform cannot be negated: name the status or behaviour the server must show instead');
    const run = runContext();
    const outcomes = isExchange(received) ? evaluate(received, run.contract(received.api as ApiName), options) : [received];
    const info = base.info();
    const records = outcomes.map((o): CheckRecord => {
      const level = requirement(o.requirement).level;
      return {
        requirement: o.requirement,
        level,
        verdict: o.violations.length > 0 ? (level === 'MUST' ? 'fail' : 'warn') : o.unjudged ? 'skip' : 'pass',
        ...(o.unjudged ? { reason: run.redactor.text(o.unjudged) } : {}),
        violations: o.violations.map((v) => run.redactor.violation(v)),
        exchanges: o.exchanges.map((e) => {
          const redacted = forEvidence(run.redactor.exchange(e));
          return { ...redacted, curl: curl(redacted.request) };
        }),
        forcedByMock: o.exchanges.some((e) => e.forcedByMock === true),
      };
    });
    for (const r of records) {
      info.attachments.push({ name: EVIDENCE_NAME, contentType: EVIDENCE_CONTENT_TYPE, body: Buffer.from(JSON.stringify(r)) });
      if (r.verdict === 'warn') info.annotations.push({ type: WARNING_ANNOTATION, description: `${r.requirement}: ${r.violations.map((v) => v.message).join('; ')}` });
    }
    const failed = records.filter((r) => r.verdict === 'fail');
    return {
      pass: failed.length === 0,
      name: 'toConform',
      message: () => failed.map(formatRecord).join('\n\n'),
    };
  },
});

/**
 * Judges a refusal where the document names no status for it: any 4xx, owned by the behaviour the
 * exchange proves, and whatever else must hold of it (`also`, e.g. "no session was set"). The rest
 * is judged as for any exchange: a 401 answers to RFC 9110 for its challenge, a JSON body parses.
 */
export function expectRefused(ex: Exchange, because: RequirementId, also: Violation[] = []): void {
  if (also.length > 0) expect.soft(finding(because, [ex], also)).toConform();
  const refusal: Exchange = { ...ex, expectedStatus: '4XX' };
  expect(refusal).toConform({ because });
}

/** A test the engine writes for a suite, which registers it itself: Playwright then places the test (and its failure) in the suite's file. */
export interface SharedTest<T> {
  title: string;
  details: { annotation: { type: string; description: string }[] };
  body(fixtures: T, info: TestInfo): Promise<void>;
}

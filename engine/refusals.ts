import type { Faker } from '@faker-js/faker';
import type { TestType } from '@playwright/test';
import { isRequirementId, requirement, type RequirementId } from '../requirements/index.ts';
import { OPERATION_ANNOTATION, req } from './annotations.ts';
import { refused } from './checks/refused.ts';
import type { Identity } from './client.ts';
import { contractFile } from './config/apis.ts';
import { loadContract } from './contract/load.ts';
import type { Operation } from './contract/model.ts';
import { describeScheme, forge, refusalCases, servedCases, together, type RefusalCase } from './contract/security.ts';
import type { Exchange, ExpectedStatus } from './http/exchange.ts';
import type { RunContext } from './run.ts';
import { expect, expectRefused, finding, type SharedTest } from './test.ts';

/** The options a suite's `call` takes: at least the expected status, who asks, and the query. */
interface Sent {
  expect?: ExpectedStatus;
  as?: Identity;
  query?: Record<string, string | number | boolean | undefined>;
}

/** A refusal the contract cannot state, one row per kind of request, tried on each operation it applies to. */
export interface RefusalRow<Fx, Op extends string, Opts extends Sent> {
  title: string;
  /**
   * The status the request is sent expecting: one the contract documents is judged as its
   * `<api>:<operationId>#<status>`; a list (where the document names none) only as a refusal.
   */
  expect: number | readonly number[];
  /** `<api>:<operationId>.<behaviour>`, by its suffix: what the refusal proves whatever its status. */
  behaviour?: string;
  /** The operations it is tried on; every operation of the contract when not given. */
  operations?: readonly Op[];
  request(fx: Fx, operationId: Op): Partial<Opts>;
}

/** An API's flows, as far as a refusal needs them: how a request is sent (and what it created undone), and whether effects show. */
export interface RefusalFlows {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each suite's call takes its own operation ids and options
  call(operationId: any, options: any): Promise<Exchange>;
  needState(what: string): void;
}

/** The operation ids and the options of a suite's `call`. */
type OpOf<F extends RefusalFlows> = Parameters<F['call']>[0] & string;
type OptsOf<F extends RefusalFlows> = Parameters<F['call']>[1] & Sent;

/** What a refusal's callbacks get: the API's flows (each suite's `flows` fixture), the seeded faker and the run. */
export interface RefusalFixtures<F> {
  flows: F;
  data: Faker;
  run: RunContext;
}

/** What a suite tells the generator besides its contract. */
export interface RefusalSuite<F extends RefusalFlows, Op extends string = OpOf<F>, Opts extends Sent = OptsOf<F>> {
  api: string;
  /** What a request of the operation carries besides its credentials, for the refusal at hand (none for the served control). */
  request?(fx: RefusalFixtures<F>, operationId: Op, refusal?: RefusalCase): Partial<Opts>;
  /** The genuine credential of a scheme, sent beside the forged value of another (an allowed key with a made-up role). */
  genuine?(fx: RefusalFixtures<F>, scheme: string): Identity;
  /**
   * The caller's own credential of each scheme the suite can obtain (a fresh session, a token it
   * created and will expire). With it, each safe operation that documents 200 is first sent with
   * each accepted credential: the control that shows a refusal is the credential's doing.
   */
  served?: Partial<Record<string, (fx: RefusalFixtures<F>) => Promise<Identity> | Identity>>;
  rows?: readonly RefusalRow<RefusalFixtures<F>, Op, Opts>[];
}

/** What one refusal proves and how it is judged. */
interface Judgement {
  expect: ExpectedStatus;
  /** The documented status whose requirement judges the answer; without it, any 4xx refuses. */
  status?: RequirementId;
  behaviour?: RequirementId;
  proves: RequirementId[];
}

/** An operation's refusal tests, under the describe title the operation's own spec file uses. */
export interface RefusalGroup<T> {
  title: string;
  tests: SharedTest<T>[];
}

/**
 * Per operation that requires credentials, a test for each refusal its `security` calls for (no
 * credential; a forged value of each scheme it accepts), then the suite's own rows. Each proves
 * what the contract names: the documented 401 or 403 (and RFC 9110's challenge where a 401 is every
 * conforming server's answer), and the operation's `x-refusal` behaviour. Where the suite can
 * obtain genuine credentials (`served`), a safe operation's group opens with the request served
 * for each of them: the positive control of its refusals. `test` only carries the
 * suite's fixture types; the suite registers the tests itself, so a failure points at its file:
 *
 *   for (const g of refusalTests(test, {...})) test.describe(g.title, () => g.tests.forEach((t) => test(t.title, t.details, t.body)));
 */
export function refusalTests<T extends { data: Faker; flows: RefusalFlows }, W extends { run: RunContext }>(_test: TestType<T, W>, suite: RefusalSuite<T['flows']>): RefusalGroup<RefusalFixtures<T['flows']>>[] {
  type Op = OpOf<T['flows']>;
  type Opts = OptsOf<T['flows']>;
  const contract = loadContract(suite.api, contractFile(suite.api));
  const groups: RefusalGroup<RefusalFixtures<T['flows']>>[] = [];
  for (const operation of Object.values(contract.operations)) {
    const operationId = operation.operationId as Op;
    // Where the contract documents no status for a refusal, it is sent expecting the usual 401 and judged as any 4xx.
    const cases = refusalCases(contract, operation).map((c) => ({ c, judgement: judgementOf(suite.api, operation, c.status ?? [], c.status ?? 401, operation.refusal) }));
    const rows = (suite.rows ?? []).filter((r) => !r.operations || r.operations.includes(operationId));
    const details = (proves: RequirementId[]) => ({ annotation: [...req(...proves), { type: OPERATION_ANNOTATION, description: operationId }] });
    const tests: SharedTest<RefusalFixtures<T['flows']>>[] = [];
    const servedStatus = `${suite.api}:${operationId}#200`;
    const controls = isRequirementId(servedStatus) ? servedCases(operation, Object.keys(suite.served ?? {})).map((schemes) => ({ schemes, proves: servedStatus })) : [];
    for (const { schemes, proves } of controls) {
      tests.push({
        title: `200 for the caller's ${schemes.map((s) => describeScheme(contract.securitySchemes[s]!)).join(' and ')}`,
        details: details([proves]),
        body: async ({ flows, data, run }) => {
          const fx = { flows, data, run };
          const ids = await Promise.all(schemes.map((s) => suite.served![s]!(fx)));
          const as = ids.length === 1 ? ids[0]! : together(ids.map((i) => i.label).join(' and '), ids);
          expect(await flows.call(operationId, { ...(suite.request?.(fx, operationId) ?? {}), expect: 200, as } as Opts)).toConform();
        },
      });
    }
    for (const { c, judgement } of cases) {
      if (judgement.proves.length === 0) continue;
      tests.push({
        title: titleOf(contract.securitySchemes, c),
        details: details(judgement.proves),
        body: async ({ flows, data, run }) => {
          const fx = { flows, data, run };
          // The mock checks only that a credential is there; it can be made to answer a documented status, no other.
          if (c.kind === 'forged' && !c.status) flows.needState(`a ${c.forged.map((s) => describeScheme(contract.securitySchemes[s]!)).join(' or ')} it never issued is refused (it checks only that one is present)`);
          const sent = credentialOf(fx, suite, contract.securitySchemes, c);
          const request: Partial<Opts> = suite.request?.(fx, operationId, c) ?? {};
          const query = sent.query ? { query: { ...request.query, ...sent.query } } : {};
          judge(await flows.call(operationId, { ...request, ...query, expect: judgement.expect, as: { label: sent.label, headers: sent.headers } } as Opts), judgement);
        },
      });
    }
    for (const row of rows) {
      const judgement = judgementOf(suite.api, operation, row.expect, row.expect, row.behaviour && `${suite.api}:${operationId}.${row.behaviour}`);
      tests.push({
        title: row.title,
        details: details(judgement.proves),
        body: async ({ flows, data, run }) => {
          judge(await flows.call(operationId, { ...row.request({ flows, data, run }, operationId), expect: row.expect } as Opts), judgement);
        },
      });
    }
    if (tests.length > 0) groups.push({ title: `${operationId}  ${operation.method} ${operation.path}`, tests });
  }
  return groups;
}

/**
 * A documented status is its requirement's to judge; RFC 9110's challenge is named where that
 * requirement is a MUST 401 (a server may otherwise refuse with another 4xx, and then there is no
 * challenge to judge, though every 401 that comes is still judged by it).
 */
function judgementOf(api: string, operation: Operation, status: number | readonly number[], expect: ExpectedStatus, behaviourId: string | undefined): Judgement {
  const statusId = typeof status === 'number' ? `${api}:${operation.operationId}#${status}` : undefined;
  const documented = statusId !== undefined && isRequirementId(statusId) ? statusId : undefined;
  if (behaviourId !== undefined && !isRequirementId(behaviourId)) throw new Error(`${api}: ${operation.operationId}'s refusal proves ${behaviourId}, which is not registered`);
  const behaviour = behaviourId as RequirementId | undefined;
  const challenge = status === 401 && documented && requirement(documented).level === 'MUST' ? ['RFC9110-15.5.2' as const] : [];
  const proves = documented || behaviour ? [...(behaviour ? [behaviour] : []), ...(documented ? [documented] : []), ...challenge] : [];
  return { expect, proves, ...(documented ? { status: documented } : {}), ...(behaviour ? { behaviour } : {}) };
}

function judge(ex: Exchange, j: Judgement): void {
  if (!j.status) return expectRefused(ex, j.behaviour!);
  if (j.behaviour) expect(finding(j.behaviour, [ex], refused(ex))).toConform();
  expect(ex).toConform();
}

function titleOf(schemes: Record<string, Parameters<typeof describeScheme>[0]>, c: RefusalCase): string {
  const verdict = c.status ? String(c.status) : 'refused';
  if (c.kind === 'none') return `${verdict} without credentials`;
  const beside = c.genuine.length > 0 ? `, beside a genuine ${c.genuine.map((s) => describeScheme(schemes[s]!)).join(' and ')}` : '';
  return `${verdict} for a forged ${describeScheme(schemes[c.forged[0]!]!)}${beside}`;
}

function credentialOf<F extends RefusalFlows>(fx: RefusalFixtures<F>, suite: RefusalSuite<F>, schemes: Record<string, Parameters<typeof forge>[1]>, c: RefusalCase) {
  if (c.kind === 'none') return { label: 'no credentials', headers: {} };
  const name = c.forged[0]!;
  const forged = forge(name, schemes[name]!, fx.data);
  const genuine = c.genuine.map((s) => {
    const id = suite.genuine?.(fx, s);
    if (!id) throw new Error(`${suite.api}: a forged ${name} is sent beside a genuine ${s}, and the suite gives none (genuine)`);
    return id;
  });
  return genuine.length === 0 ? forged : together(`${genuine.map((g) => g.label).join(' and ')} with a ${forged.label}`, [...genuine, forged]);
}

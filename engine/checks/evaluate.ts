import type { Contract } from '../contract/model.ts';
import { describeExpected, type Exchange } from '../http/exchange.ts';
import { isRequirementId, requirement, type RequirementId } from '../../requirements/index.ts';
import { CHECKS } from './index.ts';
import type { Check, CheckContext, Violation } from './types.ts';

export interface Outcome {
  requirement: RequirementId;
  violations: Violation[];
  exchanges: Exchange[];
  /**
   * Set when the exchanges could not show the requirement either way (no answer, a server error):
   * the requirement is then skipped with this reason, never passed.
   */
  unjudged?: string;
}

export interface EvaluateOptions {
  /** The behaviour this exchange proves; a wrong status then breaks it. */
  because?: RequirementId;
  /** Judge only these requirements, whatever the status (e.g. "a foreign redirect is not followed"). */
  only?: readonly RequirementId[];
}

/**
 * Runs the applicable checks on one exchange and groups what they found by requirement, so that a
 * requirement is decided only by the exchanges it is about:
 * - the scenario's own requirement is `<api>:<operationId>#<expected status>` (or, where the test
 *   says the exchange proves a behaviour, that behaviour for the status);
 * - a status other than the expected one is one violation of that requirement and nothing else is
 *   judged: no body against another status' schema, and no requirement passes on it;
 * - with `only`, exactly those requirements are judged, and one whose check did not apply passes
 *   only if the server answered at all (a 5xx or no answer shows nothing).
 */
export function evaluate(exchange: Exchange, contract: Contract, options: EvaluateOptions = {}, checks: readonly Check[] = CHECKS): Outcome[] {
  const operation = contract.operations[exchange.operationId];
  if (!operation) throw new Error(`${contract.file} has no operation ${exchange.operationId}`);
  const ctx: CheckContext = { exchange, response: exchange.response, operation, contract };
  if (options.only) return judgeOnly(ctx, options.only, checks);

  const { because } = options;
  const expected = exchange.expectedStatus;
  const statusId = typeof expected === 'number' ? `${exchange.api}:${exchange.operationId}#${expected}` : undefined;
  const documented = statusId !== undefined && isRequirementId(statusId);
  if (!because && !documented) {
    throw new Error(statusId
      ? `no requirement ${statusId}: is status ${expected} documented for ${exchange.operationId}?`
      : `a scenario that accepts ${describeExpected(expected)} must name the behaviour it proves: toConform({ because })`);
  }
  const statusOwner: RequirementId = because ?? (statusId as RequirementId);
  const shapeOwner: RequirementId = documented ? (statusId as RequirementId) : because!;

  const statusViolations = checks.filter((c) => c.name === 'status_as_expected' && c.applies(ctx)).flatMap((c) => c.run(ctx));
  if (statusViolations.length > 0) return [{ requirement: statusOwner, violations: statusViolations, exchanges: [exchange] }];

  const byRequirement = new Map<RequirementId, Violation[]>([[statusOwner, []]]);
  for (const check of checks) {
    if (check.name === 'status_as_expected' || !check.applies(ctx)) continue;
    const id: RequirementId = check.requirement !== 'scenario' ? check.requirement
      : check.name === 'status_documented' ? statusOwner
      : shapeOwner;
    byRequirement.set(id, [...(byRequirement.get(id) ?? []), ...check.run(ctx)]);
  }
  return [...byRequirement].map(([id, violations]) => ({ requirement: id, violations, exchanges: [exchange] }));
}

/**
 * `only` judges a requirement of something the request asked for (follow this redirect): a 401 or
 * 403 refused the caller before that came up, so it shows as little as a 5xx does.
 */
function judgeOnly(ctx: CheckContext, only: readonly RequirementId[], checks: readonly Check[]): Outcome[] {
  const { exchange } = ctx;
  return only.map((id) => {
    const applicable = checks.filter((c) => c.requirement === id && c.applies(ctx));
    const violations = applicable.flatMap((c) => c.run(ctx));
    const outcome: Outcome = { requirement: id, violations, exchanges: [exchange] };
    return violations.length === 0 && applicable.length === 0 ? { ...outcome, ...unanswered([exchange], [401, 403]) } : outcome;
  });
}

/** Why exchanges show nothing about a requirement that found no violation in them, if they do not. */
function unanswered(exchanges: readonly Exchange[], alsoSilent: readonly number[] = []): { unjudged?: string } {
  const silent = exchanges.find((e) => !e.response || e.response.status >= 500 || alsoSilent.includes(e.response.status));
  if (!silent) return {};
  const what = silent.response ? `answered ${silent.response.status}` : `gave no answer (${silent.error ?? 'transport failure'})`;
  return { unjudged: `not judged: ${silent.operationId} ${what}, so the scenario never happened` };
}

/**
 * A behaviour judged across exchanges by a pure function, e.g. "the two logins got different
 * session ids". Finding nothing wrong in exchanges that never got a real answer is no pass.
 */
export function finding(id: RequirementId, exchanges: Exchange[], violations: Violation[], unjudged?: string): Outcome {
  requirement(id);
  const outcome: Outcome = { requirement: id, violations, exchanges };
  if (violations.length > 0) return outcome;
  // The caller's own reason (e.g. "could not tell whether A's session still works") wins over a pass.
  return unjudged ? { ...outcome, unjudged } : { ...outcome, ...unanswered(exchanges) };
}

import type { Contract } from '../contract/model.ts';
import type { Exchange } from '../http/exchange.ts';
import { isRequirementId, requirement, type RequirementId } from '../../requirements/index.ts';
import { CHECKS } from './index.ts';
import type { Check, CheckContext, Violation } from './types.ts';

export interface Outcome {
  requirement: RequirementId;
  violations: Violation[];
  exchanges: Exchange[];
}

const STATUS_CHECKS = new Set(['status_as_expected', 'status_documented']);

/**
 * Runs every applicable check on one exchange and groups what they found by requirement. The
 * scenario's own requirement is `<api>:<operationId>#<expected status>`, unless the test says the
 * exchange proves a behaviour (`because`): then a wrong status breaks that behaviour, while the
 * response's shape still answers to the operation's status requirement.
 */
export function evaluate(exchange: Exchange, contract: Contract, because?: RequirementId, checks: readonly Check[] = CHECKS): Outcome[] {
  const operation = contract.operations[exchange.operationId];
  if (!operation) throw new Error(`${contract.file} has no operation ${exchange.operationId}`);
  const statusId = `${exchange.api}:${exchange.operationId}#${exchange.expectedStatus}`;
  if (!because && !isRequirementId(statusId)) throw new Error(`no requirement ${statusId}: is status ${exchange.expectedStatus} documented for ${exchange.operationId}?`);
  const ctx: CheckContext = { exchange, response: exchange.response, operation, contract };
  const byRequirement = new Map<RequirementId, Violation[]>();
  for (const check of checks) {
    if (!check.applies(ctx)) continue;
    const id: RequirementId = check.requirement !== 'scenario' ? check.requirement
      : because && (STATUS_CHECKS.has(check.name) || !isRequirementId(statusId)) ? because
      : (statusId as RequirementId);
    const found = check.run(ctx);
    byRequirement.set(id, [...(byRequirement.get(id) ?? []), ...found]);
  }
  return [...byRequirement].map(([id, violations]) => ({ requirement: id, violations, exchanges: [exchange] }));
}

/** A behaviour judged across exchanges by a pure function, e.g. "the two logins got different session ids". */
export function finding(id: RequirementId, exchanges: Exchange[], violations: Violation[]): Outcome {
  requirement(id);
  return { requirement: id, violations, exchanges };
}

import type { Contract, Operation } from '../contract/model.ts';
import type { SchemaError } from '../contract/schemas.ts';
import type { Exchange, RecordedResponse } from '../http/exchange.ts';
import type { RequirementId } from '../../requirements/index.ts';

/** One way a response breaks a requirement. */
export interface Violation {
  /** The check that found it. */
  check: string;
  message: string;
  expected?: string;
  received?: string;
  schemaErrors?: SchemaError[];
}

export interface CheckContext {
  exchange: Exchange;
  /** Present when the request got a response at all. */
  response: RecordedResponse | undefined;
  operation: Operation;
  contract: Contract;
}

/**
 * A named, pure check. `requirement` is the id it judges; 'scenario' means the requirement of
 * the scenario under test (`<api>:<operationId>#<status>` or the behaviour the test names).
 */
export interface Check {
  name: string;
  requirement: RequirementId | 'scenario';
  applies(ctx: CheckContext): boolean;
  run(ctx: CheckContext): Violation[];
}

export const violation = (check: string, message: string, extra: Omit<Violation, 'check' | 'message'> = {}): Violation => ({ check, message, ...extra });

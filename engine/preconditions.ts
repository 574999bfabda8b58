import type { TestInfo } from '@playwright/test';
import { ENABLED_BY_ANNOTATION } from './annotations.ts';
import { API_DEFINITIONS, type ApiName } from './config/apis.ts';
import type { RunContext } from './run.ts';

/**
 * Why a test cannot run here, said as a skip the report shows with its reason. A skip is never a
 * pass: the report counts it, and names the variable that would enable it.
 */

export function needVariables(run: RunContext, api: ApiName, names: readonly string[], info: TestInfo): Record<string, string> {
  const vars = run.vars(api);
  const missing = names.filter((n) => !vars[n]);
  if (missing.length > 0) {
    for (const n of missing) info.annotations.push({ type: ENABLED_BY_ANNOTATION, description: n });
    const enables = API_DEFINITIONS[api].variables.find((v) => v.name === missing[0])?.enables;
    info.skip(true, `needs ${missing.join(' and ')}${enables ? ` (${enables})` : ''}`);
  }
  return Object.fromEntries(names.map((n) => [n, vars[n]!]));
}

/** Steps that could end sessions or tokens this run did not create run only on request. */
export function needDestructive(run: RunContext, info: TestInfo, what: string): void {
  if (run.settings.target === 'live' && !run.settings.allowDestructive) {
    info.annotations.push({ type: ENABLED_BY_ANNOTATION, description: 'CONFORMANCE_ALLOW_DESTRUCTIVE' });
    info.skip(true, `${what}; it runs only with CONFORMANCE_ALLOW_DESTRUCTIVE=1`);
  }
}

/**
 * A login with a wrong password for a configured account counts towards that account's lockout on
 * most servers; CONFORMANCE_SKIP_WRONG_PASSWORD=1 keeps a live run (e.g. repeated CI runs) from sending any.
 */
export const SKIP_WRONG_PASSWORD_VARIABLE = 'CONFORMANCE_SKIP_WRONG_PASSWORD';

export function needWrongPasswordLogins(run: RunContext, info: TestInfo, account: string): void {
  if (run.settings.target === 'live' && run.settings.skipWrongPassword) {
    info.skip(true, `sends a wrong password for ${account}, which counts towards its lockout; skipped because ${SKIP_WRONG_PASSWORD_VARIABLE}=1`);
  }
}

/** A step the test builds on did not work; the requirement that covers that step fails in its own test. */
export function precondition(ok: boolean, info: TestInfo, reason: string): asserts ok {
  if (!ok) info.skip(true, `precondition failed: ${reason}`);
}

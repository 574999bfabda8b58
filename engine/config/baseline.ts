import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { yaml } from '../contract/yaml.ts';
import { isRequirementId } from '../../requirements/index.ts';
import { ConfigError } from './errors.ts';

/** One accepted failure: the build does not break on it until it expires. */
export interface BaselineEntry {
  requirement: string;
  /** Limit the entry to one API's results (an RFC or ASVS requirement is shared by every API). */
  api?: string;
  /** Limit the entry to one test (its title as in the report); all tests when absent. */
  test?: string;
  reason: string;
  /** YYYY-MM-DD; from that day on the failure counts again. */
  expires?: string;
  /** How the deviation is known: a source line of the implementation at a commit, or a recorded exchange. */
  evidence?: string;
}

/**
 * CONFORMANCE_BASELINE: a YAML or JSON file of known failures, e.g.
 *   - requirement: traq:login#401
 *     reason: upstream sends no WWW-Authenticate yet (issue 123)
 *     expires: 2027-03-31
 *     evidence: https://github.com/…/blob/<commit>/router/session.go#L42   (optional: why we know)
 *     api: traq   (optional: only this API's results; a shared requirement such as an RFC's needs it)
 */
export function readBaseline(file: string | undefined, cwd = process.cwd()): BaselineEntry[] | null {
  if (!file) return null;
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read the baseline ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): check CONFORMANCE_BASELINE`);
  }
  let data: unknown;
  try {
    data = yaml().parse(text);
  } catch (err) {
    throw new ConfigError(`the baseline ${file} is not YAML or JSON: ${(err as Error).message.split('\n')[0]}`);
  }
  const list = Array.isArray(data) ? data : (data as { known?: unknown } | null)?.known;
  if (!Array.isArray(list)) throw new ConfigError(`the baseline ${file} must be a list of {requirement, reason, expires?} entries`);
  return list.map((raw, i) => {
    const e = raw as Record<string, unknown>;
    const where = `the baseline ${file}, entry ${i + 1}`;
    if (typeof e.requirement !== 'string' || !e.requirement) throw new ConfigError(`${where} has no requirement`);
    // An unknown id would never match a failure and be reported as "fixed" on every run.
    if (!isRequirementId(e.requirement)) throw new ConfigError(`${where} names an unknown requirement "${e.requirement}": use an id from the report or requirements/`);
    if (typeof e.reason !== 'string' || !e.reason.trim()) throw new ConfigError(`${where} (${e.requirement}) has no reason: say why the failure is accepted`);
    const expires = e.expires instanceof Date ? e.expires.toISOString().slice(0, 10) : e.expires;
    if (expires !== undefined && (typeof expires !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(expires))) throw new ConfigError(`${where} (${e.requirement}): expires must be a date like 2027-03-31`);
    if (e.api !== undefined && (typeof e.api !== 'string' || !/^[a-z][a-z0-9-]*$/.test(e.api))) throw new ConfigError(`${where} (${e.requirement}): api must be an API name such as traq`);
    if (e.evidence !== undefined && (typeof e.evidence !== 'string' || !e.evidence.trim())) throw new ConfigError(`${where} (${e.requirement}): evidence must be text (a source line or a recorded exchange)`);
    return {
      requirement: e.requirement,
      reason: e.reason,
      ...(typeof e.api === 'string' ? { api: e.api } : {}),
      ...(typeof e.test === 'string' ? { test: e.test } : {}),
      ...(expires ? { expires: expires as string } : {}),
      ...(typeof e.evidence === 'string' ? { evidence: e.evidence } : {}),
    };
  });
}

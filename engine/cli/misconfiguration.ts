import { API_DEFINITIONS, type ApiName } from '../config/apis.ts';
import type { ConformanceReport } from '../reporter/model.ts';
import type { Halt } from '../targets/run-state.ts';

/**
 * Signs that a live run measured its configuration rather than the server, so its verdicts must
 * not be blamed on the server: each is one line for the exit-2 message, or nothing.
 */

/** Every request to an API got 404, across several operations: the base URL's path is not where the API lives. */
export function baseUrlLooksWrong(report: ConformanceReport): string | undefined {
  if (report.run.target !== 'live') return undefined;
  const wrong: string[] = [];
  for (const { api, baseUrl } of report.run.apis) {
    const statuses: number[] = [];
    const operations = new Set<string>();
    for (const r of report.results.filter((x) => x.api === api)) {
      for (const e of r.evidence) {
        for (const x of e.exchanges) {
          if (!x.response) continue;
          statuses.push(x.response.status);
          operations.add(x.operationId);
        }
      }
    }
    if (operations.size >= 2 && statuses.every((s) => s === 404)) {
      wrong.push(`every request to ${api} at ${shown(baseUrl)} was answered 404 (${operations.size} operations): the base URL path looks wrong (e.g. ${API_DEFINITIONS[api as ApiName]?.baseUrlExample ?? 'check it'})`);
    }
  }
  return wrong.length > 0 ? wrong.join('; ') : undefined;
}

/** The servers the run stopped sending to, with the APIs of the run that live on each. */
export function haltedTargets(halts: readonly Halt[], baseUrls: Partial<Record<string, string>>): string | undefined {
  if (halts.length === 0) return undefined;
  return halts.map((h) => {
    const apis = Object.entries(baseUrls).filter(([, u]) => u && (originOf(u) === h.scope || shown(u) === h.scope)).map(([api]) => api);
    return `${apis.join(', ') || 'the target'} at ${h.scope}: ${h.reason}`;
  }).join('; ');
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** A base URL as printed: without user or password. */
function shown(url: string | null): string {
  if (!url) return '(no base URL)';
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

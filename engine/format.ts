import { requirement } from '../requirements/index.ts';
import { header } from './http/exchange.ts';
import type { CheckRecord } from './evidence.ts';

/** A failure that explains itself: received, expected, the requirement and its source, and a reproduction. */
export function formatRecord(r: CheckRecord): string {
  const req = requirement(r.requirement);
  const mark = r.verdict === 'fail' ? '✗' : r.verdict === 'warn' ? '!' : '✓';
  const lines = [`${mark} ${r.requirement} · ${r.level}: ${req.summary}`, `  source: ${req.source.url}`];
  if (r.forcedByMock) lines.push('  (status forced by mock)');
  for (const v of r.violations) {
    lines.push(`  ${v.check}: ${v.message}`);
    if (v.received !== undefined) lines.push(`    Received: ${v.received}`);
    if (v.expected !== undefined) lines.push(`    Expected: ${v.expected}`);
    for (const e of v.schemaErrors?.slice(0, 8) ?? []) lines.push(`    at ${e.path || '(body)'}: expected ${e.expected}, received ${e.received}`);
  }
  for (const ex of r.exchanges) {
    const res = ex.response;
    lines.push(res
      ? `  Response: ${res.status}${header(res, 'content-type') ? ` ${header(res, 'content-type')}` : ''}, ${res.bytes} bytes`
      : `  Response: none (${ex.error})`);
    lines.push(`  Reproduce: ${ex.curl}`);
  }
  return lines.join('\n');
}

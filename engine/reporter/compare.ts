import escapeHtml from 'escape-html';
import { worstVerdict, type Verdict } from '../evidence.ts';
import type { ConformanceReport } from './model.ts';
import { STYLE } from './html-assets.ts';

const e = (v: unknown): string => escapeHtml(String(v ?? ''));

export interface RunColumn {
  label: string;
  report: ConformanceReport;
}

/** One row per requirement (per API), one cell per run: the worst verdict over its tests, and how many passed. */
export interface ComparisonRow {
  api: string;
  requirement: string;
  level: string;
  summary: string;
  cells: ({ verdict: Verdict; passes: number; total: number; forced: boolean } | null)[];
  differs: boolean;
}

export function compareRuns(runs: readonly RunColumn[]): ComparisonRow[] {
  const keys = new Map<string, { api: string; requirement: string; level: string; summary: string }>();
  for (const { report } of runs) for (const r of report.results) keys.set(`${r.api}\u0000${r.requirement}`, { api: r.api, requirement: r.requirement, level: r.level, summary: r.summary });
  return [...keys.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, meta]) => {
    const cells = runs.map(({ report }) => {
      const rs = report.results.filter((r) => `${r.api}\u0000${r.requirement}` === key);
      if (rs.length === 0) return null;
      const verdict = worstVerdict(rs.map((r) => r.verdict));
      return { verdict, passes: rs.filter((r) => r.verdict === 'pass').length, total: rs.length, forced: rs.some((r) => r.forcedByMock) };
    });
    const seen = new Set(cells.map((c) => c?.verdict ?? 'absent'));
    return { ...meta, cells, differs: seen.size > 1 };
  });
}

/** One row per deviation from a vendor's document seen in any run; a cell says whether that run showed it. */
export interface DeviationRow {
  id: string;
  api: string;
  requirement: string;
  message: string;
  received?: string;
  seen: (number | null)[];
}

export function compareDeviations(runs: readonly RunColumn[]): DeviationRow[] {
  const rows = new Map<string, DeviationRow>();
  runs.forEach(({ report }, i) => {
    for (const f of report.findings.filter((x) => x.category === 'deviation')) {
      const row = rows.get(f.id) ?? { id: f.id, api: f.api, requirement: f.requirement, message: f.message, ...(f.received !== undefined ? { received: f.received } : {}), seen: runs.map(() => null) };
      row.seen[i] = f.seenIn.length;
      rows.set(f.id, row);
    }
  });
  return [...rows.values()].sort((a, b) => a.api.localeCompare(b.api) || a.requirement.localeCompare(b.requirement));
}

/**
 * compare.html: a column per run, a row per requirement, differences first and highlighted.
 * The reports may come from anyone (a vendor's run), so every value is escaped, numbers too.
 */
export function renderComparison(runs: readonly RunColumn[]): string {
  const rows = compareRuns(runs);
  const differing = rows.filter((r) => r.differs).length;
  const head = runs.map(({ label, report }) => `<th>${e(label)}<br><small>${e(report.run.target)} · ${e(report.run.startedAt)}<br>${Object.entries(report.summary.byApi).map(([api, c]) => `${e(api)}: ${c.verdict === 'pass' ? 'conforms' : 'does not conform'} (${e(c.mustFailures)} MUST failed)`).join('<br>')}</small></th>`).join('');
  const ordered = [...rows.filter((r) => r.differs), ...rows.filter((r) => !r.differs)];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Conformance comparison: ${e(runs.map((r) => r.label).join(' · '))}</title>
<style>${STYLE}
.cmp td.v-pass{background:#dafbe1}.cmp td.v-fail{background:#ffebe9}.cmp td.v-warn{background:#fff8c5}.cmp td.v-skip{background:#f6f8fa}.cmp td.absent{color:#57606a}
.cmp tr.differs th{border-left:6px solid #0969da}</style></head>
<body><header><h1>Conformance comparison</h1>
<p>${runs.length} runs · ${rows.length} requirements · <b>${differing}</b> with different verdicts (listed first, marked at the left).</p></header>
<main>${deviationsTable(runs)}<h2>Requirements</h2><table class="cmp"><thead><tr><th>requirement</th>${head}</tr></thead><tbody>
${ordered.map((r) => `<tr class="${r.differs ? 'differs' : ''}"><th scope="row"><code>${e(r.requirement)}</code> <span class="level">${e(r.level)}</span><br><small>${e(r.api)}: ${e(r.summary)}</small></th>${r.cells.map((c) => c
  ? `<td class="v-${e(c.verdict)}"><b>${e(c.verdict)}</b> [${e(c.passes)}/${e(c.total)}]${c.forced ? '<br><small>forced by mock</small>' : ''}</td>`
  : '<td class="absent">not run</td>').join('')}</tr>`).join('\n')}
</tbody></table></main></body></html>
`;
}

function deviationsTable(runs: readonly RunColumn[]): string {
  const rows = compareDeviations(runs);
  return `<h2>Deviations from the vendor's document</h2>${rows.length === 0 ? '<p>No run deviates from a vendor\'s document.</p>' : `<table class="cmp deviations"><thead><tr><th>deviation</th>${runs.map(({ label }) => `<th>${e(label)}</th>`).join('')}</tr></thead><tbody>
${rows.map((r) => `<tr><th scope="row"><code>${e(r.requirement)}</code><br><small>${e(r.api)}: ${e(r.message)}${r.received !== undefined ? ` (received: ${e(r.received)})` : ''}</small></th>${r.seen.map((n) => (n === null ? '<td class="absent">not seen</td>' : `<td class="v-fail">seen in ${n} test${n === 1 ? '' : 's'}</td>`)).join('')}</tr>`).join('\n')}
</tbody></table>`}`;
}

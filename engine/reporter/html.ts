import escapeHtml from 'escape-html';
import type { ConformanceReport, CoverageCell, Result } from './model.ts';

const e = (v: unknown): string => escapeHtml(String(v ?? ''));

/**
 * conformance.html, rendered from conformance.json alone by a pure function: one file with inline
 * styles, no scripts from elsewhere, no network requests.
 */
export function renderHtml(report: ConformanceReport): string {
  const { run, summary } = report;
  const mockNote = run.target === 'mock'
    ? '<p class="note">This run was against the Prism mock of each contract: it checked the contracts and the suite, not a server. Results marked <b>forced by mock</b> were produced with Prism\'s <code>Prefer</code> header.</p>'
    : '';
  const verdicts = Object.entries(summary.byApi).map(([api, c]) => `
    <div class="verdict ${c.verdict}"><h2>${e(api)}</h2>
      <p class="big">${c.verdict === 'pass' ? 'conforms at MUST level' : 'does not conform at MUST level'}</p>
      <p>${c.mustFailures} MUST failures · ${c.shouldWarnings} SHOULD warnings · ${c.passes} passes · ${c.skips} skips · ${c.forcedByMock} forced by mock</p></div>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Conformance report: ${e(run.apis.map((a) => a.api).join(', '))} (${e(run.target)})</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d1d1f}
h1{margin:0 0 .5rem} .verdicts{display:flex;gap:1rem;flex-wrap:wrap}
.verdict{border:2px solid;border-radius:8px;padding:.5rem 1rem;min-width:16rem}
.verdict.pass{border-color:#1a7f37}.verdict.fail{border-color:#cf222e}.big{font-size:1.2rem;font-weight:600}
table{border-collapse:collapse;margin:1rem 0;width:100%}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
.v-pass{color:#1a7f37}.v-fail{color:#cf222e;font-weight:600}.v-warn{color:#9a6700;font-weight:600}.v-skip{color:#57606a}
.c-provoked{background:#dafbe1}.c-forced-by-mock{background:#ddf4ff}.c-failed{background:#ffebe9}.c-skipped{background:#f6f8fa}.c-not-exercised{background:#fff8c5}
pre{white-space:pre-wrap;word-break:break-all;background:#f6f8fa;padding:.5rem;margin:.25rem 0}
.note{background:#ddf4ff;padding:.5rem 1rem;border-radius:6px}
</style></head><body>
<h1>Conformance report</h1>
${mockNote}
<section class="verdicts">${verdicts}</section>
<h2>Run</h2>
<table><tbody>
<tr><th>target</th><td>${e(run.target)}</td></tr>
<tr><th>started</th><td>${e(run.startedAt)} (${(run.durationMs / 1000).toFixed(1)} s)</td></tr>
<tr><th>seed</th><td>${e(run.seed)} (replay with CONFORMANCE_SEED=${e(run.seed)})</td></tr>
<tr><th>tool</th><td>${e(report.tool.name)} ${e(report.tool.version)}${run.gitCommit ? ` at ${e(run.gitCommit)}` : ''}</td></tr>
${run.apis.map((a) => `<tr><th>${e(a.api)}</th><td>${e(a.baseUrl ?? 'mock')} · ${e(a.contract.file)} ${e(a.contract.version)} · sha256 ${e(a.contract.sha256.slice(0, 12))}</td></tr>`).join('')}
</tbody></table>
<h2>Coverage</h2>
${coverageTables(report.coverage)}
<h2>Requirements</h2>
${resultsTable(report.results)}
</body></html>
`;
}

function coverageTables(cells: CoverageCell[]): string {
  const apis = [...new Set(cells.map((c) => c.api))];
  return apis.map((api) => {
    const mine = cells.filter((c) => c.api === api);
    const exercised = mine.filter((c) => c.state !== 'not-exercised').length;
    return `<h3>${e(api)}: ${exercised}/${mine.length} documented statuses exercised</h3>
<table><thead><tr><th>operation</th><th>status</th><th>state</th><th>note</th></tr></thead><tbody>
${mine.map((c) => `<tr class="c-${e(c.state)}"><td>${e(c.operationId)} <code>${e(c.method)} ${e(c.path)}</code></td><td>${e(c.status)}</td><td>${e(c.state)}</td><td>${e(c.reason ?? '')}${c.enabledBy ? ` (enable with ${e(c.enabledBy.join(', '))})` : ''}</td></tr>`).join('')}
</tbody></table>`;
  }).join('');
}

function resultsTable(results: Result[]): string {
  return `<table><thead><tr><th>requirement</th><th>level</th><th>verdict</th><th>test</th><th>evidence</th></tr></thead><tbody>
${results.map((r) => `<tr id="${e(`${r.requirement}@${r.test.title}`)}"><td><a href="${e(r.source.url)}">${e(r.requirement)}</a><br><small>${e(r.summary)} (${e(r.source.kind)})</small></td><td>${e(r.level)}</td>
<td class="v-${e(r.verdict)}">${e(r.verdict)}${r.forcedByMock ? '<br><small>forced by mock</small>' : ''}</td><td>${e(r.test.title)}</td>
<td>${r.reason ? `<p>${e(r.reason)}</p>` : ''}${r.evidence.map((ev) => ev.violations.map((v) => `<p><b>${e(v.check)}</b>: ${e(v.message)}${v.received !== undefined ? `<br>received: ${e(v.received)}` : ''}${v.expected !== undefined ? `<br>expected: ${e(v.expected)}` : ''}${(v.schemaErrors ?? []).map((s) => `<br>at <code>${e(s.path || '(body)')}</code>: expected ${e(s.expected)}, received ${e(s.received)}`).join('')}</p>`).join('') + (ev.violations.length ? ev.exchanges.map((x) => `<pre>${e(x.curl)}</pre>`).join('') : '')).join('')}</td></tr>`).join('')}
</tbody></table>`;
}

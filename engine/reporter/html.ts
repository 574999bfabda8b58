import escapeHtml from 'escape-html';
import { VERDICT_RANK, worstVerdict, type EvidenceExchange } from '../evidence.ts';
import { findingsLine } from './findings.ts';
import type { ConformanceReport, CoverageCell, Finding, FindingCategory, Result } from './model.ts';
import { STYLE, SCRIPT } from './html-assets.ts';

const e = (v: unknown): string => escapeHtml(String(v ?? ''));

/** The anchor of a requirement's section; deep links are `conformance.html#<anchor>`. */
export const anchor = (api: string, requirement: string): string => `req-${api}-${requirement}`;

/**
 * conformance.html, rendered from conformance.json alone by a pure function: one file, inline style
 * and script, no request to anything (the Content-Security-Policy forbids it).
 */
export function renderHtml(report: ConformanceReport): string {
  const { run } = report;
  const title = `Conformance: ${run.apis.map((a) => a.api).join(', ')} (${run.target})`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${STYLE}</style></head>
<body>
<header><h1>${e(title)}</h1>${verdictSection(report)}</header>
<nav class="filters" aria-label="filters">
  <label>API <select id="f-api"><option value="">all</option>${run.apis.map((a) => `<option>${e(a.api)}</option>`).join('')}</select></label>
  <label>verdict <select id="f-verdict"><option value="">all</option><option>fail</option><option>warn</option><option>pass</option><option>skip</option><option value="forced">forced by mock</option></select></label>
  <label>level <select id="f-level"><option value="">all</option><option>MUST</option><option>SHOULD</option><option>MAY</option></select></label>
  <label>search <input id="f-text" type="search" placeholder="requirement or test"></label>
  <span id="f-count" aria-live="polite"></span>
</nav>
<main>
<section id="findings"><h2>Findings</h2>${findingsSection(report)}</section>
${report.cleanup.length ? `<section id="cleanup"><h2>Clean-up</h2>${cleanupSection(report)}</section>` : ''}
<section id="coverage"><h2>Coverage of the contracts</h2>${coverageSection(report.coverage)}</section>
<section id="requirements"><h2>Requirements</h2>${requirementsSection(report.results)}</section>
<section id="run"><h2>Run</h2>${runSection(report)}</section>
</main>
<script>${SCRIPT}</script>
</body></html>
`;
}

function verdictSection(report: ConformanceReport): string {
  const { run, summary, gate } = report;
  const mock = run.target === 'mock'
    ? '<p class="note">This run was against Prism mocks of the contracts. It checked the contracts and the suite, not a server. Results marked <b>forced by mock</b> were produced by asking the mock for that status.</p>'
    : '';
  const cards = Object.entries(summary.byApi).map(([api, c]) => `
  <div class="card ${run.interrupted ? 'incomplete' : c.verdict}" data-api="${e(api)}">
    <h2>${e(api)}</h2>
    <p class="big">${run.interrupted ? 'not judged: the run was interrupted' : c.verdict === 'pass' ? '✓ conforms at MUST level' : '✗ does not conform at MUST level'}</p>
    <ul class="counts">
      <li><b>${c.mustFailures}</b> MUST failures</li><li><b>${c.shouldWarnings}</b> SHOULD warnings</li>
      <li><b>${c.passes}</b> passes</li><li><b>${c.skips}</b> skips</li><li><b>${c.forcedByMock}</b> forced by mock</li>
    </ul>
  </div>`).join('');
  const g = gate && !run.interrupted
    ? `<p class="gate ${gate.passed ? 'pass' : 'fail'}">Gate (${e(gate.level)}): <b>${gate.passed ? 'passed' : 'failed'}</b>${gate.breaking.length ? ` — ${gate.breaking.length} result(s) break it` : ''}${gate.known.length ? ` · ${gate.known.length} known failure(s) accepted by ${e(gate.baseline)}` : ''}${gate.removable.length ? ` · ${gate.removable.length} baseline entr${gate.removable.length === 1 ? 'y is' : 'ies are'} fixed and can be removed: ${gate.removable.map((r) => e(r.requirement)).join(', ')}` : ''}</p>`
    : '';
  const interrupted = run.interrupted
    ? '<p class="note interrupted"><b>This run was interrupted.</b> The verdicts cover only the tests that ran; requirements not reached are skipped, and the gate was not judged.</p>'
    : '';
  return `${interrupted}${mock}<div class="cards">${cards}</div>${g}`;
}

const CATEGORIES: [FindingCategory, string, string][] = [
  ['deviation', "Deviations from the vendor's document", "The server does not do what the vendor's own document (or our correction of it, with its reason) says."],
  ['rfc', 'RFC findings', 'The server breaks a sentence of an RFC.'],
  ['practice', 'Best-practice findings', 'OWASP ASVS and testing-guide practice: warnings unless the gate is should.'],
];

/** One entry per distinct server behaviour, per API and source of the requirement, before any count. */
function findingsSection(report: ConformanceReport): string {
  const { findings: found } = report;
  const lead = `<p class="findings-line"><b>${e(findingsLine(found, report.results))}</b></p>`;
  if (found.length === 0) return lead;
  return lead + CATEGORIES.map(([cat, heading, about]) => {
    const mine = found.filter((f) => f.category === cat);
    const apis = [...new Set(mine.map((f) => f.api))];
    return `<div class="finding-group" data-category="${cat}"><h3>${e(heading)}</h3><p class="about">${e(about)}</p>${mine.length === 0 ? '<p>none</p>' : apis.map((api) => `
<div class="api-block" data-api="${e(api)}"><h4>${e(api)}</h4><ol class="findings">${mine.filter((f) => f.api === api).map(findingItem).join('')}</ol></div>`).join('')}</div>`;
  }).join('');
}

function findingItem(f: Finding): string {
  const ops = [...new Set(f.seenIn.map((x) => x.operationId))];
  return `<li class="finding v-${f.verdict}" id="finding-${e(f.id)}" data-api="${e(f.api)}" data-verdict="${f.verdict}" data-level="${e(f.level)}">
<span class="badge v-${f.verdict}">${f.verdict}</span> <a href="#${e(anchor(f.api, f.requirement))}"><code>${e(f.requirement)}</code></a> <span class="level">${e(f.level)}</span> ${e(f.message)}
${f.received !== undefined ? `<br>Received: <code>${e(f.received)}</code>` : ''}${f.expected !== undefined ? ` · Expected: <code>${e(f.expected)}</code>` : ''}
<br><small>${e(f.summary)} — seen in ${f.seenIn.length} test${f.seenIn.length === 1 ? '' : 's'} of ${e(ops.join(', '))}</small>
<details><summary>tests</summary><ul>${f.seenIn.map((x) => `<li>${e(x.operationId)}: ${e(x.test)}</li>`).join('')}</ul></details></li>`;
}

function cleanupSection(report: ConformanceReport): string {
  const statements = report.cleanup.filter((c) => c.statement);
  return `${statements.map((c) => `<p class="cleanup-warning"><b>${e(c.statement)}</b></p>`).join('')}
<table class="meta"><thead><tr><th>API</th><th>what</th><th>ended by</th><th>ended</th><th>still authenticate</th><th>could not tell</th></tr></thead><tbody>
${report.cleanup.map((c) => `<tr><td>${e(c.api)}</td><td>${e(c.kind)}s</td><td>${e(c.how)}</td><td>${c.ended}</td><td>${c.stillWork}</td><td>${c.unknown}</td></tr>`).join('')}
</tbody></table>`;
}

function coverageSection(cells: readonly CoverageCell[]): string {
  const apis = [...new Set(cells.map((c) => c.api))];
  return apis.map((api) => {
    const mine = cells.filter((c) => c.api === api);
    const statuses = [...new Set(mine.map((c) => c.status))].sort();
    const ops = [...new Set(mine.map((c) => c.operationId))];
    const exercised = (c: CoverageCell) => c.state === 'provoked' || c.state === 'forced-by-mock' || c.state === 'failed';
    const opsCovered = ops.filter((op) => mine.some((c) => c.operationId === op && exercised(c))).length;
    const byState = (s: CoverageCell['state']) => mine.filter((c) => c.state === s).length;
    const pct = (n: number, d: number) => (d === 0 ? '—' : `${Math.round((100 * n) / d)}%`);
    const statusCovered = mine.filter(exercised).length;
    return `<div class="api-block" data-api="${e(api)}">
<h3>${e(api)}</h3>
<p class="figures">operations exercised: <b>${opsCovered}/${ops.length}</b> (${pct(opsCovered, ops.length)}) · documented statuses exercised: <b>${statusCovered}/${mine.length}</b> (${pct(statusCovered, mine.length)}) — provoked ${byState('provoked')}, forced by mock ${byState('forced-by-mock')}, failed ${byState('failed')}, skipped ${byState('skipped')}, never exercised ${byState('not-exercised')}</p>
<table class="matrix"><thead><tr><th>operation</th>${statuses.map((s) => `<th>${e(s)}</th>`).join('')}</tr></thead><tbody>
${ops.map((op) => {
  const row = mine.filter((c) => c.operationId === op);
  const first = row[0]!;
  return `<tr><th scope="row">${e(op)}<br><code>${e(first.method)} ${e(first.path)}</code></th>${statuses.map((s) => {
    const c = row.find((x) => x.status === s);
    if (!c) return '<td class="na">—</td>';
    const why = [c.reason, c.enabledBy?.length ? `enable with ${c.enabledBy.join(', ')}` : ''].filter(Boolean).join('; ');
    return `<td class="cell c-${e(c.state)}" title="${e(why)}"><a href="#${e(anchor(api, c.requirement))}">${e(label(c.state))}</a>${why ? `<small>${e(why)}</small>` : ''}</td>`;
  }).join('')}</tr>`;
}).join('\n')}
</tbody></table></div>`;
  }).join('\n');
}

const label = (s: CoverageCell['state']) => ({ provoked: 'provoked', 'forced-by-mock': 'forced by mock', failed: 'failed', skipped: 'skipped', 'not-exercised': 'never exercised' })[s];

function requirementsSection(results: readonly Result[]): string {
  const groups = new Map<string, Result[]>();
  for (const r of results) {
    const key = `${r.api}\u0000${r.requirement}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const ordered = [...groups.values()].sort((a, b) => VERDICT_RANK[worst(b)] - VERDICT_RANK[worst(a)] || a[0]!.api.localeCompare(b[0]!.api) || a[0]!.requirement.localeCompare(b[0]!.requirement));
  return ordered.map((rs) => {
    const r0 = rs[0]!;
    const v = worst(rs);
    const forced = rs.some((r) => r.forcedByMock);
    return `<details class="req v-${v}" id="${e(anchor(r0.api, r0.requirement))}" data-api="${e(r0.api)}" data-verdict="${v}" data-level="${e(r0.level)}" data-forced="${forced}" data-text="${e(`${r0.requirement} ${r0.summary} ${rs.map((r) => r.test.title).join(' ')}`.toLowerCase())}"${v === 'fail' ? ' open' : ''}>
<summary><span class="badge v-${v}">${v}</span> <code>${e(r0.requirement)}</code> <span class="level">${e(r0.level)}</span> ${e(r0.summary)}${forced ? ' <span class="forced">forced by mock</span>' : ''}
<span class="src">source: ${r0.source.url.startsWith('http') ? `<a href="${e(r0.source.url)}">${e(sourceLabel(r0.source.kind))}</a>` : e(sourceLabel(r0.source.kind))} · <a class="permalink" href="#${e(anchor(r0.api, r0.requirement))}" title="link to this requirement">¶</a></span></summary>
${r0.source.correction ? `<div class="correction"><b>Why this differs from the vendor's document</b> (<code>${e(r0.source.url)}</code>)<br>Upstream: ${e(r0.source.correction.upstream)}<br>Ours: ${e(r0.source.correction.ours)}<br>Backed by: ${e(r0.source.correction.backedBy)}</div>` : ''}
${rs.map(testResult).join('\n')}
</details>`;
  }).join('\n');
}

const sourceLabel = (k: Result['source']['kind']) => ({ vendor: "the vendor's document", correction: 'our contract (a correction of the vendor)', rfc: 'RFC', asvs: 'OWASP ASVS', owasp: 'OWASP testing guide' })[k];

const worst = (rs: readonly Result[]): Result['verdict'] => worstVerdict(rs.map((r) => r.verdict));

function testResult(r: Result): string {
  const violations = r.evidence.flatMap((ev) => ev.violations);
  const exchanges = r.evidence.flatMap((ev) => ev.exchanges);
  return `<div class="test v-${r.verdict}">
<p><span class="badge v-${r.verdict}">${r.verdict}</span> ${e(r.test.title)} <small>${e(r.test.file)}:${r.test.line}</small>${r.forcedByMock ? ' <span class="forced">forced by mock</span>' : ''}</p>
${r.reason ? `<p class="reason">${e(r.reason)}${r.enabledBy?.length ? ` — enable with <code>${e(r.enabledBy.join(', '))}</code>` : ''}</p>` : ''}
${violations.map((v) => `<div class="violation"><b>${e(v.check)}</b>: ${e(v.message)}
${v.received !== undefined ? `<br>Received: <code>${e(v.received)}</code>` : ''}${v.expected !== undefined ? `<br>Expected: <code>${e(v.expected)}</code>` : ''}
${v.schemaErrors?.length ? `<table class="schema"><thead><tr><th>at</th><th>expected</th><th>received</th></tr></thead><tbody>${v.schemaErrors.map((s) => `<tr><td><code>${e(s.path || '(body)')}</code></td><td>${e(s.expected)}</td><td><code>${e(s.received)}</code></td></tr>`).join('')}</tbody></table>` : ''}</div>`).join('')}
${exchanges.map(exchange).join('')}
</div>`;
}

function exchange(x: EvidenceExchange): string {
  const req = x.request;
  const res = x.response;
  const headers = (h: Record<string, string | string[]>) => Object.entries(h).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(`\n${k}: `) : v}`).join('\n');
  return `<details class="exchange"><summary><code>${e(req.method)} ${e(req.url)}</code> → ${res ? `<b>${res.status}</b>` : `<b>no response</b> (${e(x.error)})`}${x.forcedByMock ? ' <span class="forced">forced by mock</span>' : ''}</summary>
<pre class="http">${e(`${req.method} ${req.url}\n${headers(req.headers)}${req.body !== undefined ? `\n\n${req.body}` : ''}`)}</pre>
${res ? `<pre class="http">${e(`HTTP ${res.status}\n${headers(res.headers)}${res.text ? `\n\n${res.text}` : res.base64 ? `\n\n(${res.bytes} bytes of binary content)` : ''}${res.truncated ? `\n… (cut here: ${res.bytes} bytes in all)` : ''}`)}</pre>` : ''}
<p>Reproduce:</p><pre class="curl">${e(x.curl)}</pre></details>`;
}

function runSection(report: ConformanceReport): string {
  const { run, tool } = report;
  const rows: [string, string][] = [
    ['target', run.target],
    ['started', `${run.startedAt} (${(run.durationMs / 1000).toFixed(1)} s)`],
    ['seed', `${run.seed} — replay the generated inputs with CONFORMANCE_SEED=${run.seed}`],
    ['gate', run.gate],
    ['destructive steps', run.allowDestructive ? 'allowed' : 'not allowed'],
    ['tool', `${tool.name} ${tool.version}${run.gitCommit ? ` (commit ${run.gitCommit})` : ''}`],
    ['env files', run.envFiles.join(', ') || 'none'],
  ];
  return `<table class="meta"><tbody>${rows.map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`).join('')}
${run.apis.map((a) => `<tr><th>${e(a.api)}</th><td>${e(a.title)} · ${a.baseUrl ? `<code>${e(a.baseUrl)}</code>` : 'mock'} · contract <code>${e(a.contract.file)}</code> ${e(a.contract.version)} · sha256 <code>${e(a.contract.sha256)}</code></td></tr>`).join('')}
</tbody></table>`;
}

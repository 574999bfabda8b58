import junitModule, { type Builder } from 'junit-report-builder';
import type { ConformanceReport } from './model.ts';

/** One test case per requirement checked by a test; a warning passes, with the warning in its output. */
// The package is CommonJS whose types describe an ES default export; Node hands over the builder itself.
const junit = ((junitModule as unknown as { default?: Builder }).default ?? junitModule) as unknown as Builder;

export function renderJunit(report: ConformanceReport): string {
  const builder = junit.newBuilder();
  const byApi = new Map<string, typeof report.results>();
  for (const r of report.results) byApi.set(r.api, [...(byApi.get(r.api) ?? []), r]);
  for (const [api, results] of byApi) {
    const suite = builder.testSuite().name(`${api} conformance (${report.run.target})`);
    for (const r of results) {
      const tc = suite.testCase()
        .className(`${r.api}.${r.operationId}`)
        .name(`${r.requirement} [${r.level}] ${r.test.title}`)
        .file(r.test.file)
        .property('api', r.api)
        .property('operation', r.operationId)
        .property('requirement', r.requirement)
        .property('level', r.level)
        .property('verdict', r.verdict);
      if (r.forcedByMock) tc.property('forced-by-mock', 'true');
      const detail = r.evidence.flatMap((e) => e.violations.map((v) => `${v.check}: ${v.message}`)).join('\n') || r.reason || '';
      const known = report.gate.known.find((k) => k.requirement === r.requirement && k.test === r.test.title);
      if (known) tc.skipped().standardOutput(`known failure accepted by the baseline: ${known.reason}${known.expires ? ` (until ${known.expires})` : ''}\n${detail}`);
      else if (r.verdict === 'fail') tc.failure(detail || 'failed', r.requirement);
      else if (r.verdict === 'skip') tc.skipped().standardOutput(r.reason ?? 'skipped');
      else if (r.verdict === 'warn') tc.standardOutput(`warning (${r.level}): ${detail}`);
    }
  }
  // What a CI reader needs first: one case per distinct problem, apart from the per-requirement cases.
  const problems = builder.testSuite().name(`findings (${report.run.target})`);
  for (const f of report.findings) {
    const tc = problems.testCase()
      .className(`${f.api}.findings`)
      .name(`${f.requirement} [${f.level}] ${f.message}`)
      .property('category', f.category)
      .property('seen-in', String(f.seenIn.length));
    const detail = `${f.received !== undefined ? `Received: ${f.received}\n` : ''}${f.expected !== undefined ? `Expected: ${f.expected}\n` : ''}Seen in:\n${f.seenIn.map((x) => `  ${x.operationId}: ${x.test}`).join('\n')}`;
    if (f.verdict === 'fail') tc.failure(detail, f.requirement);
    else tc.standardOutput(`warning (${f.level}): ${detail}`);
  }
  return builder.build();
}

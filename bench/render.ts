import { DREDD_VERSION, type DreddRunSummary } from './dredd.ts';
import type { Measured } from './proc.ts';
import type { RoleProfile } from './profile.ts';
import type { Phases } from './recording.ts';
import { fmt, med, median } from './stats.ts';

export type Outside = Omit<Measured, 'stdout' | 'stderr'>;

export interface RunSample extends Outside {
  phases?: Phases;
  verdicts: number;
  failedVerdicts: number;
  problem?: string;
}

type Stages = Record<'learn' | 'evaluate' | 'redact' | 'curl' | 'serialise' | 'ipc', number>;
interface PerExchange { exchanges: number; totalMs: number; perExchangeMs: number; bestPerExchangeMs?: number; stagesPerExchangeMs?: Stages; evidenceBytes?: number }

export interface InProcessOutput {
  sendMs: number;
  exchanges: number;
  sameStatusAsRecorded: number;
  cold: PerExchange;
  warm: PerExchange;
  secretsLearnedInOneRun: number;
  redactorGrowth: { secrets: number; perExchangeMs: number; redactPerExchangeMs: number }[];
  scale: {
    factor: number;
    operations: { x1: number; x10: number };
    checks: { x1OnX1Contract: PerExchange; x1OnX10Contract: PerExchange; x10OnX10Contract: PerExchange; growth: number; medianGrowth: number };
    loadContractMs: { x1: number; x10: number };
    validateContractMs: { x1: number; x10: number };
  };
  reporters: { results: { x1: number; x10: number }; json: { x1: number; x10: number }; junit: { x1: number; x10: number }; html: { x1: number; x10: number } };
}

/** One whole live run of the failing-server rows. */
export interface FailingRun { wallMs: number; code: number | null; cpuMs: number; tests: number; failedTests: number; workers: number }

export interface BenchResult {
  startedAt: string;
  durationMs?: number;
  runs: number;
  seed: string;
  machine: { cores: number; model: string; node: string; compileCache?: boolean; loadavgAtStart: number[]; loadavgAtEnd: number[] };
  apis: string[];
  mock: RunSample[];
  live: RunSample[];
  floor: { ms: number; requests: number; errors: number }[];
  engineSend: { ms: number; requests: number; errors: number }[];
  replayUnmapped?: number;
  dredd: Record<string, DreddRunSummary>[];
  dreddSetup?: { installed: boolean; installMs?: number; reason?: string; contracts: Record<string, { operations?: number; responses?: number; problem?: string }> };
  shardOne: Outside[];
  shardTwo: { wallMs: number; peakRssMb: number; cpuMs: number; codes: (number | null)[]; otherLoadCores: number; shardWallMs: number[] }[];
  workersTwo: Outside[];
  /** `--project=<api>` for every API: one project, so one worker process, per API (how a run was made before). */
  perApiProjects: Outside[];
  /** Playwright alone (bench/floor): one empty test, and as many empty tests as the mock run had. */
  playwrightFloor: { one: (Outside & { tests: number })[]; many: (Outside & { tests: number })[] };
  profile?: { wallMs: number; cpuMs: number; roles: RoleProfile[] };
  /** Whole live runs against the hostile server: the bounds the README states. */
  worst?: { label: string; apis: string; wallMs: number; code: number | null; peakRssMb: number; peakProcessRssMb: number; largestReportBytes: number }[];
  inProcess?: InProcessOutput;
  inProcessProblem?: string;
  imports?: { what: string; ms: number }[][];
  importProblem?: string;
  prismStartMs?: { x1: number[]; x10: number[] };
  /** Live runs against every fault of an API at once vs the conformant server, per API and all four. */
  failingServer?: { scope: string; conformant: FailingRun[]; failing: FailingRun[] }[];
  /** Playwright alone: as many empty tests passing and failing (a fresh worker after each failure). */
  restartFloor?: { tests: number; pass: Outside[]; fail: Outside[] };
  /** `npm test`, whole (BENCH_ONLY=selftest, or BENCH_SELFTEST=1). */
  selftest?: { wallMs: number; cpuMs: number; code: number | null; passed: number; failed: number; flaky: number; skipped: number; otherLoadCores: number };
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const head = (cells: string[]) => `${row(cells)}\n${row(cells.map((c, i) => (i === 0 ? '---' : '---:')))}`;
const codes = (xs: readonly { code: number | null }[]) => [...new Set(xs.map((x) => String(x.code)))].join('/');
const verdict = (ok: boolean) => (ok ? '**met**' : '**not met**');

export function render(r: BenchResult): string {
  const out: string[] = [];
  const p = (s = '') => out.push(s);
  const dreddTotals = r.dredd.map((d) => ({
    wallMs: Object.values(d).reduce((s, x) => s + x.wallMs, 0),
    cpuMs: Object.values(d).reduce((s, x) => s + x.cpuMs, 0),
    peakRssMb: Math.max(0, ...Object.values(d).map((x) => x.peakRssMb)),
    total: Object.values(d).reduce((s, x) => s + x.total, 0),
    failing: Object.values(d).reduce((s, x) => s + x.failing + x.errors, 0),
    otherLoadCores: median(Object.values(d).map((x) => x.otherLoadCores)),
    problems: Object.values(d).filter((x) => x.problem).length,
    code: Object.values(d).some((x) => x.code !== 0) ? 1 : 0,
  }));
  const mockWall = med(r.mock, (m) => m.wallMs);
  const floorMs = med(r.floor, (f) => f.ms);
  const engineMs = med(r.engineSend, (f) => f.ms);
  const dreddWall = med(dreddTotals, (d) => d.wallMs);
  const requests = med(r.mock, (m) => m.phases?.requests);
  const floorN = r.floor[0]?.requests ?? NaN;
  const otherSamples = [...r.mock, ...r.live, ...r.shardOne, ...r.perApiProjects].map((m) => m.otherLoadCores);
  const others = median(otherSamples);
  const othersMax = Math.max(...otherSamples.filter(Number.isFinite));
  const loaded = others > 0.25 * r.machine.cores || othersMax > 0.4 * r.machine.cores || (r.machine.loadavgAtStart[0] ?? 0) > r.machine.cores / 2;

  p('# auth-conformance bench');
  p();
  p(`Taken ${r.startedAt} on ${r.machine.cores} cores (${r.machine.model}), Node ${r.machine.node}; medians of ${r.runs} run(s) of each, interleaved (round 1 of every row, then round 2, …); seed ${r.seed}; bench took ${fmt.s(r.durationMs ?? NaN)} s.`);
  p(`Load average at start ${r.machine.loadavgAtStart.map((x) => x.toFixed(1)).join(' ')}, at end ${r.machine.loadavgAtEnd.map((x) => x.toFixed(1)).join(' ')}; other processes used a median ${fmt.cores(others)} cores (at most ${fmt.cores(othersMax)}) during the whole runs (machine busy time minus the measured tree's).`);
  if (loaded) p(`**Taken on a loaded machine**: other people's work competed for the ${r.machine.cores} cores during part of the bench, so wall times are inflated and vary from round to round (see the range column); CPU seconds are the steadier figure.`);
  p();
  p('## Whole runs');
  p();
  const range = (xs: readonly number[]) => (xs.length > 1 ? `${fmt.s(Math.min(...xs))}–${fmt.s(Math.max(...xs))}` : xs.length === 1 ? fmt.s(xs[0]!) : '–');
  p(head(['run', 'wall s', 'range s', '× floor', '× Dredd', 'peak RSS MB', 'CPU s', 'other load (cores)', 'HTTP requests', 'checked', 'exit']));
  const whole = (name: string, xs: readonly RunSample[]) => {
    const w = med(xs, (m) => m.wallMs);
    p(row([name, fmt.s(w), range(xs.map((m) => m.wallMs)), fmt.x(w / floorMs), fmt.x(w / dreddWall), fmt.mb(med(xs, (m) => m.peakRssMb)), fmt.s(med(xs, (m) => m.cpuMs)), fmt.cores(med(xs, (m) => m.otherLoadCores)), fmt.n(med(xs, (m) => m.phases?.requests)), `${fmt.n(med(xs, (m) => m.verdicts))} verdicts (${fmt.n(med(xs, (m) => m.failedVerdicts))} fail)`, codes(xs)]));
  };
  whole('`npm run conformance`, mock, all APIs', r.mock);
  whole('live run, reference servers, all APIs (fresh instance per run)', r.live);
  p(row(['floor: the mock run\'s requests replayed by a bare node:http loop, no checks', fmt.s(floorMs), range(r.floor.map((f) => f.ms)), '1.0×', fmt.x(floorMs / dreddWall), '–', '–', '–', fmt.n(floorN), 'nothing', `${r.floor[0]?.errors ?? '–'} errors`]));
  p(row(['the same requests through the engine\'s client (send(), node:http), no checks', fmt.s(engineMs), range(r.engineSend.map((f) => f.ms)), fmt.x(engineMs / floorMs), fmt.x(engineMs / dreddWall), '–', '–', '–', fmt.n(floorN), 'nothing', `${r.engineSend[0]?.errors ?? '–'} errors`]));
  if (r.dredd.length > 0) {
    p(row([`Dredd ${DREDD_VERSION}, the ${r.apis.length} contracts one after another, same mock`, fmt.s(dreddWall), range(dreddTotals.map((d) => d.wallMs)), fmt.x(dreddWall / floorMs), '1.0×', `${fmt.mb(med(dreddTotals, (d) => d.peakRssMb))} (+ mock)`, fmt.s(med(dreddTotals, (d) => d.cpuMs)), fmt.cores(med(dreddTotals, (d) => d.otherLoadCores)), fmt.n(med(dreddTotals, (d) => d.total)), `${fmt.n(med(dreddTotals, (d) => d.total))} transactions (${fmt.n(med(dreddTotals, (d) => d.failing))} fail)`, dreddTotals.some((d) => d.problems > 0) ? 'see below' : codes(dreddTotals)]));
  } else {
    p(row([`Dredd ${DREDD_VERSION}`, '–', '–', '–', '–', '–', '–', '–', '–', `not run: ${r.dreddSetup?.reason ?? 'unknown'}`, '–']));
  }
  const shard = (name: string, xs: readonly { wallMs: number; peakRssMb: number; cpuMs: number; otherLoadCores: number }[], code: string) => {
    const w = med(xs, (m) => m.wallMs);
    p(row([name, fmt.s(w), range(xs.map((m) => m.wallMs)), fmt.x(w / floorMs), fmt.x(w / dreddWall), fmt.mb(med(xs, (m) => m.peakRssMb)), fmt.s(med(xs, (m) => m.cpuMs)), fmt.cores(med(xs, (m) => m.otherLoadCores)), '', '', code]));
  };
  shard('`npx playwright test` (one shard)', r.shardOne, codes(r.shardOne));
  shard('`npx playwright test --shard=i/2`, both in parallel, same seed (wall of the pair)', r.shardTwo, [...new Set(r.shardTwo.flatMap((s) => s.codes.map(String)))].join('/'));
  if (r.perApiProjects.length > 0) shard(`\`npx playwright test ${r.apis.map((a) => `--project=${a}`).join(' ')}\` (one project, so one worker process, per API)`, r.perApiProjects, codes(r.perApiProjects));
  for (const [which, xs] of Object.entries(r.playwrightFloor)) if (xs.length > 0) shard(`Playwright alone: ${xs[0]!.tests} empty test${xs[0]!.tests === 1 ? '' : 's'} (bench/floor, ${which === 'one' ? 'its fixed cost' : 'as many tests as the mock run'})`, xs, codes(xs));
  if (r.workersTwo.length > 0) shard(`\`npx playwright test --workers=2\` (${r.workersTwo.length} run)`, r.workersTwo, codes(r.workersTwo));
  p();
  p('Peak RSS is the largest sum of the RSS of every process of the run, sampled from /proc every 50 ms (the mock run includes its in-process Prism; Dredd\'s excludes the mock it talks to). CPU s is user + system of the same processes. "other load" is the CPU the rest of the machine used meanwhile. Mock and live runs carry a preload that records each request and process start/exit for the breakdown below (one line appended to a file per request).');
  const problems = [...r.mock, ...r.live].filter((m) => m.problem).map((m) => m.problem);
  if (problems.length) p(`Runs that could not be made: ${[...new Set(problems)].join('; ')}`);

  // Per exchange.
  const ip = r.inProcess;
  const mockTests = med(r.mock, (m) => m.phases?.testsMs);
  p();
  p('## Overhead per exchange (target ≤ 1 ms)');
  p();
  p(head(['measure', 'ms per exchange', 'how']));
  p(row(['whole mock run over the floor', fmt.ms((mockWall - floorMs) / requests), `(wall ${fmt.s(mockWall)} s − floor ${fmt.s(floorMs)} s) / ${fmt.n(requests)} requests: fixed costs spread over the requests`]));
  p(row(['tests only, over the floor', fmt.ms((mockTests - floorMs) / requests), `(sum over workers of first request → last response ${fmt.s(mockTests)} s − floor) / ${fmt.n(requests)}: Playwright per test, fixtures, checks, evidence`]));
  p(row(['engine client over the bare loop', fmt.ms((engineMs - floorMs) / floorN), 'the engine\'s send() (deadline, byte cap) vs a bare node:http loop, same requests']));
  if (ip) {
    p(row(['toConform in-process, warm', fmt.ms(ip.warm.perExchangeMs), `median of passes (best ${fmt.ms(ip.warm.bestPerExchangeMs ?? NaN)}) over the ${ip.exchanges} checked exchanges: learn secrets + evaluate() + redaction + curl + JSON + attachment framing`]));
    p(row(['toConform in-process, cold', fmt.ms(ip.cold.perExchangeMs), 'first pass in a fresh process (ajv compiles each validator once, JIT cold); each Playwright worker pays this for its API']));
    p();
    p(head(['stage of toConform', 'warm ms/exchange', 'cold ms/exchange']));
    for (const s of ['learn', 'evaluate', 'redact', 'curl', 'serialise', 'ipc'] as const) {
      const label = { learn: 'redactor learns from the response (ApiClient.call)', evaluate: 'evaluate(): every applicable check', redact: 'redaction of exchange and messages', curl: 'curl line', serialise: 'JSON.stringify of the evidence record', ipc: 'base64 + JSON framing of the attachment (worker → runner)' }[s];
      p(row([label, fmt.ms(ip.warm.stagesPerExchangeMs?.[s] ?? NaN), fmt.ms(ip.cold.stagesPerExchangeMs?.[s] ?? NaN)]));
    }
    p(row(['evidence per exchange (bytes on the wire to the runner)', fmt.n((ip.cold.evidenceBytes ?? NaN) / ip.exchanges), '']));
    p();
    p(`${ip.exchanges} distinct checked exchanges re-sent to the bench's mock for unredacted responses (${ip.sameStatusAsRecorded} got the status recorded in the run).`);
    p();
    p(head(['secrets the redactor knows', 'toConform warm ms/exchange', 'of which learn + redact']));
    for (const g of ip.redactorGrowth) p(row([String(g.secrets), fmt.ms(g.perExchangeMs), fmt.ms(g.redactPerExchangeMs)]));
    p();
    p(`A mock run teaches the redactor ${ip.secretsLearnedInOneRun} secret(s) (Prism repeats its examples); a live server hands out a new cookie or token per login, and the redactor looks up each position of a string among the first characters of every known secret.`);
  } else if (r.inProcessProblem) p(`In-process measurement failed: ${r.inProcessProblem}`);

  // Where the time goes.
  p();
  p('## Where the wall time goes (medians; ms)');
  p();
  p(head(['phase', 'mock run', 'live run']));
  const ph = (f: (x: Phases) => number) => [fmt.ms(med(r.mock, (m) => (m.phases ? f(m.phases) : undefined))), fmt.ms(med(r.live, (m) => (m.phases ? f(m.phases) : undefined)))];
  p(row(['launch: npm + the tsx-run CLI, until Playwright\'s runner process starts', ...ph((x) => x.launchMs)]));
  p(row(['set-up: runner start → mocks listening (config, contract checks, Prism); live: → first worker', ...ph((x) => x.setupMs)]));
  p(row(['worker processes started (one per project, one more after each failed test)', ...ph((x) => x.workers)]));
  p(row(['worker start-ups: process start → its first request, summed', ...ph((x) => x.workerStartMs)]));
  p(row(['tests: first request → last response, summed over workers', ...ph((x) => x.testsMs)]));
  p(row(['  of which requests in flight (client-side)', ...ph((x) => x.inFlightMs)]));
  p(row(['worker ends: last response → exit, summed', ...ph((x) => x.workerEndMs)]));
  p(row(['reporting: last worker exit → runner exit (our reporter + Playwright\'s HTML)', ...ph((x) => x.reportMs)]));
  p(row(['runner exit → command returns', ...ph((x) => x.exitMs)]));
  p(row(['most distinct credentials one worker sent (≈ secrets its redactor learned)', ...ph((x) => x.credentialsPerWorker)]));
  for (const role of ['npm', 'cli', 'runner', 'worker']) p(row([`CPU of ${role} process(es)`, ...ph((x) => x.cpuMs[role] ?? NaN)]));
  if (r.imports && r.imports.length > 0) {
    p();
    p(head(['start-up import (fresh process, in order; shared modules count where first loaded)', 'ms']));
    for (const [i, s] of r.imports[0]!.entries()) p(row([s.what, fmt.ms(median(r.imports.map((x) => x[i]?.ms ?? NaN)))]));
  } else if (r.importProblem) p(`Import cost measurement failed: ${r.importProblem}`);

  if (r.profile && r.profile.roles.length > 0) {
    p();
    p(`### CPU profile of one more mock run (V8 sampling profiler in every process; that run took ${fmt.s(r.profile.wallMs)} s, ${fmt.s(r.profile.cpuMs)} CPU s)`);
    p();
    p('Inclusive: CPU with such a frame anywhere on the stack (so rows overlap). Self: where the code that was running lives.');
    for (const role of r.profile.roles.sort((a, b) => b.busyMs - a.busyMs)) {
      p();
      p(head([`${role.role} (${role.processes} process${role.processes === 1 ? '' : 'es'}): busy ${fmt.s(role.busyMs)} s, idle ${fmt.s(role.idleMs)} s`, 'inclusive ms', 'share of busy']));
      for (const [name, ms] of Object.entries(role.under).sort((a, b) => b[1] - a[1])) p(row([name, fmt.ms(ms), `${((100 * ms) / role.busyMs).toFixed(0)}%`]));
      p(row([`self, top: ${role.self.slice(0, 8).map((x) => `${x.where} ${fmt.ms(x.ms)}`).join(', ')}`, '', '']));
    }
  }

  // Scale.
  p();
  p('## Scale');
  p();
  p('In-process figures here are the best of several passes (the least disturbed by other load); Prism\'s start is a median of fresh processes.');
  p();
  p(head(['', '1×', `${ip?.scale.factor ?? 10}×`, 'ratio']));
  if (ip) {
    const s = ip.scale;
    p(row(['operations in the contracts', s.operations.x1, s.operations.x10, fmt.x(s.operations.x10 / s.operations.x1)]));
    p(row([`checks (toConform, warm) on the run's exchanges, against the ${s.factor}× contract: total ms`, fmt.ms(s.checks.x1OnX10Contract.totalMs), fmt.ms(s.checks.x10OnX10Contract.totalMs), `${fmt.x(s.checks.growth)} for ${fmt.x(s.checks.x10OnX10Contract.exchanges / s.checks.x1OnX10Contract.exchanges)} the exchanges (medians: ${fmt.x(s.checks.medianGrowth)})`]));
    p(row(['  per exchange ms', fmt.ms(s.checks.x1OnX10Contract.perExchangeMs), fmt.ms(s.checks.x10OnX10Contract.perExchangeMs), fmt.x(s.checks.x10OnX10Contract.perExchangeMs / s.checks.x1OnX10Contract.perExchangeMs)]));
    p(row(['  (the 1× exchanges against the 1× contract, per exchange ms)', fmt.ms(s.checks.x1OnX1Contract.perExchangeMs), '', '']));
    p(row(['loadContract, all APIs, ms', fmt.ms(s.loadContractMs.x1), fmt.ms(s.loadContractMs.x10), fmt.x(s.loadContractMs.x10 / s.loadContractMs.x1)]));
    p(row(['validateContract (structural, global set-up; a fixed cost per call, whatever the size), all APIs, ms', fmt.ms(s.validateContractMs.x1), fmt.ms(s.validateContractMs.x10), fmt.x(s.validateContractMs.x10 / s.validateContractMs.x1)]));
  }
  if (r.prismStartMs) {
    const a = median(r.prismStartMs.x1);
    const b = median(r.prismStartMs.x10);
    p(row(['Prism start, all APIs, fresh process (module load included), ms', fmt.ms(a), fmt.ms(b), fmt.x(b / a)]));
  }
  if (ip) {
    const rp = ip.reporters;
    p(row([`reporters: conformance.json (${rp.results.x1} vs ${rp.results.x10} results), ms`, fmt.ms(rp.json.x1), fmt.ms(rp.json.x10), fmt.x(rp.json.x10 / rp.json.x1)]));
    p(row(['reporters: junit.xml, ms', fmt.ms(rp.junit.x1), fmt.ms(rp.junit.x10), fmt.x(rp.junit.x10 / rp.junit.x1)]));
    p(row(['reporters: conformance.html, ms', fmt.ms(rp.html.x1), fmt.ms(rp.html.x10), fmt.x(rp.html.x10 / rp.html.x1)]));
  }
  const one = med(r.shardOne, (m) => m.wallMs);
  const two = med(r.shardTwo, (m) => m.wallMs);
  p();
  p(head(['Playwright, all APIs against the mock', 'wall s', 'vs one shard', 'CPU s']));
  p(row(['one shard, the config\'s workers (one per core on a mock run)', fmt.s(one), '1.0×', fmt.s(med(r.shardOne, (m) => m.cpuMs))]));
  p(row(['two shards in parallel (each its own runner, Prism and worker)', fmt.s(two), fmt.x(two / one), fmt.s(med(r.shardTwo, (m) => m.cpuMs))]));
  if (r.perApiProjects.length) p(row(['one project per API (a worker process each)', fmt.s(med(r.perApiProjects, (m) => m.wallMs)), fmt.x(med(r.perApiProjects, (m) => m.wallMs) / one), fmt.s(med(r.perApiProjects, (m) => m.cpuMs))]));
  if (r.workersTwo.length) p(row(['one run, --workers=2', fmt.s(med(r.workersTwo, (m) => m.wallMs)), fmt.x(med(r.workersTwo, (m) => m.wallMs) / one), fmt.s(med(r.workersTwo, (m) => m.cpuMs))]));

  // Dredd per contract.
  if (r.dreddSetup) {
    p();
    p(`## Dredd ${DREDD_VERSION} per contract`);
    p();
    if (!r.dreddSetup.installed) p(`Dredd was not run: ${r.dreddSetup.reason}`);
    else {
      p(`Installed by the bench into node_modules/.cache/bench-dredd${r.dreddSetup.installMs ? ` (${fmt.s(r.dreddSetup.installMs)} s)` : ' (already there)'}, not a project dependency. Each contract is bundled with @readme/openapi-parser's dereference() and rewritten as OpenAPI 3.0.3; a hook file adds the credentials each operation's security needs and un-skips every non-2xx response, asking Prism for it with \`Prefer: code=<status>\`.`);
      p();
      p(head(['contract', 'operations', 'documented responses', 'transactions', 'passing', 'failing + errors', 'wall s', 'note']));
      for (const api of r.apis) {
        const c = r.dreddSetup.contracts[api] ?? {};
        const runs = r.dredd.map((d) => d[api]).filter((x): x is DreddRunSummary => !!x);
        const prob = c.problem ?? runs.find((x) => x.problem)?.problem;
        p(row([api, c.operations ?? '–', c.responses ?? '–', fmt.n(med(runs, (x) => x.total)), fmt.n(med(runs, (x) => x.passing)), fmt.n(med(runs, (x) => x.failing + x.errors)), fmt.s(med(runs, (x) => x.wallMs)), prob ? `measured, but: ${prob}` : 'ran']));
      }
    }
  }

  // Targets.
  p();
  if (r.worst?.length) {
    p('## Worst cases: hostile and broken servers');
    p();
    p('One whole live run each (`npm run conformance`), every API (or the one named) on one server of selftest/support/hostile.ts, default settings. Peak memory: the whole process tree (CLI, Playwright runner, workers) summed, and the largest single process.');
    p();
    p(head(['server', 'APIs', 'wall s', 'exit', 'peak MB, all processes', 'peak MB, largest process', 'largest report MB']));
    for (const w of r.worst) p(row([w.label, w.apis, fmt.s(w.wallMs), String(w.code), fmt.n(Math.round(w.peakRssMb)), fmt.n(Math.round(w.peakProcessRssMb)), (w.largestReportBytes / 2 ** 20).toFixed(2)]));
    p();
  }
  if (r.failingServer?.length) {
    p('## A server that fails: what a failed test costs');
    p();
    p('Whole live runs (`npm run conformance`, the environment of the reference servers, so at most 200 requests a second, and destructive steps on), a fresh reference-server instance each: the conformant server, and the same API with every fault of its catalogue switched on at once (the most tests the catalogue can make fail; tests whose preconditions the faults break are skipped, not failed). Playwright starts a fresh worker process after each failed test.');
    p();
    p(head(['APIs', 'conformant s', 'failing s', 'ratio (target ≤ 2×)', 'tests failed', 'worker processes', 'CPU s conformant / failing', 'wall per failed test s', 'CPU per failed test s']));
    for (const f of r.failingServer) {
      const c = med(f.conformant, (x) => x.wallMs);
      const w = med(f.failing, (x) => x.wallMs);
      const failed = med(f.failing, (x) => x.failedTests);
      p(row([f.scope, fmt.s(c), fmt.s(w), `${fmt.x(w / c)} — ${verdict(w / c <= 2)}`, `${fmt.n(failed)} of ${fmt.n(med(f.failing, (x) => x.tests))}`, `${fmt.n(med(f.conformant, (x) => x.workers))} / ${fmt.n(med(f.failing, (x) => x.workers))}`, `${fmt.s(med(f.conformant, (x) => x.cpuMs))} / ${fmt.s(med(f.failing, (x) => x.cpuMs))}`, fmt.s((w - c) / failed), fmt.s((med(f.failing, (x) => x.cpuMs) - med(f.conformant, (x) => x.cpuMs)) / failed)]));
    }
    p();
    if (r.restartFloor) {
      const pass = med(r.restartFloor.pass, (x) => x.wallMs);
      const fail = med(r.restartFloor.fail, (x) => x.wallMs);
      const n = r.restartFloor.tests;
      const ownCpu = (med(r.restartFloor.fail, (x) => x.cpuMs) - med(r.restartFloor.pass, (x) => x.cpuMs)) / n;
      p(`Playwright alone (bench/floor, one worker, nothing of ours): ${n} empty tests passing ${fmt.s(pass)} s, failing ${fmt.s(fail)} s: a worker restart costs Playwright itself ${fmt.ms((fail - pass) / n)} ms of wall (${fmt.ms(ownCpu)} ms of CPU). Against it, the "per failed test" columns above are what a restart costs in a conformance run (the worker loads the engine, the contract and the suite's file again): the part over Playwright's own is ours.`);
      p();
      p(head(['APIs', 'a restart, CPU ms: all of it', "Playwright's own", 'ours']));
      for (const f of r.failingServer) {
        const all = (med(f.failing, (x) => x.cpuMs) - med(f.conformant, (x) => x.cpuMs)) / med(f.failing, (x) => x.failedTests);
        p(row([f.scope, fmt.ms(all), fmt.ms(ownCpu), fmt.ms(all - ownCpu)]));
      }
      p();
      p(`A restart is mostly loading code again, compiling it included: Playwright's bundles (7 MB) and our modules. ${r.machine.compileCache ? `This Node keeps compiled code between processes (NODE_COMPILE_CACHE, which the CLI sets, and the floor above gets too)` : 'Node 20 has no compile cache (Node 22.1+ has one, and the CLI turns it on)'}. Measured by hand on this machine kind, the same traQ, Semaphore, Svix and nextAuth faults in one run (18 failed tests, 19 workers): 22.7 CPU s on Node 20.20, 15.2 on Node 22.23 with the cache; 20 failing empty tests, Playwright alone: 11.5 s on Node 20, 6.9 s on Node 22 with the cache.`);
      p();
      p('Before and after the restart work of issue 13, measured by hand on this machine kind (load 7–14 from other work; medians of 3): 20 failing tests, each in a fresh worker, whose suite file loads the engine, the traQ fixtures and the contract, against the same 20 as empty Playwright tests: ours was 316 ms of CPU a restart at 11de50f (about 70 ms of it ajv compiling the JSON Schema meta-schema, to check schemas the set-up had checked already) and 216 ms after; Playwright\'s own, 670–680 ms both times.');
      p();
    }
  }
  if (r.selftest) {
    const st = r.selftest;
    p('## The self-test loop');
    p();
    p(`\`npm test\` (pretest included), whole: ${fmt.s(st.wallMs)} s wall (${(st.wallMs / 60_000).toFixed(1)} min; target ≤ 5 min — ${verdict(st.wallMs <= 300_000)}), ${fmt.s(st.cpuMs)} CPU s, exit ${st.code}: ${st.passed} passed, ${st.failed} failed, ${st.flaky} flaky, ${st.skipped} skipped; other load meanwhile ${fmt.cores(st.otherLoadCores)} cores.`);
    p();
  }
  p('## Targets');
  p();
  // A target that was not measured (BENCH_ONLY=worst) is neither met nor missed.
  if (Number.isFinite(mockWall)) p(`- Whole mock run of all ${r.apis.length} APIs ≤ 5 s wall: median ${fmt.s(mockWall)} s — ${verdict(mockWall <= 5000)}.`);
  else p('- Whole mock run: not measured in this bench run.');
  if (Number.isFinite(dreddWall)) p(`- No slower than Dredd on the same contracts: ${fmt.s(mockWall)} s vs Dredd ${fmt.s(dreddWall)} s (${fmt.x(mockWall / dreddWall)}) — ${verdict(mockWall <= dreddWall)}; checked: ${fmt.n(med(r.mock, (m) => m.verdicts))} requirement verdicts over ${fmt.n(requests)} requests vs ${fmt.n(med(dreddTotals, (d) => d.total))} Dredd transactions.`);
  if (ip) p(`- Overhead over the bare replay ≤ 1 ms per exchange: toConform in-process ${fmt.ms(ip.warm.perExchangeMs)} ms warm, ${fmt.ms(ip.cold.perExchangeMs)} ms cold — ${verdict(ip.warm.perExchangeMs <= 1)}; inside the run, tests over the floor ${fmt.ms((mockTests - floorMs) / requests)} ms per request — ${verdict((mockTests - floorMs) / requests <= 1)}; whole run over the floor ${fmt.ms((mockWall - floorMs) / requests)} ms per request — ${verdict((mockWall - floorMs) / requests <= 1)}.`);
  const phase = (f: (x: Phases) => number) => med(r.mock, (m) => (m.phases ? f(m.phases) : undefined));
  const fixed = phase((x) => x.launchMs + x.setupMs) + phase((x) => x.workerStartMs) + phase((x) => x.workerEndMs + x.reportMs + x.exitMs);
  p();
  p('What limits the mock run, from the medians above:');
  p(`- fixed costs: launch ${fmt.s(phase((x) => x.launchMs))} s + set-up ${fmt.s(phase((x) => x.setupMs))} s + ${fmt.n(phase((x) => x.workers))} worker start-ups ${fmt.s(phase((x) => x.workerStartMs))} s + worker ends, reporting and exit ${fmt.s(phase((x) => x.workerEndMs + x.reportMs + x.exitMs))} s = ${fmt.s(fixed)} s${phase((x) => x.workers) > 1 ? ` (worker phases summed over ${fmt.n(phase((x) => x.workers))} workers that run side by side, so more than their share of the wall)` : ''} of the ${fmt.s(mockWall)} s;`);
  p(`- the tests themselves: ${fmt.s(mockTests)} s for ${fmt.n(requests)} requests, of which ${fmt.s(phase((x) => x.inFlightMs))} s in flight; the checks and evidence (toConform) account for about ${fmt.s((ip?.cold.perExchangeMs ?? NaN) * (ip?.exchanges ?? NaN))} s of it (cold);`);
  if (r.perApiProjects.length) p(`- one worker process for every API instead of one per API: ${fmt.s(one)} s vs ${fmt.s(med(r.perApiProjects, (m) => m.wallMs))} s for the same \`npx playwright test\` with \`--project=\` for each API.`);
  const floorOne = med(r.playwrightFloor.one, (m) => m.wallMs);
  const floorMany = med(r.playwrightFloor.many, (m) => m.wallMs);
  if (Number.isFinite(floorMany)) p(`- Playwright alone (one worker), with nothing of ours: ${fmt.s(floorOne)} s for one empty test, ${fmt.s(floorMany)} s for ${fmt.n(r.playwrightFloor.many[0]!.tests)} (${fmt.ms((floorMany - floorOne) / Math.max(1, r.playwrightFloor.many[0]!.tests - 1))} ms a test). One worker cannot run this many tests through Playwright in less (a mock run now uses one worker per core, so read this as an order of magnitude); the mock run spends ${fmt.s(mockWall - floorMany)} s more, for Prism (loaded beside the worker's start), the contracts, ${fmt.n(requests)} requests and their checks.`);
  p();
  return `${out.join('\n')}\n`;
}

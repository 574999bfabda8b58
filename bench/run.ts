/**
 * `npm run bench`: how fast a conformance run is, and where its time goes. Not a test: nothing here
 * is asserted; it measures, prints a markdown table and writes reports/bench.md and
 * reports/bench.json.
 *
 * Side by side, as medians of BENCH_RUNS runs (default 3), interleaved so that a change in the
 * machine's load hits every row alike:
 *   - the whole `npm run conformance` against the mock, every API;
 *   - the whole live run against the reference servers (fault-free, destructive steps on, a fresh
 *     server instance per run);
 *   - the floor: the mock run's own HTTP requests replayed by a bare loop, and through the engine's
 *     client without checks;
 *   - Dredd 14.1.0 on the same contracts against the same mock;
 *   - Playwright unsharded vs two shards in parallel (and, once, two workers), vs one project per
 *     API (a worker process each), and Playwright alone running as many empty tests;
 * then, once, in a fresh process: the engine's per-exchange cost stage by stage, the redactor with
 * many secrets, a 10× contract, the reporters, and what a worker's start-up imports.
 *
 * Every process it starts runs in its own process group and is killed with it; every server listens
 * on 127.0.0.1; every run has a timeout.
 */
import nodeModule from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withCompileCache } from '../engine/cli/compile-cache.ts';
import { AVAILABLE_APIS, API_DEFINITIONS, type ApiName } from '../engine/config/apis.ts';
import { PROJECT_ROOT } from '../engine/contract/load.ts';
import type { ConformanceReport } from '../engine/reporter/model.ts';
import { REFERENCES } from '../reference/index.ts';
import { convertForDredd, ensureDredd, runDredd, summariseDredd, writeHooks, type DreddRunSummary } from './dredd.ts';
import type { InProcessInput } from './inprocess.ts';
import { cleanEnv, machineBusyMs, measure, startHelper, type Measured } from './proc.ts';
import { originsByApi, phases, readRecording, retarget, type Phases, type ReplayRequest } from './recording.ts';
import { render, type BenchResult, type FailingRun, type RunSample } from './render.ts';
import { replayBare, replayEngineSend } from './replay.ts';
import { analyseProfiles } from './profile.ts';
import { generateLargerContract } from './scale.ts';

const ROOT = PROJECT_ROOT;
/** Hostile-server behaviours (selftest/support/hostile.ts) whose whole runs the README bounds. */
const WORST_CASES: { label: string; behaviour: string; apis?: string; env?: Record<string, string> }[] = [
  { label: 'a server that accepts connections and never answers', behaviour: 'silent' },
  { label: 'every answer 429 with Retry-After: 30 (the default cap, 30 s)', behaviour: 'throttle~30' },
  { label: 'every answer 429 with Retry-After: 3600 (over the cap)', behaviour: 'throttle~3600' },
  { label: 'every answer 0.9 MB of JSON (under the read cap)', behaviour: 'big-json' },
  { label: 'every answer 16 MB of JSON (over the read cap)', behaviour: 'big-json~16', apis: 'traq' },
  { label: 'every answer an endless chunked body', behaviour: 'endless', apis: 'traq' },
  { label: 'every answer 60 MB announced and sent', behaviour: 'huge', apis: 'traq' },
  { label: 'the server dies after two answers', behaviour: 'dies', apis: 'traq' },
];
const RUNS = positiveInt(process.env.BENCH_RUNS, 3);
/**
 * BENCH_ONLY=worst: only the worst cases (a few minutes), for checking the README's bounds;
 * BENCH_ONLY=failing: only the failing-server rows; BENCH_ONLY=selftest: only `npm test`'s wall
 * (10 minutes or more, so a whole bench runs it only with BENCH_SELFTEST=1).
 */
const ONLY = process.env.BENCH_ONLY;
const ONLY_WORST = ONLY === 'worst';
const WITH_FAILING = !ONLY || ONLY === 'failing';
const WITH_SELFTEST = ONLY === 'selftest' || (!ONLY && process.env.BENCH_SELFTEST === '1');
/** Rounds of the failing-server rows (each round is about 5 minutes: eight whole runs and more). */
const FAILING_RUNS = positiveInt(process.env.BENCH_FAILING_RUNS, 1);
/** Empty tests in the Playwright-alone restart measure (passing vs failing). */
const RESTART_TESTS = 20;
const SEED = '20261123';
const FACTOR = 10;
const RUN_TIMEOUT_MS = 300_000;
const HOOK = pathToFileURL(resolve(ROOT, 'bench/record-hook.mjs')).href;
const benchStarted = performance.now();
const log = (s: string) => process.stderr.write(`[bench ${((performance.now() - benchStarted) / 1000).toFixed(0).padStart(4)} s] ${s}\n`);
const now = () => performance.timeOrigin + performance.now();

function positiveInt(text: string | undefined, fallback: number): number {
  const n = Number(text);
  return text && Number.isInteger(n) && n >= 1 ? n : fallback;
}

const tsx = (file: string, ...args: string[]): [string, string[]] => [process.execPath, ['--import', 'tsx', resolve(ROOT, file), ...args]];
const strip = (m: Measured): Omit<Measured, 'stdout' | 'stderr'> => {
  const { stdout: _o, stderr: _e, ...rest } = m;
  return rest;
};

function readReport(dir: string): ConformanceReport | undefined {
  const f = join(dir, 'conformance.json');
  try {
    return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as ConformanceReport) : undefined;
  } catch {
    return undefined;
  }
}

/** One whole conformance run through `npm run conformance`, with the recording preload. */
async function conformanceRun(label: string, dir: string, extraEnv: Record<string, string>): Promise<RunSample & { report?: ConformanceReport; recordFile: string }> {
  mkdirSync(dir, { recursive: true });
  const recordFile = join(dir, 'record.jsonl');
  const env = cleanEnv({ CONFORMANCE_REPORT_DIR: dir, CONFORMANCE_SEED: SEED, NODE_OPTIONS: `--import ${HOOK}`, BENCH_RECORD_FILE: recordFile, ...extraEnv });
  const spawnedAt = now();
  const m = await measure('npm', ['run', 'conformance'], { cwd: ROOT, env, timeoutMs: RUN_TIMEOUT_MS });
  const report = readReport(dir);
  const rec = readRecording(recordFile);
  const ph: Phases | undefined = phases(rec, spawnedAt, spawnedAt + m.wallMs);
  const verdicts = report ? report.results.length : NaN;
  const failed = report ? report.results.filter((r) => r.verdict === 'fail').length : NaN;
  log(`${label}: ${(m.wallMs / 1000).toFixed(1)} s, exit ${m.code}${m.timedOut ? ' (timed out)' : ''}, ${ph?.requests ?? '?'} requests, ${verdicts} verdicts (${failed} failed), peak ${m.peakRssMb.toFixed(0)} MB, other load ${m.otherLoadCores.toFixed(1)} cores`);
  const tail = m.code !== 0 && m.code !== 1 ? (m.stderr || m.stdout).trim().split('\n').slice(-3).join(' | ') : undefined;
  return { ...strip(m), phases: ph, verdicts, failedVerdicts: failed, ...(report ? { report } : {}), recordFile, ...(tail ? { problem: tail.slice(0, 300) } : {}) };
}

async function playwrightRun(dir: string, args: string[], extraEnv: Record<string, string> = {}): Promise<Measured> {
  mkdirSync(dir, { recursive: true });
  // The compile cache the CLI gives its runs (Node 22.1+): Playwright alone is measured with it too.
  return measure('npx', ['playwright', 'test', ...args], { cwd: ROOT, env: withCompileCache(cleanEnv({ CONFORMANCE_REPORT_DIR: dir, CONFORMANCE_SEED: SEED, ...extraEnv })), timeoutMs: RUN_TIMEOUT_MS });
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'auth-conformance-bench-'));
  const result: BenchResult = {
    startedAt: new Date().toISOString(),
    runs: RUNS,
    seed: SEED,
    machine: { cores: cpus().length, model: cpus()[0]?.model ?? '', node: process.version, compileCache: 'enableCompileCache' in nodeModule, loadavgAtStart: loadavg(), loadavgAtEnd: [] },
    apis: [...AVAILABLE_APIS],
    mock: [],
    live: [],
    floor: [],
    engineSend: [],
    dredd: [],
    shardOne: [],
    shardTwo: [],
    workersTwo: [],
    perApiProjects: [],
    playwrightFloor: { one: [], many: [] },
  };
  const helpers: { stop(): Promise<void> }[] = [];
  try {
    log(`${RUNS} run(s) of each; ${cpus().length} cores; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}; temp ${tmp}`);

    // Dredd: installed into a cache folder, contracts converted to OpenAPI 3.0, hooks written.
    const dredd: Awaited<ReturnType<typeof ensureDredd>> = ONLY ? { ok: false, reason: `not measured (BENCH_ONLY=${ONLY})` } : await ensureDredd(log);
    result.dreddSetup = dredd.ok ? { installed: true, installMs: dredd.installMs, contracts: {} } : { installed: false, reason: dredd.reason, contracts: {} };
    const dreddFiles: Partial<Record<ApiName, { contract: string; hooks: string }>> = {};
    if (dredd.ok) {
      for (const api of AVAILABLE_APIS) {
        try {
          const c = await convertForDredd(api, join(tmp, 'dredd'));
          dreddFiles[api] = { contract: c.file, hooks: writeHooks(api, join(tmp, 'dredd')) };
          result.dreddSetup.contracts[api] = { operations: c.operations, responses: c.responses };
        } catch (err) {
          result.dreddSetup.contracts[api] = { problem: `conversion to OpenAPI 3.0 failed: ${(err as Error).message.split('\n')[0]}` };
        }
      }
    }

    // The 10× contracts.
    const bigContracts: Record<string, string> = {};
    for (const api of AVAILABLE_APIS) bigContracts[api] = generateLargerContract(api, FACTOR, join(tmp, 'x10')).file;

    // The bench's own mock (for the floor and Dredd) and the reference servers (for the live runs).
    const [mockCmd, mockArgs] = tsx('bench/mock-server.ts');
    const mock = await startHelper(mockCmd, mockArgs, { cwd: ROOT, env: cleanEnv({}), ready: /^READY /, timeoutMs: 120_000 });
    helpers.push(mock);
    const mockUrls = (JSON.parse(mock.line.slice(6)) as { urls: Record<string, string> }).urls;
    const stamp = Date.now().toString(36);
    const instances = Array.from({ length: RUNS }, (_, i) => `bench-${stamp}-${i + 1}`);
    // A fresh instance for each run of the failing-server rows, conformant and failing alike.
    const failingPlan = Array.from({ length: WITH_FAILING ? FAILING_RUNS : 0 }, (_, i) => [...AVAILABLE_APIS, 'all'].map((scope) => ({
      round: i + 1,
      scope,
      conformant: `conformant-${stamp}-${i + 1}-${scope}`,
      failing: `failing-${stamp}-${i + 1}-${scope}`,
    }))).flat();
    const [refCmd, refArgs] = tsx('bench/reference-server.ts', ...instances, ...failingPlan.flatMap((f) => [f.conformant, f.failing]));
    const reference = await startHelper(refCmd, refArgs, { cwd: ROOT, env: cleanEnv({}), ready: /^READY /, timeoutMs: 120_000 });
    helpers.push(reference);
    const liveUrls = JSON.parse(reference.line.slice(6)) as Record<string, Record<string, string>>;
    const liveEnvBase: Record<string, string> = Object.assign({}, ...REFERENCES.filter((r) => AVAILABLE_APIS.includes(r.api)).map((r) => r.env));

    let replayRequests: ReplayRequest[] | undefined;
    let firstMockReport: string | undefined;
    for (let i = 1; i <= (ONLY ? 0 : RUNS); i++) {
      log(`— round ${i} of ${RUNS}`);
      const mockRun = await conformanceRun(`mock run ${i}`, join(tmp, `mock-${i}`), {});
      const { report, recordFile, ...mockSample } = mockRun;
      result.mock.push(mockSample);
      if (!replayRequests && report) {
        const rec = readRecording(recordFile);
        const worker = new Set(rec.procs.filter((p) => p.role === 'worker').map((p) => p.pid));
        const { requests, unmapped } = retarget(rec.http.filter((h) => worker.has(h.pid)), originsByApi(report), mockUrls);
        replayRequests = requests;
        result.replayUnmapped = unmapped;
        firstMockReport = join(tmp, `mock-${i}`, 'conformance.json');
      }

      const liveEnv: Record<string, string> = { ...liveEnvBase, CONFORMANCE_TARGET: 'live', CONFORMANCE_ALLOW_DESTRUCTIVE: '1' };
      for (const api of AVAILABLE_APIS) liveEnv[API_DEFINITIONS[api].baseUrlVariable] = liveUrls[instances[i - 1]!]![api]!;
      const { report: _r, recordFile: _f, ...liveSample } = await conformanceRun(`live run ${i}`, join(tmp, `live-${i}`), liveEnv);
      result.live.push(liveSample);

      if (replayRequests) {
        // The first traffic after Prism starts warms its JIT; the floor is the HTTP cost, not that.
        if (i === 1) await replayBare(replayRequests);
        const bare = await replayBare(replayRequests);
        result.floor.push({ ms: bare.ms, requests: replayRequests.length, errors: bare.errors });
        const eng = await replayEngineSend(replayRequests);
        result.engineSend.push({ ms: eng.ms, requests: replayRequests.length, errors: eng.errors });
        log(`floor ${i}: ${replayRequests.length} requests, bare ${bare.ms.toFixed(0)} ms, engine send() ${eng.ms.toFixed(0)} ms`);
      }

      if (dredd.ok) {
        const perApi: Record<string, DreddRunSummary> = {};
        for (const api of AVAILABLE_APIS) {
          const f = dreddFiles[api];
          if (!f) continue;
          const r = await runDredd(api, f.contract, f.hooks, mockUrls[api]!, RUN_TIMEOUT_MS);
          perApi[api] = summariseDredd(r);
        }
        result.dredd.push(perApi);
        const all = Object.values(perApi);
        log(`dredd ${i}: ${(all.reduce((s, r) => s + r.wallMs, 0) / 1000).toFixed(1)} s for ${all.reduce((s, r) => s + r.total, 0)} transactions${all.some((r) => r.problem) ? ` (${all.filter((r) => r.problem).map((r) => `${r.api}: ${r.problem}`).join('; ')})` : ''}`);
      }

      const one = await playwrightRun(join(tmp, `shard-one-${i}`), []);
      result.shardOne.push(strip(one));
      const busy = machineBusyMs();
      const pairStarted = performance.now();
      const pair = await Promise.all([1, 2].map((k) => playwrightRun(join(tmp, `shard-${k}of2-${i}`), [`--shard=${k}/2`])));
      const pairWall = performance.now() - pairStarted;
      const pairCpu = pair[0]!.cpuMs + pair[1]!.cpuMs;
      result.shardTwo.push({ wallMs: pairWall, peakRssMb: pair[0]!.peakRssMb + pair[1]!.peakRssMb, cpuMs: pairCpu, codes: pair.map((p) => p.code), otherLoadCores: Math.max(0, machineBusyMs() - busy - pairCpu) / pairWall, shardWallMs: pair.map((p) => p.wallMs) });
      log(`shards ${i}: one ${(one.wallMs / 1000).toFixed(1)} s; two in parallel ${(pairWall / 1000).toFixed(1)} s (${pair.map((p) => (p.wallMs / 1000).toFixed(1)).join(' s, ')} s)`);
      const perApi = await playwrightRun(join(tmp, `per-api-${i}`), AVAILABLE_APIS.map((api) => `--project=${api}`));
      result.perApiProjects.push(strip(perApi));
      log(`one project per API (a worker process each) ${i}: ${(perApi.wallMs / 1000).toFixed(1)} s, exit ${perApi.code}`);
      // As many empty tests as the mock run ran (skipped ones included: Playwright handles those too).
      const tests = report ? new Set(report.results.map((r) => `${r.test.file}:${r.test.line}`)).size : 0;
      for (const [which, count] of [['one', 1], ['many', tests]] as const) {
        if (count === 0) continue;
        const f = await playwrightRun(join(tmp, `floor-${which}-${i}`), ['-c', resolve(ROOT, 'bench/floor/playwright.config.ts')], { BENCH_FLOOR_TESTS: String(count) });
        result.playwrightFloor[which].push({ ...strip(f), tests: count });
        log(`Playwright alone, ${count} empty test(s) ${i}: ${(f.wallMs / 1000).toFixed(1)} s`);
      }
      if (i === RUNS) {
        const w2 = await playwrightRun(join(tmp, `workers2-${i}`), ['--workers=2']);
        result.workersTwo.push(strip(w2));
        log(`--workers=2: ${(w2.wallMs / 1000).toFixed(1)} s`);
      }
    }

    if (failingPlan.length) await failingServerRows(result, tmp, failingPlan, liveUrls, liveEnvBase);
    if (WITH_SELFTEST) await selftestWall(result);

    // The worst cases a hostile or broken server can cause, each once, every API on one server.
    if (!ONLY || ONLY_WORST) await worstCases(result, tmp, helpers, liveEnvBase);

    // The rest measures the engine's own costs; BENCH_ONLY stops here.
    if (!ONLY) await engineCosts(result, tmp, firstMockReport, mockUrls, bigContracts);
  } finally {
    for (const h of helpers.reverse()) await h.stop().catch(() => undefined);
    result.machine.loadavgAtEnd = loadavg();
    result.durationMs = performance.now() - benchStarted;
    if (process.env.BENCH_KEEP !== '1') rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  }

  const md = render(result);
  const out = resolve(ROOT, 'reports');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'bench.md'), md);
  writeFileSync(join(out, 'bench.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${md}\n`);
  log(`done in ${((performance.now() - benchStarted) / 1000).toFixed(0)} s; reports/bench.md and reports/bench.json written`);
}

/** What one whole run of the failing-server rows gave. */
function failRow(s: RunSample & { report?: ConformanceReport }): FailingRun {
  const byTest = new Map<string, boolean>();
  for (const r of s.report?.results ?? []) {
    // The generated refusals share their registration line: the title (with its describe path) tells them apart.
    const key = `${r.test.file}:${r.test.line} ${r.test.title}`;
    byTest.set(key, (byTest.get(key) ?? false) || r.verdict === 'fail');
  }
  return { wallMs: s.wallMs, code: s.code, cpuMs: s.cpuMs, tests: byTest.size, failedTests: [...byTest.values()].filter(Boolean).length, workers: s.phases?.workers ?? NaN };
}

/**
 * A live run against a server that fails as many tests as the fault catalogue can make fail (every
 * fault of the API on at once), against the same run on the conformant server: Playwright starts a
 * fresh worker after each failed test, so this is where a worker's start-up shows. Beside it,
 * Playwright alone: as many empty tests passing, then failing.
 */
async function failingServerRows(result: BenchResult, tmp: string, plan: { round: number; scope: string; conformant: string; failing: string }[], urls: Record<string, Record<string, string>>, liveEnvBase: Record<string, string>): Promise<void> {
  result.failingServer = [];
  result.restartFloor = { tests: RESTART_TESTS, pass: [], fail: [] };
  for (const p of plan) {
    const apis = p.scope === 'all' ? [...AVAILABLE_APIS] : [p.scope as ApiName];
    const run = async (which: 'conformant' | 'failing') => {
      const env: Record<string, string> = { ...liveEnvBase, CONFORMANCE_TARGET: 'live', CONFORMANCE_ALLOW_DESTRUCTIVE: '1', CONFORMANCE_APIS: apis.join(',') };
      for (const api of apis) env[API_DEFINITIONS[api].baseUrlVariable] = urls[p[which]]![api]!;
      const s = failRow(await conformanceRun(`${which} server, ${p.scope} (round ${p.round})`, join(tmp, `${p[which]}`), env));
      log(`  ${s.failedTests} of ${s.tests} tests failed, ${s.workers} worker processes`);
      return s;
    };
    let row = result.failingServer.find((r) => r.scope === p.scope);
    if (!row) result.failingServer.push((row = { scope: p.scope, conformant: [], failing: [] }));
    row.conformant.push(await run('conformant'));
    row.failing.push(await run('failing'));
    if (p.scope === 'all') {
      for (const which of ['pass', 'fail'] as const) {
        const f = await playwrightRun(join(tmp, `restart-${which}-${p.round}`), ['-c', resolve(ROOT, 'bench/floor/playwright.config.ts')], { BENCH_FLOOR_TESTS: String(RESTART_TESTS), BENCH_FLOOR_FAIL: which === 'fail' ? '1' : '0' });
        result.restartFloor[which].push(strip(f));
        log(`Playwright alone, ${RESTART_TESTS} empty tests ${which === 'pass' ? 'passing' : 'failing'}: ${(f.wallMs / 1000).toFixed(1)} s`);
      }
    }
  }
}

/** `npm test`, whole, as a developer runs it: the self-test loop's wall time. */
async function selftestWall(result: BenchResult): Promise<void> {
  log('npm test (the whole self-test suite; 5 to 15 minutes)');
  const m = await measure('npm', ['test'], { cwd: ROOT, env: cleanEnv({ CI: '1' }), timeoutMs: 60 * 60_000 });
  const count = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(m.stdout)?.[1] ?? 0);
  result.selftest = { wallMs: m.wallMs, cpuMs: m.cpuMs, code: m.code, passed: count('passed'), failed: count('failed'), flaky: count('flaky'), skipped: count('skipped'), otherLoadCores: m.otherLoadCores };
  log(`npm test: ${(m.wallMs / 1000).toFixed(0)} s, exit ${m.code}, ${result.selftest.passed} passed, ${result.selftest.failed} failed`);
}

/** The worst cases a hostile or broken server can cause, each once, every API on one server. */
async function worstCases(result: BenchResult, tmp: string, helpers: { stop(): Promise<void> }[], liveEnvBase: Record<string, string>): Promise<void> {
  const [hostCmd, hostArgs] = tsx('bench/hostile-server.ts');
  const hostileServer = await startHelper(hostCmd, hostArgs, { cwd: ROOT, env: cleanEnv({}), ready: /^READY /, timeoutMs: 120_000 });
  helpers.push(hostileServer);
  const hostileOrigin = hostileServer.line.slice(6).trim();
  result.worst = [];
  for (const w of WORST_CASES) {
    const base = `${hostileOrigin}/${w.behaviour}`;
    const urls: Record<string, string> = { traq: `${base}/api/v3`, nextauth: base, svix: base, semaphore: `${base}/api` };
    const env: Record<string, string> = { ...liveEnvBase, CONFORMANCE_TARGET: 'live', ...(w.apis ? { CONFORMANCE_APIS: w.apis } : {}), ...w.env };
    for (const api of AVAILABLE_APIS) env[API_DEFINITIONS[api].baseUrlVariable] = urls[api]!;
    const dir = join(tmp, `worst-${w.behaviour}`);
    const s = await conformanceRun(`worst case: ${w.label}`, dir, env);
    const reportBytes = Math.max(0, ...['conformance.json', 'conformance.html', 'junit.xml'].map((f) => (existsSync(join(dir, f)) ? statSync(join(dir, f)).size : 0)));
    result.worst.push({ label: w.label, apis: w.apis ?? 'all', wallMs: s.wallMs, code: s.code, peakRssMb: s.peakRssMb, peakProcessRssMb: s.peakProcessRssMb, largestReportBytes: reportBytes });
  }
}

/** The profiled run, the in-process stages, the 10× contracts and start-up imports: the engine's own costs. */
async function engineCosts(result: BenchResult, tmp: string, firstMockReport: string | undefined, mockUrls: Record<string, string>, bigContracts: Record<string, string>): Promise<void> {
  log('profiled mock run (V8 sampling profiler in every process)');
  const profDir = join(tmp, 'profiles');
  const profiled = await conformanceRun('profiled mock run', join(tmp, 'mock-profiled'), { BENCH_CPU_PROF_DIR: profDir });
  result.profile = { wallMs: profiled.wallMs, cpuMs: profiled.cpuMs, roles: analyseProfiles(profDir) };

  // In a fresh process: the engine's per-exchange cost, the redactor, the 10× contract, the reporters.
  if (firstMockReport) {
    log('in-process: toConform per exchange, redactor, 10× contract, reporters');
    const input: InProcessInput = { report: firstMockReport, mockUrls, bigContracts, factor: FACTOR, warmPasses: 15 };
    const inFile = join(tmp, 'inprocess-in.json');
    const outFile = join(tmp, 'inprocess-out.json');
    writeFileSync(inFile, JSON.stringify(input));
    const [c, a] = tsx('bench/inprocess.ts', inFile, outFile);
    const m = await measure(c, a, { cwd: ROOT, env: cleanEnv({}), timeoutMs: RUN_TIMEOUT_MS });
    if (m.code === 0 && existsSync(outFile)) result.inProcess = JSON.parse(readFileSync(outFile, 'utf8')) as BenchResult['inProcess'];
    else result.inProcessProblem = (m.stderr || m.stdout).trim().split('\n').slice(0, 3).join(' | ').slice(0, 400);
  }

  log('start-up costs: imports of a worker and of the global set-up; Prism with the 1× and 10× contracts');
  const imports: { what: string; ms: number }[][] = [];
  for (let i = 0; i < RUNS; i++) {
    const [c, a] = tsx('bench/import-cost.ts');
    const m = await measure(c, a, { cwd: ROOT, env: cleanEnv({}), timeoutMs: 120_000 });
    const line = m.stdout.trim().split('\n').pop() ?? '';
    try {
      imports.push(JSON.parse(line) as { what: string; ms: number }[]);
    } catch {
      result.importProblem = (m.stderr || line).slice(0, 300);
    }
  }
  result.imports = imports;
  const prism: { x1: number[]; x10: number[] } = { x1: [], x10: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const which of ['x1', 'x10'] as const) {
      const args = which === 'x1' ? [] : AVAILABLE_APIS.map((api) => `${api}=${bigContracts[api]}`);
      const [c, a] = tsx('bench/mock-server.ts', ...args);
      const h = await startHelper(c, a, { cwd: ROOT, env: cleanEnv({}), ready: /^READY /, timeoutMs: 120_000 });
      try {
        prism[which].push((JSON.parse(h.line.slice(6)) as { startMs: number }).startMs);
      } finally {
        await h.stop();
      }
    }
  }
  result.prismStartMs = prism;
}

main().then(() => process.exit(0), (err: unknown) => {
  process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});

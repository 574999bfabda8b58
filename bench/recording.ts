import { existsSync, readFileSync } from 'node:fs';
import type { ConformanceReport } from '../engine/reporter/model.ts';

/** What bench/record-hook.mjs wrote during one instrumented run, and the phases read from it. */

export interface HttpRecord {
  pid: number;
  start: number;
  end: number;
  method: string;
  url: string;
  headers: Record<string, string | string[]>;
  body: string;
  status: number;
}

interface ProcRecord { pid: number; ppid: number; role: string; start: number }
interface ExitRecord { pid: number; at: number; cpuUserMs: number; cpuSystemMs: number; maxRssMb: number }

export interface Recording {
  http: HttpRecord[];
  procs: ProcRecord[];
  exits: Map<number, ExitRecord>;
  listens: { pid: number; at: number }[];
}

export function readRecording(file: string): Recording {
  const rec: Recording = { http: [], procs: [], exits: new Map(), listens: [] };
  if (!existsSync(file)) return rec;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (o.kind === 'http') rec.http.push(o as unknown as HttpRecord);
    else if (o.kind === 'proc') rec.procs.push(o as unknown as ProcRecord);
    else if (o.kind === 'exit') rec.exits.set(o.pid as number, o as unknown as ExitRecord);
    else if (o.kind === 'listen') rec.listens.push(o as unknown as { pid: number; at: number });
  }
  rec.http.sort((a, b) => a.start - b.start);
  return rec;
}

/** Where the wall time of one run went, in ms from the moment the bench spawned it. */
export interface Phases {
  /** npm and the tsx wrapper of the CLI, until Playwright's runner process started. */
  launchMs: number;
  /** Runner start until its (last) server listened: config load, contract checks, Prism start. Live runs: until the first worker started. */
  setupMs: number;
  workers: number;
  /** Sum over workers of (process start → its first request): loading the test files and the engine. */
  workerStartMs: number;
  /** Sum over workers of (first request → last response): the tests themselves. */
  testsMs: number;
  /** Sum over workers of (last response → exit). */
  workerEndMs: number;
  /** Last worker exit until the runner exited: reporters (conformance.json, junit.xml, HTML, Playwright's HTML). */
  reportMs: number;
  /** Runner exit until the whole command returned. */
  exitMs: number;
  requests: number;
  /** CPU (user + system) per role, from the processes' own accounting at exit. */
  cpuMs: Record<string, number>;
  /** Sum of the time requests were in flight, as the client saw it. */
  inFlightMs: number;
  /**
   * Most distinct credential values (cookie values, bearer tokens, API keys) one worker sent: about
   * what its redactor had learned by the end (every cookie and token a server hands out is learned).
   */
  credentialsPerWorker: number;
}

export function phases(rec: Recording, spawnedAt: number, endedAt: number): Phases | undefined {
  const runner = rec.procs.find((p) => p.role === 'runner');
  if (!runner) return undefined;
  const workers = rec.procs.filter((p) => p.role === 'worker').sort((a, b) => a.start - b.start);
  const runnerListens = rec.listens.filter((l) => l.pid === runner.pid).map((l) => l.at);
  const firstWorker = workers[0]?.start ?? runner.start;
  const setupEnd = runnerListens.length > 0 ? Math.max(...runnerListens) : firstWorker;
  let workerStartMs = 0;
  let testsMs = 0;
  let workerEndMs = 0;
  for (const w of workers) {
    const mine = rec.http.filter((h) => h.pid === w.pid);
    const exit = rec.exits.get(w.pid)?.at ?? w.start;
    if (mine.length === 0) {
      workerStartMs += exit - w.start;
      continue;
    }
    const first = mine[0]!.start;
    const last = Math.max(...mine.map((h) => h.end));
    workerStartMs += first - w.start;
    testsMs += last - first;
    workerEndMs += exit - last;
  }
  const lastWorkerExit = Math.max(...workers.map((w) => rec.exits.get(w.pid)?.at ?? 0), setupEnd);
  const runnerExit = rec.exits.get(runner.pid)?.at ?? endedAt;
  const cpuMs: Record<string, number> = {};
  for (const p of rec.procs) {
    const e = rec.exits.get(p.pid);
    if (e) cpuMs[p.role] = (cpuMs[p.role] ?? 0) + e.cpuUserMs + e.cpuSystemMs;
  }
  const workerRequests = rec.http.filter((h) => workers.some((w) => w.pid === h.pid));
  let credentialsPerWorker = 0;
  for (const w of workers) {
    const values = new Set<string>();
    for (const h of rec.http) {
      if (h.pid !== w.pid) continue;
      for (const [k, v] of Object.entries(h.headers)) {
        const text = Array.isArray(v) ? v.join('; ') : String(v);
        if (k === 'cookie') for (const part of text.split(';')) values.add(part.slice(part.indexOf('=') + 1).trim());
        else if (k === 'authorization') values.add(text.split(' ').pop()!);
        else if (/api-?key|token/.test(k)) values.add(text);
      }
    }
    credentialsPerWorker = Math.max(credentialsPerWorker, values.size);
  }
  return {
    launchMs: runner.start - spawnedAt,
    setupMs: setupEnd - runner.start,
    workers: workers.length,
    workerStartMs,
    testsMs,
    workerEndMs,
    reportMs: runnerExit - lastWorkerExit,
    exitMs: endedAt - runnerExit,
    requests: workerRequests.length,
    cpuMs,
    inFlightMs: workerRequests.reduce((s, h) => s + (h.end - h.start), 0),
    credentialsPerWorker,
  };
}

/** The API of each origin the run's mocks listened on, read from the run's own evidence. */
export function originsByApi(report: ConformanceReport): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of report.results) for (const ev of r.evidence) for (const ex of ev.exchanges) {
    try {
      out.set(new URL(ex.request.url).origin, ex.api);
    } catch {
      /* not a URL */
    }
  }
  return out;
}

export interface ReplayRequest {
  api: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** The recorded requests, re-aimed at other mocks (same APIs, other ports). */
export function retarget(http: HttpRecord[], byOrigin: Map<string, string>, urls: Record<string, string>): { requests: ReplayRequest[]; unmapped: number } {
  const requests: ReplayRequest[] = [];
  let unmapped = 0;
  for (const h of http) {
    const u = new URL(h.url);
    const api = byOrigin.get(u.origin);
    const base = api ? urls[api] : undefined;
    if (!api || !base) {
      unmapped++;
      continue;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(h.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
    requests.push({ api, method: h.method, url: base + u.pathname + u.search, headers, ...(h.body ? { body: h.body } : {}) });
  }
  return { requests, unmapped };
}

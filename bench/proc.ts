import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Runs a command in its own process group and measures it from the outside: wall time, the peak of
 * the summed RSS of every process of the group (and its descendants), sampled from /proc every
 * ~50 ms, and the CPU time they used (user + system, the last value sampled for each process, so a
 * process that lives shorter than one sample interval is missed). The group is always killed at
 * the end, and on a timeout.
 */
export interface Measured {
  code: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  peakRssMb: number;
  /** The largest resident size any one process of the tree reached. */
  peakProcessRssMb: number;
  cpuMs: number;
  /** Most processes alive at one time in the tree. */
  maxProcs: number;
  samples: number;
  timedOut: boolean;
  /** CPU the whole machine spent during the run minus the tree's own, in cores on average: other people's load (and the bench's sampling). */
  otherLoadCores: number;
  stdout: string;
  stderr: string;
}

export interface MeasureOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Called with each line of stdout as it arrives (e.g. to wait for READY). */
  onLine?: (line: string) => void;
}

const PAGE = 4096;
const TICK_MS = 10; // CLK_TCK = 100 on Linux
const SAMPLE_MS = 50;
const MAX_OUTPUT = 4 * 1024 * 1024;

/** Process groups started by the bench and not yet ended; killed if the bench itself is stopped. */
const groups = new Set<number>();

export function killGroup(pgid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    /* already gone */
  }
}

let exitHooked = false;
function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  const all = () => {
    for (const g of groups) killGroup(g);
  };
  process.on('exit', all);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      all();
      process.exit(130);
    });
  }
}

interface Stat { pid: number; ppid: number; pgrp: number; cpuTicks: number; rssPages: number }

function readStat(pid: number): Stat | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(rest[1]), pgrp: Number(rest[2]), cpuTicks: Number(rest[11]) + Number(rest[12]), rssPages: Number(rest[21]) };
  } catch {
    return undefined;
  }
}

/** Every process in the group `root` leads, plus the descendants of `root` that left the group. */
function tree(root: number): Stat[] {
  const stats: Stat[] = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const st = readStat(pid);
    if (st) stats.push(st);
  }
  const members = new Set<number>([root]);
  for (const st of stats) if (st.pgrp === root) members.add(st.pid);
  for (let grew = true; grew;) {
    grew = false;
    for (const st of stats) if (!members.has(st.pid) && members.has(st.ppid)) {
      members.add(st.pid);
      grew = true;
    }
  }
  return stats.filter((s) => members.has(s.pid));
}

/** A process tree sampler, for a group started elsewhere (or for the current process's children). */
export class TreeSampler {
  peakRssBytes = 0;
  peakProcessRssBytes = 0;
  maxProcs = 0;
  samples = 0;
  private readonly cpu = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly roots: () => number[]) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
    return this;
  }

  sample(): void {
    const seen = new Map<number, Stat>();
    for (const r of this.roots()) for (const st of tree(r)) seen.set(st.pid, st);
    let rss = 0;
    for (const st of seen.values()) {
      rss += st.rssPages * PAGE;
      this.peakProcessRssBytes = Math.max(this.peakProcessRssBytes, st.rssPages * PAGE);
      this.cpu.set(st.pid, Math.max(this.cpu.get(st.pid) ?? 0, st.cpuTicks));
    }
    this.samples++;
    this.maxProcs = Math.max(this.maxProcs, seen.size);
    this.peakRssBytes = Math.max(this.peakRssBytes, rss);
  }

  stop(): { peakRssMb: number; peakProcessRssMb: number; cpuMs: number; maxProcs: number; samples: number } {
    clearInterval(this.timer);
    let ticks = 0;
    for (const t of this.cpu.values()) ticks += t;
    return { peakRssMb: this.peakRssBytes / 2 ** 20, peakProcessRssMb: this.peakProcessRssBytes / 2 ** 20, cpuMs: ticks * TICK_MS, maxProcs: this.maxProcs, samples: this.samples };
  }
}

/** Starts a long-lived helper (a server) in its own process group; resolves once `ready` matches a line. */
export async function startHelper(cmd: string, args: string[], o: { cwd: string; env: NodeJS.ProcessEnv; ready: RegExp; timeoutMs: number }): Promise<{ pid: number; line: string; stop(): Promise<void> }> {
  hookExit();
  const child = spawn(cmd, args, { cwd: o.cwd, env: o.env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  const pid = child.pid!;
  groups.add(pid);
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const line = await new Promise<string>((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`${cmd} ${args.join(' ')}: not ready within ${o.timeoutMs} ms; stderr: ${err}`)), o.timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      for (const l of buf.split('\n')) if (o.ready.test(l)) {
        clearTimeout(timer);
        resolve(l);
      }
    });
    child.on('exit', (c) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} ${args.join(' ')} exited with ${c} before it was ready; stderr: ${err}`));
    });
  });
  child.stdout.resume();
  return {
    pid,
    line,
    stop: async () => {
      child.stdin.end();
      killGroup(pid, 'SIGTERM');
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          killGroup(pid, 'SIGKILL');
          resolve();
        }, 3000);
        if (child.exitCode !== null || child.signalCode !== null) {
          clearTimeout(t);
          resolve();
        }
        child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
      killGroup(pid, 'SIGKILL');
      groups.delete(pid);
    },
  };
}

/** Busy CPU time of the whole machine so far, in ms (from /proc/stat). */
export function machineBusyMs(): number {
  try {
    const f = readFileSync('/proc/stat', 'latin1').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = f;
    return (user + nice + system + irq + softirq + steal) * TICK_MS;
  } catch {
    return NaN;
  }
}

/** Runs a command to its end (or the timeout) in its own process group and measures it. */
export async function measure(cmd: string, args: string[], o: MeasureOptions): Promise<Measured> {
  hookExit();
  const started = performance.now();
  const busyBefore = machineBusyMs();
  const child = spawn(cmd, args, { cwd: o.cwd, env: o.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid!;
  groups.add(pid);
  const sampler = new TreeSampler(() => [pid]).start();
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout.on('data', (d: Buffer) => {
    const s = d.toString();
    if (stdout.length < MAX_OUTPUT) stdout += s;
    if (o.onLine) {
      partial += s;
      const lines = partial.split('\n');
      partial = lines.pop()!;
      for (const l of lines) o.onLine(l);
    }
  });
  child.stderr.on('data', (d: Buffer) => {
    if (stderr.length < MAX_OUTPUT) stderr += d.toString();
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(pid, 'SIGKILL');
  }, o.timeoutMs);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
    child.on('error', () => resolve([null, null]));
    child.on('close', (c, s) => resolve([c, s]));
  });
  const wallMs = performance.now() - started;
  clearTimeout(timer);
  sampler.sample();
  const s = sampler.stop();
  const otherLoadCores = Math.max(0, machineBusyMs() - busyBefore - s.cpuMs) / wallMs;
  // Whatever the command left behind in its group (a worker, a server) ends with it.
  killGroup(pid, 'SIGKILL');
  groups.delete(pid);
  return { code, signal, wallMs, ...s, timedOut, otherLoadCores, stdout, stderr };
}

/** The environment a user's shell would give the CLI: ours without any CONFORMANCE_ or API variable. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(CONFORMANCE_|TRAQ_|NEXTAUTH_|SVIX_|SEMAPHORE_|PW_|PLAYWRIGHT_|TEST_|NODE_OPTIONS$|BENCH_)/.test(k)));
  return { ...clean, ...extra };
}

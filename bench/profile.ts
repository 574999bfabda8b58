import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../engine/contract/load.ts';

/**
 * Reads the V8 CPU profiles the record hook wrote (one per process of a profiled run) and says
 * where each role's CPU went: self time by package or engine folder, and inclusive time under a
 * few markers (module loading, the HTTP client, the checks, ajv, Prism, the reporters).
 */
interface CallFrame { functionName: string; url: string }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

export interface RoleProfile {
  role: string;
  processes: number;
  /** Wall time the profiles cover, summed over processes. */
  profiledMs: number;
  idleMs: number;
  busyMs: number;
  /** Inclusive: CPU spent with such a frame anywhere on the stack. */
  under: Record<string, number>;
  /** Self time by where the code lives, largest first. */
  self: { where: string; ms: number }[];
}

const LOADING = 'loading modules (import/require, TypeScript transform, top-level code)';
const PRISM = 'Prism (@stoplight), all of it';
const AJV = 'ajv (compile and validate)';
const MARKERS: [string, (cf: CallFrame) => boolean][] = [
  [LOADING, (cf) => /^node:internal\/modules\/|\/node_modules\/(tsx|esbuild)\//.test(cf.url)],
  ['Playwright steps: stack capture through source maps (captureRawStack)', (cf) => cf.functionName === 'captureRawStack'],
  ['Playwright: messages to the runner (sendMessageToParent)', (cf) => cf.functionName === 'sendMessageToParent'],
  ['HTTP client (pactum, phinx, centra)', (cf) => /\/node_modules\/(pactum|phinx|centra)\//.test(cf.url)],
  ['checks (engine/checks)', (cf) => /\/engine\/checks\//.test(cf.url)],
  ['redaction and evidence (engine/http/redact.ts, curl.ts)', (cf) => /\/engine\/http\/(redact|curl)\.ts/.test(cf.url)],
  ['contract load (engine/contract/load.ts)', (cf) => /\/engine\/contract\/load\.ts/.test(cf.url)],
  [AJV, (cf) => /\/node_modules\/ajv(-formats)?\//.test(cf.url)],
  [PRISM, (cf) => /\/node_modules\/@stoplight\//.test(cf.url)],
  ['contract validation (@readme/openapi-parser)', (cf) => /\/node_modules\/@readme\/|\/node_modules\/@apidevtools\//.test(cf.url)],
  ['our reporter (engine/reporter)', (cf) => /\/engine\/reporter\//.test(cf.url)],
  ["Playwright's HTML reporter", (cf) => /\/playwright\/lib\/reporters\/html/.test(cf.url)],
];
/** Markers derived from others on the same stack. */
const DERIVED: [string, (m: Set<string>) => boolean][] = [
  ['Prism outside module loading (serving requests)', (m) => m.has(PRISM) && !m.has(LOADING)],
  ['ajv outside module loading', (m) => m.has(AJV) && !m.has(LOADING)],
];

function where(cf: CallFrame): string {
  const u = cf.url;
  if (!u) return cf.functionName === '(garbage collector)' ? 'GC' : cf.functionName === '(program)' ? '(program: V8, compile, native)' : cf.functionName === '(idle)' ? 'idle' : '(native)';
  if (u.startsWith('node:internal/modules/')) return 'node: module loader';
  if (u.startsWith('node:')) return `node: ${u.slice(5).replace(/^internal\//, '').split('/')[0]}`;
  const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u);
  if (m) return m[1]!;
  const rel = u.replace(/^file:\/\//, '').split(`${PROJECT_ROOT}/`)[1];
  if (rel) return rel.split('/').slice(0, 2).join('/').replace(/\.m?ts$/, '');
  return u.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
}

export function analyseProfiles(dir: string): RoleProfile[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  } catch {
    return [];
  }
  const byRole = new Map<string, RoleProfile & { selfMap: Map<string, number> }>();
  for (const f of files) {
    const role = f.split('-')[0]!;
    let p: CpuProfile;
    try {
      p = JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile;
    } catch {
      continue;
    }
    const r = byRole.get(role) ?? { role, processes: 0, profiledMs: 0, idleMs: 0, busyMs: 0, under: {}, self: [], selfMap: new Map<string, number>() };
    byRole.set(role, r);
    r.processes++;
    r.profiledMs += (p.endTime - p.startTime) / 1000;
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    // Per node: its self category and the markers on its stack (computed once per node).
    const markersOf = new Map<number, Set<string>>();
    const markers = (id: number): Set<string> => {
      const known = markersOf.get(id);
      if (known) return known;
      const up = parent.get(id);
      const set = new Set(up !== undefined ? markers(up) : []);
      const cf = byId.get(id)?.callFrame;
      if (cf) for (const [name, test] of MARKERS) if (test(cf)) set.add(name);
      markersOf.set(id, set);
      return set;
    };
    for (let i = 0; i < p.samples.length; i++) {
      const id = p.samples[i]!;
      const ms = (p.timeDeltas[i + 1] ?? 0) / 1000;
      const node = byId.get(id);
      if (!node) continue;
      const w = where(node.callFrame);
      if (w === 'idle') {
        r.idleMs += ms;
        continue;
      }
      r.busyMs += ms;
      r.selfMap.set(w, (r.selfMap.get(w) ?? 0) + ms);
      const on = markers(id);
      for (const m of on) r.under[m] = (r.under[m] ?? 0) + ms;
      for (const [name, test] of DERIVED) if (test(on)) r.under[name] = (r.under[name] ?? 0) + ms;
    }
  }
  return [...byRole.values()].map(({ selfMap, ...r }) => ({ ...r, self: [...selfMap].map(([w, ms]) => ({ where: w, ms })).sort((a, b) => b.ms - a.ms) }));
}

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import dotenv from 'dotenv';
import { API_DEFINITIONS, AVAILABLE_APIS, type ApiName } from './apis.ts';
import type { BaselineEntry } from './baseline.ts';
import { readBaseline } from './baseline.ts';
import { ConfigError } from './errors.ts';

export type TargetKind = 'mock' | 'live';
export type Gate = 'must' | 'should' | 'none';

export interface Settings {
  target: TargetKind;
  apis: ApiName[];
  gate: Gate;
  reportDir: string;
  allowDestructive: boolean;
  /** CONFORMANCE_SKIP_WRONG_PASSWORD: a live run sends no wrong password for the configured accounts (lockout). */
  skipWrongPassword: boolean;
  seed: number;
  /** Per-request timeout. */
  timeoutMs: number;
  /** Live targets: requests per second at most (CONFORMANCE_MAX_RPS). */
  maxRps: number;
  /** Live targets: the longest Retry-After honoured on a 429 (CONFORMANCE_MAX_RETRY_AFTER). */
  maxRetryAfterS: number;
  /** Which dotenv files were read, for the report. */
  envFiles: string[];
  /** CONFORMANCE_BASELINE: the file of known failures, if any. */
  baselineFile: string | null;
  baseline: BaselineEntry[] | null;
}

/**
 * Reads the environment: real variables win over CONFORMANCE_ENV_FILE, which wins over `.env`.
 * The merged values are written back to process.env so Playwright's workers see the same.
 * An empty value means "not set" everywhere (`.env.example` ships most variables empty), so it
 * neither overrides a value from another source nor counts as a value.
 */
export function loadEnvironment(cwd = process.cwd()): string[] {
  const files: string[] = [];
  const merged: Record<string, string> = {};
  const dotEnv = resolve(cwd, '.env');
  if (existsSync(dotEnv)) {
    Object.assign(merged, nonEmpty(parseEnvFile(dotEnv)));
    files.push('.env');
  }
  const extra = process.env.CONFORMANCE_ENV_FILE;
  if (extra) {
    Object.assign(merged, nonEmpty(parseEnvFile(resolve(cwd, extra))));
    files.push(extra);
  }
  for (const [k, v] of Object.entries(merged)) if (!process.env[k]) process.env[k] = v;
  return files;
}

const nonEmpty = (vars: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(vars).filter(([, v]) => v.trim() !== ''));

/** The environment with empty (or blank) values dropped: `NAME=` is the same as leaving NAME out. */
export function withoutEmpty(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
}

function parseEnvFile(path: string): Record<string, string> {
  try {
    return dotenv.parse(readFileSync(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(`cannot read the env file ${path} (${code === 'ENOENT' ? 'no such file' : code ?? (err as Error).message}): check CONFORMANCE_ENV_FILE`);
  }
}

export function readSettings(rawEnv: NodeJS.ProcessEnv = process.env, envFiles: string[] = []): Settings {
  const env = withoutEmpty(rawEnv);
  const target = oneOf(env, 'CONFORMANCE_TARGET', ['mock', 'live'] as const, 'mock');
  const gate = oneOf(env, 'CONFORMANCE_GATE', ['must', 'should', 'none'] as const, 'must');
  const apis = selectApis(env, target);
  const seedText = env.CONFORMANCE_SEED;
  const seed = seedText === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(seedText);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new ConfigError(`CONFORMANCE_SEED must be a non-negative integer, not "${seedText}"`);
  const timeoutText = env.CONFORMANCE_TIMEOUT_MS ?? '5000';
  const timeoutMs = Number(timeoutText);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120_000) throw new ConfigError(`CONFORMANCE_TIMEOUT_MS must be a whole number of milliseconds from 100 to 120000, not "${timeoutText}"`);
  const maxRps = numberIn(env, 'CONFORMANCE_MAX_RPS', 20, 0.1, 1000);
  const maxRetryAfterS = numberIn(env, 'CONFORMANCE_MAX_RETRY_AFTER', 30, 0, 600);
  if (target === 'live') for (const api of apis) checkLiveVariables(env, api);
  return {
    target,
    apis,
    gate,
    reportDir: env.CONFORMANCE_REPORT_DIR || 'reports',
    allowDestructive: /^(1|true|yes)$/i.test(env.CONFORMANCE_ALLOW_DESTRUCTIVE ?? ''),
    skipWrongPassword: /^(1|true|yes)$/i.test(env.CONFORMANCE_SKIP_WRONG_PASSWORD ?? ''),
    seed,
    timeoutMs,
    maxRps,
    maxRetryAfterS,
    envFiles,
    baselineFile: env.CONFORMANCE_BASELINE || null,
    baseline: readBaseline(env.CONFORMANCE_BASELINE || undefined),
  };
}

function numberIn(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max) throw new ConfigError(`${name} must be a number from ${min} to ${max}, not "${text}"`);
  return n;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, not "${v}"`);
}

function selectApis(env: NodeJS.ProcessEnv, target: TargetKind): ApiName[] {
  const listed = (env.CONFORMANCE_APIS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of listed) {
    if (!(name in API_DEFINITIONS)) throw new ConfigError(`CONFORMANCE_APIS names an unknown API "${name}"; known: ${Object.keys(API_DEFINITIONS).join(', ')}`);
    if (!AVAILABLE_APIS.includes(name as ApiName)) throw new ConfigError(`CONFORMANCE_APIS names "${name}", whose suite is not part of this build yet; available: ${AVAILABLE_APIS.join(', ')}`);
  }
  if (listed.length > 0) return listed as ApiName[];
  if (target === 'mock') return [...AVAILABLE_APIS];
  const configured = AVAILABLE_APIS.filter((a) => env[API_DEFINITIONS[a].baseUrlVariable]);
  if (configured.length === 0) {
    throw new ConfigError(`a live run needs at least one base URL: set ${AVAILABLE_APIS.map((a) => API_DEFINITIONS[a].baseUrlVariable).join(' or ')} (see .env.example)`);
  }
  return configured;
}

function checkLiveVariables(env: NodeJS.ProcessEnv, api: ApiName): void {
  const def = API_DEFINITIONS[api];
  const base = env[def.baseUrlVariable];
  if (!base) throw new ConfigError(`${def.baseUrlVariable} is not set: every ${def.title} test needs it (e.g. ${def.baseUrlExample})`);
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new ConfigError(`${def.baseUrlVariable} is not a URL: "${base}" (e.g. ${def.baseUrlExample})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${def.baseUrlVariable} must be an http or https URL, not "${base}"`);
  if (url.search || url.hash) throw new ConfigError(`${def.baseUrlVariable} must not carry a query or fragment: "${base}"`);
  for (const v of def.variables) {
    if (v.required && !env[v.name]) throw new ConfigError(`${v.name} is not set: every ${def.title} test that authenticates needs it (set it in .env or the file CONFORMANCE_ENV_FILE names, or leave ${api} out of CONFORMANCE_APIS)`);
  }
}

/** The variables of one API for this run: the mock gets format-valid stand-ins, a live run the environment's values. */
export function apiVariables(api: ApiName, target: TargetKind, env: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const v of API_DEFINITIONS[api].variables) out[v.name] = target === 'mock' ? v.mock : env[v.name] || undefined;
  return out;
}

/** Every configured secret value, for redaction. */
export function secretValues(env: NodeJS.ProcessEnv = process.env): string[] {
  const names = new Set(Object.values(API_DEFINITIONS).flatMap((d) => d.variables.filter((v) => v.secret).map((v) => v.name)));
  const out: string[] = [];
  for (const [k, v] of Object.entries(env)) {
    if (!v) continue;
    // The tool's own switches are settings, not credentials, whatever their names end with
    // (CONFORMANCE_SKIP_WRONG_PASSWORD=1 would otherwise make every "1" a secret).
    if (names.has(k) || (!k.startsWith('CONFORMANCE_') && /(PASSWORD|TOKEN|SECRET|API_KEY|APIKEY|COOKIE)$/.test(k))) out.push(v);
  }
  // Credentials in a base URL (https://user:password@host): the password, or a lone user part (a token).
  for (const def of Object.values(API_DEFINITIONS)) {
    let url: URL;
    try {
      url = new URL(env[def.baseUrlVariable] ?? '');
    } catch {
      continue;
    }
    for (const part of url.password ? [url.password] : url.username ? [url.username] : []) {
      out.push(part);
      try {
        out.push(decodeURIComponent(part));
      } catch {
        /* not percent-encoded */
      }
    }
  }
  return [...new Set(out)];
}

import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkedContractFiles, type FileHash } from '../contract/preflight.ts';
import { inheritedRunDir } from '../targets/run-state.ts';
import { API_DEFINITIONS, contractFile, type ApiName } from './apis.ts';
import { readSettings, type Settings } from './settings.ts';

/**
 * One run, resolved once, before any worker starts: its settings (the seed fixed), how Playwright
 * groups its suites, and each API's contract. The main command (or, for a bare `npx playwright
 * test`, the global set-up) writes it into the run's private folder; Playwright's configuration in
 * every process, the workers and the reporter read it there, so they all see the same run.
 *
 * Credentials are not in it: they reach Playwright's processes as they always did, by inheriting
 * the environment, so no secret is written to disk. Base URLs count as credentials (they may carry
 * `user:password@`), and are read in one place, `baseUrl`.
 */
export interface RunPlan {
  settings: Settings;
  /**
   * `one` project for every API, so one worker process serves them all; `per-api` when the command
   * line names projects (`--project=traq`). Workers see no command line, so it is decided here.
   */
  projects: 'one' | 'per-api';
  /** The contract each API of the run uses (CONFORMANCE_CONTRACT_<API> or ours). */
  contracts: Record<ApiName, string>;
  /**
   * Each API's contract file, then the schema files it reaches, with the sha256 of their bytes when
   * the run was planned: a worker or the reporter that loads other bytes says so instead of judging.
   * Absent from a plan resolved outside a run (a script, a merge of shard reports).
   */
  contractFiles?: Partial<Record<ApiName, FileHash[]>>;
  /** The main command started the mocks before Playwright; they publish their addresses in the run's folder (`mocksFile`). */
  mocksStarted: boolean;
}

const PLAN_FILE = 'plan.json';

/** Where a mock run's addresses are published, once Prism listens (see targets/mock-handoff.ts). */
export const mocksFile = (runDir: string): string => join(runDir, 'mocks.json');

/** `startsMocks`: the caller is the main command, which starts a mock run's mocks before Playwright. */
export function resolvePlan(env: NodeJS.ProcessEnv, envFiles: string[], argv: readonly string[], startsMocks = false): RunPlan {
  const settings = readSettings(env, envFiles);
  return {
    settings,
    projects: argv.some((a) => a === '--project' || a.startsWith('--project=')) ? 'per-api' : 'one',
    contracts: Object.fromEntries(settings.apis.map((api) => [api, contractFile(api, env)])),
    mocksStarted: startsMocks && settings.target === 'mock',
  };
}

/**
 * The plan with its contracts checked (engine/contract/preflight.ts: before Prism or the validator
 * reads them) and hashed; a contract that fails the check throws its ContractError.
 */
export function withCheckedContracts(plan: RunPlan): RunPlan {
  // The file, then every schema file it reaches, hashed as the preflight read them.
  return { ...plan, contractFiles: Object.fromEntries(plan.settings.apis.map((api) => [api, checkedContractFiles(plan.contracts[api]!)])) };
}

export function writePlan(runDir: string, plan: RunPlan): void {
  const file = join(runDir, PLAN_FILE);
  // Renamed into place, so no process ever reads half of it.
  writeFileSync(`${file}.tmp`, JSON.stringify(plan));
  renameSync(`${file}.tmp`, file);
}

/** The plan of the run this process belongs to; undefined outside one (a merge of shard reports, a bare runner before its set-up). */
export function planOfThisRun(env: NodeJS.ProcessEnv = process.env): RunPlan | undefined {
  const dir = inheritedRunDir(env);
  if (!dir) return undefined;
  try {
    return JSON.parse(readFileSync(join(dir, PLAN_FILE), 'utf8')) as RunPlan;
  } catch {
    return undefined;
  }
}

/** An API's base URL: the one place it is read from the environment, where it stays because it may carry credentials. */
export const baseUrl = (api: ApiName, env: NodeJS.ProcessEnv = process.env): string | undefined => env[API_DEFINITIONS[api]!.baseUrlVariable] || undefined;

import { contractFile, type ApiName } from './config/apis.ts';
import { baseUrl, mocksFile, planOfThisRun, resolvePlan } from './config/plan.ts';
import { apiVariables, secretValues, type Settings } from './config/settings.ts';
import { changedSincePlanned } from './contract/drift.ts';
import { ContractError } from './contract/errors.ts';
import { loadContract } from './contract/load.ts';
import type { Contract } from './contract/model.ts';
import { Redactor } from './http/redact.ts';
import { liveTarget } from './targets/live.ts';
import { mockTarget } from './targets/mock.ts';
import { awaitMocks } from './targets/mock-handoff.ts';
import { inheritedRunDir, noteContractChanged } from './targets/run-state.ts';
import type { Target } from './targets/target.ts';

/**
 * What a worker knows about the run: settings, targets, contracts, and the redactor. Built once
 * per worker from the run's plan (config/plan.ts); it holds no test's state.
 */
export interface RunContext {
  settings: Settings;
  target(api: ApiName): Target;
  contract(api: ApiName): Contract;
  vars(api: ApiName): Record<string, string | undefined>;
  redactor: Redactor;
  /** Resolves when the targets can be called: on a mock run, once the set-up has published the mocks' addresses. */
  ready(): Promise<void>;
  /** Keeps the worker alive until this teardown has finished (see `ApiFlows.close`). */
  holdFor(teardown: Promise<void>): void;
  /** Every held teardown, finished: the worker's own teardown waits for it. */
  released(): Promise<void>;
}

let current: RunContext | undefined;

export function runContext(): RunContext {
  current ??= createRunContext(process.env);
  return current;
}

function createRunContext(env: NodeJS.ProcessEnv): RunContext {
  const runDir = inheritedRunDir(env);
  // Outside a run (a script that loads the engine by itself) the environment is all there is.
  const plan = planOfThisRun(env) ?? resolvePlan(env, [], []);
  const { settings } = plan;
  const contracts = new Map<ApiName, Contract>();
  const targets = new Map<ApiName, Target>();
  const mockUrls = new Map<ApiName, string>();
  const held = new Set<Promise<void>>();
  return {
    settings,
    async ready() {
      if (settings.target !== 'mock' || !runDir) return;
      for (const [api, url] of Object.entries(await awaitMocks(mocksFile(runDir)))) mockUrls.set(api, url!);
    },
    holdFor(teardown) {
      held.add(teardown);
      const release = () => held.delete(teardown);
      teardown.then(release, release);
    },
    released: async () => {
      await Promise.allSettled([...held]);
    },
    redactor: new Redactor(secretValues(env)),
    contract(api) {
      let c = contracts.get(api);
      if (!c) {
        c = loadContract(api, plan.contracts[api] ?? contractFile(api, env));
        const changed = plan.contractFiles?.[api] && changedSincePlanned(c, plan.contractFiles[api]);
        if (changed) {
          noteContractChanged(runDir, changed);
          throw new ContractError(changed);
        }
        contracts.set(api, c);
      }
      return c;
    },
    target(api) {
      let t = targets.get(api);
      if (!t) {
        if (settings.target === 'mock') {
          const url = mockUrls.get(api);
          if (!url) throw new Error(`the mock for ${api} is not running: start the suites through playwright.config.ts, whose global set-up starts it`);
          t = mockTarget(url, settings.timeoutMs);
        } else {
          t = liveTarget(baseUrl(api, env)!.replace(/\/+$/, ''), { ...settings, runDir });
        }
        targets.set(api, t);
      }
      return t;
    },
    vars: (api) => apiVariables(api, settings.target, env),
  };
}

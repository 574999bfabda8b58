import { API_DEFINITIONS, contractFile, type ApiName } from './config/apis.ts';
import { apiVariables, readSettings, secretValues, type Settings } from './config/settings.ts';
import { loadContract } from './contract/load.ts';
import type { Contract } from './contract/model.ts';
import { Redactor } from './http/redact.ts';
import { liveTarget } from './targets/live.ts';
import { mockTarget } from './targets/mock.ts';
import { awaitMocks, MOCKS_FILE_VARIABLE } from './targets/mock-handoff.ts';
import { RUN_DIR_VARIABLE } from './targets/run-state.ts';
import type { Target } from './targets/target.ts';

/**
 * What a worker knows about the run: settings, targets, contracts, and the redactor. Built once
 * per worker from the environment that the run's set-up prepared; it holds no test's state.
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

export const mockUrlVariable = (api: ApiName): string => `CONFORMANCE_MOCK_URL_${api.toUpperCase()}`;

function createRunContext(env: NodeJS.ProcessEnv): RunContext {
  const settings = readSettings(env);
  const contracts = new Map<ApiName, Contract>();
  const targets = new Map<ApiName, Target>();
  const held = new Set<Promise<void>>();
  return {
    settings,
    async ready() {
      const handoff = env[MOCKS_FILE_VARIABLE];
      if (settings.target !== 'mock' || !handoff) return;
      for (const [api, url] of Object.entries(await awaitMocks(handoff))) env[mockUrlVariable(api as ApiName)] = url;
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
      if (!c) contracts.set(api, (c = loadContract(api, contractFile(api, env))));
      return c;
    },
    target(api) {
      let t = targets.get(api);
      if (!t) {
        if (settings.target === 'mock') {
          const url = env[mockUrlVariable(api)];
          if (!url) throw new Error(`the mock for ${api} is not running: start the suites through playwright.config.ts, whose global set-up starts it`);
          t = mockTarget(url, settings.timeoutMs);
        } else {
          t = liveTarget(env[API_DEFINITIONS[api].baseUrlVariable]!.replace(/\/+$/, ''), { ...settings, runDir: env[RUN_DIR_VARIABLE] });
        }
        targets.set(api, t);
      }
      return t;
    },
    vars: (api) => apiVariables(api, settings.target, env),
  };
}

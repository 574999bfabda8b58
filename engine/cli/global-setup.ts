import { ConfigError } from '../config/errors.ts';
import { baseUrl, mocksFile, planOfThisRun, resolvePlan, withCheckedContracts, writePlan } from '../config/plan.ts';
import { loadEnvironment, secretValues } from '../config/settings.ts';
import { Redactor } from '../http/redact.ts';
import { ContractError } from '../contract/errors.ts';
import { loadContract } from '../contract/load.ts';
import { registeredSchemaFiles } from '../contract/schemas.ts';
import { validateContractOnce } from '../contract/validate.ts';
import { ensureReportDir } from '../config/report-dir.ts';
import { startMocksInBackground } from '../targets/mock-handoff.ts';
import { probe } from '../targets/reachability.ts';
import { adoptRunDir, createRunDir, inheritedRunDir, removeRunDir } from '../targets/run-state.ts';
import { holdsReportLock, lockReportDir, unlockReportDir } from './report-lock.ts';

export const EXIT_SETUP = 2;

/**
 * Runs once before any worker: reads and checks the configuration and the contracts, fixes the
 * seed, starts the mocks or checks that the live targets answer. Whatever is wrong ends the run
 * with one line and exit code 2, never a stack trace.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  let locked: string | undefined;
  let ownRunDir: string | undefined;
  try {
    // Started by the main command, which resolved the run, made its folder and holds the lock; else
    // by Playwright itself, and the run is resolved here, its runner (this process) taking the lock
    // and the reporter releasing it. Either way each contract was checked before the plan was written.
    let plan = planOfThisRun();
    if (plan) {
      adoptRunDir();
    } else {
      plan = withCheckedContracts(resolvePlan(process.env, loadEnvironment(), process.argv));
      ownRunDir = createRunDir();
      writePlan(ownRunDir, plan);
    }
    const { settings, contracts } = plan;
    ensureReportDir(settings.reportDir);
    if (!holdsReportLock(settings.reportDir)) {
      lockReportDir(settings.reportDir);
      locked = settings.reportDir;
    }
    for (const api of settings.apis) loadContract(api, contracts[api]!);
    for (const api of settings.apis) await validateContractOnce(contracts[api]!, registeredSchemaFiles());
    if (settings.target === 'mock') {
      if (plan.mocksStarted) return async () => removeRunDir(ownRunDir);
      // Not awaited: Prism loads while Playwright starts the workers, which wait for the addresses.
      const mocks = startMocksInBackground(contracts, mocksFile(ownRunDir ?? inheritedRunDir()!));
      return async () => {
        removeRunDir(ownRunDir);
        const failure = await mocks.close();
        if (failure) {
          process.stderr.write(`auth-conformance: Prism could not mock the contracts: ${failure.message}\n`);
          process.exit(EXIT_SETUP);
        }
      };
    }
    const down = (await Promise.all(settings.apis.map(async (api) => {
      const url = baseUrl(api)!;
      const reason = await probe(url, settings.timeoutMs);
      return reason ? `${api} at ${new Redactor(secretValues()).url(url)} (${reason})` : undefined;
    }))).filter(Boolean);
    // A reason that names its likely cause already says what to check.
    const hint = down.some((d) => d!.includes('?')) ? '' : ': is the server up, and is the base URL right?';
    if (down.length > 0) throw new ConfigError(`cannot reach ${down.join('; ')}${hint}`);
    return async () => removeRunDir(ownRunDir);
  } catch (err) {
    if (locked) unlockReportDir(locked);
    removeRunDir(ownRunDir);
    if (err instanceof ConfigError || err instanceof ContractError) {
      process.stderr.write(`auth-conformance: ${err.message}\n`);
      process.exit(EXIT_SETUP);
    }
    throw err;
  }
}

import type { TestInfo } from '@playwright/test';
import { ApiClient } from './client.ts';
import type { ApiName } from './config/apis.ts';
import type { RunContext } from './run.ts';

/**
 * The base of each API's flows (suites/<api>/fixtures.ts): the client, and a teardown that undoes
 * what the test created, run whether the test passed, failed or was interrupted. Each API says how
 * to undo its own sessions and tokens in `cleanup`, with `client.undo`.
 */
export abstract class ApiFlows {
  readonly client: ApiClient;

  constructor(api: ApiName, protected readonly run: RunContext, protected readonly info: TestInfo) {
    this.client = new ApiClient(api, run);
  }

  /** Whether effects can be observed (a live server), and so whether there is anything to undo. */
  get stateful(): boolean {
    return this.client.target.stateful;
  }

  /** Undoes what the test created; must not throw. */
  abstract cleanup(): Promise<void>;

  /**
   * Stops the test's requests, then undoes what it created. A run stopped while a test tears down
   * makes Playwright abandon that teardown and end the worker; the worker's own teardown (the `run`
   * fixture) still waits for this one, so nothing the test created outlives the run.
   */
  close(): Promise<void> {
    const closing = this.client.stop().then(() => this.cleanup());
    this.run.holdFor(closing);
    return closing;
  }
}

/** Hands a test its API's flows and always cleans up after it: `traq: async ({ run }, use, info) => useFlows(new Traq(run, info), use)`. */
export async function useFlows<F extends ApiFlows>(flows: F, use: (f: F) => Promise<void>): Promise<void> {
  try {
    await use(flows);
  } finally {
    await flows.close();
  }
}

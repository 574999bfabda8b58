import type { TestInfo } from '@playwright/test';
import { CLEANUP_ANNOTATION, type CleanupRecord, type CredentialKind } from './annotations.ts';
import { ApiClient, type Identity } from './client.ts';
import type { ApiName } from './config/apis.ts';
import { needDestructive, needVariables, needWrongPasswordLogins } from './preconditions.ts';
import type { RunContext } from './run.ts';

interface EndedCredential {
  kind: CredentialKind;
  who: Identity;
  how: string;
}

/**
 * The base of each API's flows (suites/<api>/fixtures.ts): the client, and a teardown that undoes
 * what the test created, run whether the test passed, failed or was interrupted. Each API says how
 * to undo its own sessions and tokens in `cleanup`, with `client.undo`.
 */
export abstract class ApiFlows {
  readonly client: ApiClient;
  private readonly endedHere: EndedCredential[] = [];

  constructor(api: ApiName, protected readonly run: RunContext, protected readonly info: TestInfo) {
    this.client = new ApiClient(api, run, (reason) => {
      info.skip(true, reason);
      throw new Error(reason); // not reached: the skip throws
    });
  }

  /** Whether effects can be observed (a live server), and so whether there is anything to undo. */
  get stateful(): boolean {
    return this.client.target.stateful;
  }

  /** The API's variables `names`, or a skip naming the missing ones and what they enable. */
  need<N extends string>(...names: N[]): Record<N, string> {
    return needVariables(this.run, this.client.api, names, this.info) as Record<N, string>;
  }

  /**
   * Skips where the target cannot show `what`: the mock answers every request from the contract's
   * examples and keeps no state (no session it issued, no image it drew, no nonce told apart).
   */
  needState(what: string): void {
    this.info.skip(!this.stateful, `the mock keeps no state, so it cannot show that ${what}`);
  }

  /** Skips against the mock where Prism answers a request itself instead of from the contract (`why`). */
  needLive(why: string): void {
    this.info.skip(!this.stateful, `the mock cannot show this: ${why}`);
  }

  /** Steps that could end sessions or tokens this run did not create run only with CONFORMANCE_ALLOW_DESTRUCTIVE=1. */
  needDestructive(what: string): void {
    needDestructive(this.run, this.info, what);
  }

  /** A wrong-password login for `account` (a variable's name), which counts towards its lockout. */
  needWrongPasswordLogins(account: string): void {
    needWrongPasswordLogins(this.run, this.info, account);
  }

  /** Undoes what the test created; must not throw. Reports each session or token it ends with `ended`. */
  abstract cleanup(): Promise<void>;

  /**
   * Whether `who` still authenticates, by one read-only request (sent with `client.undo`);
   * undefined when it cannot tell (no answer, an answer that says neither). An API whose fixture
   * does not say how cannot tell.
   */
  protected authenticates(_who: Identity): Promise<boolean | undefined> {
    return Promise.resolve(undefined);
  }

  /** Cleanup ended this session or token (`how`: the request that ended it, e.g. "logout"); it is tried once more afterwards. */
  protected ended(kind: CredentialKind, who: Identity, how: string): void {
    this.endedHere.push({ kind, who, how });
  }

  /**
   * Stops the test's requests, then undoes what it created. A run stopped while a test tears down
   * makes Playwright abandon that teardown and end the worker; the worker's own teardown (the `run`
   * fixture) still waits for this one, so nothing the test created outlives the run.
   */
  close(): Promise<void> {
    const closing = this.client.stop().then(() => this.cleanup()).then(() => this.verifyCleanup());
    this.run.holdFor(closing);
    return closing;
  }

  /**
   * Tries each credential cleanup ended once more, so a run says honestly how many still work
   * (a server whose logout does not end sessions) instead of claiming a clean-up it has not seen.
   */
  private async verifyCleanup(): Promise<void> {
    for (const { kind, who, how } of this.endedHere.splice(0)) {
      let stillWorks: boolean | undefined;
      try {
        stillWorks = await this.authenticates(who);
      } catch {
        stillWorks = undefined;
      }
      const record: CleanupRecord = { api: this.client.api, kind, how, stillWorks: stillWorks ?? null };
      this.info.annotations.push({ type: CLEANUP_ANNOTATION, description: JSON.stringify(record) });
    }
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

import type { TestInfo } from '@playwright/test';
import type { Works } from './checks/cross-identity.ts';
import type { Identity } from './client.ts';
import type { ApiName } from './config/apis.ts';
import { ApiFlows } from './flows.ts';
import type { Exchange } from './http/exchange.ts';
import { precondition } from './preconditions.ts';
import type { RunContext } from './run.ts';
import { sessionFrom } from './sessions.ts';

/** How an API's login opens a cookie session, and how a credential is seen to work. */
export interface CookieSession {
  /** The session cookie's name. */
  cookie: string;
  /** A read-only operation that needs a session: 200 means the credential works, 401 or 403 that it does not. */
  probe: string;
}

/**
 * The flows of an API whose login opens a cookie session (traQ, Semaphore): every session a test
 * opens is remembered and ended by logout at teardown, whether the test passed or not. The API
 * says how it logs in (its body differs) and who its users are.
 */
export abstract class CookieSessionFlows<Credentials> extends ApiFlows {
  private readonly sessions: Identity[] = [];

  constructor(api: ApiName, run: RunContext, info: TestInfo, readonly scheme: CookieSession) {
    super(api, run, info);
  }

  /** The configured user (A). */
  abstract get user(): Credentials;
  /** The second identity (B), or a skip naming its variables. */
  abstract get secondUser(): Credentials;
  /** The API's login with these credentials; a subclass hands its exchange to `opened`. */
  abstract login(credentials: Credentials, options: { expect: number; as?: Identity }): Promise<Exchange>;

  /** The session a response's cookie names, as an identity. */
  sessionFrom(ex: Exchange): Identity | undefined {
    return sessionFrom(ex, this.scheme.cookie);
  }

  /** A session the test came to hold otherwise than by a login's cookie (a chosen value the server adopted): ended at teardown too. */
  remember(session: Identity): void {
    this.sessions.push(session);
  }

  /** A fresh session of `credentials` (the configured user by default); skips the test (precondition) when login does not work. */
  async session(credentials: Credentials = this.user, who = 'A'): Promise<Identity> {
    const ex = await this.login(credentials, { expect: 204 });
    const id = this.sessionFrom(ex);
    precondition(id !== undefined && ex.response!.status < 400, this.info, `login did not open a session (status ${ex.response?.status ?? ex.error}); see ${this.client.api}:login#204`);
    return { ...id, label: `${who}'s session cookie` };
  }

  /** A fresh session of the second identity B; skips naming the variables when B is not configured. */
  second(): Promise<Identity> {
    return this.session(this.secondUser, 'B');
  }

  /** Whether `who` authenticates now, by one recorded request of the probe operation, with that exchange as evidence. */
  async probe(who: Identity): Promise<{ exchange: Exchange; works: Works }> {
    const exchange = await this.client.call(this.scheme.probe, { expect: 200, as: who });
    return { exchange, works: worksBy(exchange.response?.status) };
  }

  /** Whether `who` authenticates now (see probe). */
  async works(who: Identity): Promise<Works> {
    return (await this.probe(who)).works;
  }

  /** Remembers the session a login opened, for teardown. */
  protected opened(ex: Exchange): Exchange {
    const id = this.sessionFrom(ex);
    if (id) this.sessions.push(id);
    return ex;
  }

  protected override async authenticates(who: Identity): Promise<boolean | undefined> {
    return worksBy((await this.client.undo(this.scheme.probe, { expect: 200, as: who }))?.response?.status);
  }

  /** Logs out every session the test opened; each is tried again afterwards, also one whose logout failed (the likeliest to still work). */
  protected async endSessions(): Promise<void> {
    for (const as of this.sessions.splice(0)) {
      await this.client.undo('logout', { expect: 204, as });
      this.ended('session', as, 'logout');
    }
  }
}

const worksBy = (status: number | undefined): Works => status === 200 ? true : status === 401 || status === 403 ? false : undefined;

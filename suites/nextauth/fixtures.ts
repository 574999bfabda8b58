import type { Faker } from '@faker-js/faker';
import type { TestInfo } from '@playwright/test';
import type { CallOptions } from '../../engine/client.ts';
import { ApiFlows, useFlows } from '../../engine/flows.ts';
import { precondition } from '../../engine/preconditions.ts';
import { test as engine, expect, anonymous, type Identity } from '../../engine/test.ts';
import type { Exchange } from '../../engine/http/exchange.ts';
import type { RunContext } from '../../engine/run.ts';
import type { OperationId } from './contract.generated.ts';

export { expect, anonymous, type Identity };
export { req, finding, violation, expectRefused } from '../../engine/test.ts';

/** What every nextAuth Sessions operation takes: the server in the path, the session's nonce in X-nonce. */
export interface SessionCall extends Omit<CallOptions, 'params'> {
  /** Who asks; the configured API key unless the scenario says otherwise. */
  as?: Identity;
  /** The session's X-nonce: a fresh one unless given; `null` sends no X-nonce at all. */
  nonce?: string | null;
  /** The virtual server; the configured one unless given. */
  serverid?: string;
  accountid?: string;
  userid?: string;
}

/** The optional request body of getQrLogin and the provoke operations (schemas/nextauth/UserContext.json). */
export interface UserContext {
  sessioninfo?: { ip?: string; useragent?: string; info?: Record<string, unknown> };
  announceinfo?: { ip?: string; useragent?: string; info?: Record<string, unknown> };
}

/**
 * nextAuth's flows on top of the generic client: the API key and the roles it may (or may not)
 * assume, fresh session nonces, ids of things that do not exist, and at teardown a logout of every
 * session the test's requests may have opened on the server, whether the test passed or not.
 */
export class NextAuth extends ApiFlows {
  /** Nonces a request was served with, by server: the server may hold a session for each. */
  private readonly sessions = new Map<string, Set<string>>();

  constructor(run: RunContext, info: TestInfo, private readonly data: Faker) {
    super('nextauth', run, info);
  }

  private get vars() {
    return this.run.vars('nextauth');
  }

  /** The configured API key, asking for no role. */
  get key(): Identity {
    return { label: 'API key', headers: { 'x-apikey': this.vars.NEXTAUTH_API_KEY! } };
  }

  /** The API key acting as NEXTAUTH_ROLE_ID, a role it may assume; a skip naming the variable without it. */
  role(): Identity {
    const { NEXTAUTH_ROLE_ID } = this.need('NEXTAUTH_ROLE_ID');
    return { label: 'API key with an allowed X-su role', headers: { ...this.key.headers, 'x-su': NEXTAUTH_ROLE_ID! } };
  }

  /** The API key asking, with X-su, for a role made up by this run, which it therefore may not assume. */
  forbiddenRole(): Identity {
    return { label: 'API key with a foreign X-su role', headers: { ...this.key.headers, 'x-su': `cf-role-${this.data.string.alphanumeric(16)}` } };
  }

  /** An API key the server never issued. */
  forgedKey(): Identity {
    return { label: 'forged API key', headers: { 'x-apikey': `cf-${this.data.string.alphanumeric(40)}` } };
  }

  /** A nonce nobody has used: a browser session the server has never seen (base64url, as upstream describes nonces). */
  nonce(): string {
    return Buffer.from(Array.from({ length: 24 }, () => this.data.number.int(255))).toString('base64url');
  }

  get serverId(): string {
    return this.vars.NEXTAUTH_SERVER_ID!;
  }

  /**
   * NEXTAUTH_SECOND_SERVER_ID, a virtual server the API key may not act on (the second identity of
   * the cross-server scenarios); a skip naming the variable without it.
   */
  foreignServer(): string {
    const { NEXTAUTH_SECOND_SERVER_ID: id } = this.need('NEXTAUTH_SECOND_SERVER_ID');
    // The key may act on its own server, so a refusal there would prove nothing (and a 200 would be no fault).
    precondition(id !== this.serverId, this.info, 'NEXTAUTH_SECOND_SERVER_ID names NEXTAUTH_SERVER_ID, the server the API key belongs to; it must name one the key may not act on');
    return id!;
  }

  /** A base64url server id made up by this run. */
  unknownServer(): string {
    return Buffer.from(`cf-unknown-server-${this.data.string.alphanumeric(12)}`).toString('base64url');
  }

  /** The account to push logins to; a skip naming NEXTAUTH_ACCOUNT_ID without it. */
  account(): string {
    return this.need('NEXTAUTH_ACCOUNT_ID').NEXTAUTH_ACCOUNT_ID!;
  }

  /** The user to push logins to; a skip naming NEXTAUTH_USER_ID without it. */
  user(): string {
    return this.need('NEXTAUTH_USER_ID').NEXTAUTH_USER_ID!;
  }

  /** An integer account id far above any a server hands out, so it belongs to nobody. */
  unknownAccount(): string {
    return String(this.data.number.int({ min: 2_000_000_000, max: 2_147_483_647 }));
  }

  unknownUser(): string {
    return `cf-nobody-${this.data.string.alphanumeric(16)}`;
  }

  /** What the user's app would show about this (test) browser session. */
  userContext(): UserContext {
    return {
      sessioninfo: { ip: this.data.internet.ipv4(), useragent: `auth-conformance/${this.data.system.semver()}` },
      announceinfo: { info: { purpose: 'auth-conformance run', run: this.data.string.alphanumeric(8) } },
    };
  }

  /** A body of the wrong shape: sessioninfo must be an object. */
  notUserContext(): unknown {
    return { sessioninfo: this.data.word.sample() };
  }

  /**
   * Calls one Sessions operation: the serverid (and accountid or userid) go into the path, the
   * nonce into X-nonce. A nonce the server answered with a 2xx is logged out at teardown.
   */
  async call(operationId: OperationId, options: SessionCall): Promise<Exchange> {
    const { as = this.key, nonce = this.nonce(), serverid = this.serverId, accountid, userid, headers, ...rest } = options;
    const params: Record<string, string> = { serverid };
    if (accountid !== undefined) params.accountid = accountid;
    if (userid !== undefined) params.userid = userid;
    const ex = await this.client.call(operationId, {
      ...rest,
      as,
      params,
      headers: { ...(nonce !== null ? { 'x-nonce': nonce } : {}), ...headers },
    });
    if (nonce !== null && ex.response && ex.response.status < 300) {
      const onServer = this.sessions.get(serverid) ?? new Set<string>();
      this.sessions.set(serverid, onServer.add(nonce));
    }
    return ex;
  }

  /**
   * Logs out every nonce a request was served with, on the server that served it (a server that
   * wrongly served the key on another server gets that logout too, with the run's own nonce).
   * Nothing is reported as `ended`: the run creates no credential here (its sessions are nonces no
   * user ever logs in, which nothing in this API can do), so there is nothing whose survival a
   * request could show; `authenticates` stays the base's.
   */
  async cleanup(): Promise<void> {
    if (!this.stateful) return;
    for (const [serverid, nonces] of [...this.sessions]) {
      for (const nonce of nonces) {
        await this.client.undo('logout', { expect: 200, as: this.key, params: { serverid }, headers: { 'x-nonce': nonce } });
      }
    }
    this.sessions.clear();
  }
}

// The 401 scenarios do not name RFC9110-15.5.2: the vendor documents no 401, so a server may refuse
// with another 4xx, and the challenge is then not in question. Every 401 that does come is still
// judged by it (the check runs on every exchange).
/** `flows` is the same NextAuth, by the name the engine's generated tests (engine/refusals.ts) know it by. */
export const test = engine.extend<{ nextauth: NextAuth; flows: NextAuth }>({
  nextauth: async ({ run, data }, use, info) => useFlows(new NextAuth(run, info, data), use),
  flows: async ({ nextauth }, use) => use(nextauth),
});

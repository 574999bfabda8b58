import { ApiFlows, useFlows } from '../../engine/flows.ts';
import { sessionFrom as sessionCookie, setsSessionCookie } from '../../engine/sessions.ts';
import { test as engine, expect, anonymous, type Identity } from '../../engine/test.ts';
import type { CallOptions } from '../../engine/client.ts';
import type { OperationId } from './contract.generated.ts';
import { precondition } from '../../engine/preconditions.ts';
import { jsonBody, type Exchange } from '../../engine/http/exchange.ts';
import type { RunContext } from '../../engine/run.ts';
import type { Works } from '../../engine/checks/cross-identity.ts';
import type { RequirementId } from '../../requirements/index.ts';
import type { TestInfo } from '@playwright/test';

export { expect, anonymous, type Identity };
export { req, finding, violation, expectRefused } from '../../engine/test.ts';
export { unaffectedByOther, effectUnjudged, listsNoneOf } from '../../engine/checks/cross-identity.ts';

export interface Credentials {
  name: string;
  password: string;
}

/**
 * traQ's flows on top of the generic client: logging in, turning a login into a session identity,
 * and ending, at teardown, every session the test created, whether the test passed or not.
 */
export class Traq extends ApiFlows {
  private readonly sessions: Identity[] = [];

  constructor(run: RunContext, info: TestInfo) {
    super('traq', run, info);
  }

  get user(): Credentials {
    const v = this.run.vars('traq');
    return { name: v.TRAQ_USERNAME!, password: v.TRAQ_PASSWORD! };
  }

  call = (operationId: OperationId, options: CallOptions): Promise<Exchange> => this.client.call(operationId, options);

  /**
   * The second identity B (TRAQ_SECOND_USERNAME), or a skip naming its variables. B must be another
   * account than A: with the same name every "A's object in B's list" would be B's own.
   */
  get secondUser(): Credentials {
    const v = this.need('TRAQ_SECOND_USERNAME', 'TRAQ_SECOND_PASSWORD');
    precondition(v.TRAQ_SECOND_USERNAME !== this.user.name, this.info, 'TRAQ_SECOND_USERNAME names the same account as TRAQ_USERNAME; the cross-identity tests need another user');
    return { name: v.TRAQ_SECOND_USERNAME!, password: v.TRAQ_SECOND_PASSWORD! };
  }

  /** POST /login; a session it opens is remembered for teardown. `as` sends a cookie with it (session fixation). */
  async login(credentials: Credentials | undefined, options: { expect: number; redirect?: string; as?: Identity }): Promise<Exchange> {
    const ex = await this.call('login', {
      expect: options.expect,
      ...(options.as ? { as: options.as } : {}),
      ...(credentials ? { json: credentials } : {}),
      ...(options.redirect !== undefined ? { query: { redirect: options.redirect } } : {}),
    });
    const id = sessionFrom(ex);
    if (id) this.sessions.push(id);
    return ex;
  }

  /** A session the test came to hold otherwise than by a login's cookie (a planted value the server adopted): ended at teardown too. */
  remember(session: Identity): void {
    this.sessions.push(session);
  }

  /** A fresh session of the configured user (or of `credentials`); skips the test (precondition) when login does not work. */
  async session(credentials: Credentials = this.user): Promise<Identity> {
    const ex = await this.login(credentials, { expect: 204 });
    const id = sessionFrom(ex);
    precondition(id !== undefined && ex.response!.status < 400, this.info, `login did not open a session (status ${ex.response?.status ?? ex.error}); see traq:login#204`);
    return id;
  }

  /** A fresh session of the second identity B, labelled as B's; skips naming the variables when B is not configured. */
  async second(): Promise<Identity> {
    const session = await this.session(this.secondUser);
    return { ...session, label: 'B\'s session cookie' };
  }

  /** Whether a credential works now, by a recorded GET /users/me/sessions: 200 yes, 401 or 403 no, anything else can't tell. */
  async works(as: Identity): Promise<Works> {
    const status = (await this.call('getMySessions', { expect: 200, as })).response?.status;
    return status === 200 ? true : status === 401 || status === 403 ? false : undefined;
  }

  /**
   * The external accounts linked to `as`, each as "provider:externalName" (one user links one
   * account per provider, and no two users the same one); a precondition for tests that compare lists.
   */
  async linkedAccounts(as: Identity): Promise<string[]> {
    const ex = await this.call('getMyExternalAccounts', { expect: 200, as });
    const body = ex.response?.status === 200 ? jsonBody(ex.response) : { ok: false as const };
    precondition(body.ok && Array.isArray(body.value), this.info, 'GET /users/me/ex-accounts did not list accounts; see traq:getMyExternalAccounts#200');
    return (body.value as { providerName?: unknown; externalName?: unknown }[]).map((a) => `${String(a.providerName)}:${String(a.externalName)}`);
  }

  /** The configured bearer token, or a skip naming TRAQ_TOKEN. */
  bearer(): Identity {
    const { TRAQ_TOKEN } = this.need('TRAQ_TOKEN');
    return { label: 'bearer token', headers: { authorization: `Bearer ${TRAQ_TOKEN}` } };
  }

  /** Session ids listed by GET /users/me/sessions as `as` sees them; a precondition for tests that compare lists. */
  async sessionIds(as: Identity): Promise<string[]> {
    const ex = await this.call('getMySessions', { expect: 200, as });
    const body = ex.response?.status === 200 ? jsonBody(ex.response) : { ok: false as const };
    precondition(body.ok && Array.isArray(body.value), this.info, 'GET /users/me/sessions did not list sessions; see traq:getMySessions#200');
    return (body.value as { id?: unknown }[]).map((s) => String(s.id));
  }

  /**
   * Whether a credential still authenticates, by one read-only request: GET /users/me/sessions
   * lists sessions for it (true) or refuses it with 401 or 403 (false); anything else can't tell.
   */
  protected override async authenticates(who: Identity): Promise<boolean | undefined> {
    const status = (await this.client.undo('getMySessions', { expect: 200, as: who }))?.response?.status;
    return status === 200 ? true : status === 401 || status === 403 ? false : undefined;
  }

  async cleanup(): Promise<void> {
    if (!this.stateful) return;
    // Every session is tried again afterwards, also one whose logout failed: that is the one most likely to still work.
    for (const as of this.sessions.splice(0)) {
      await this.client.undo('logout', { expect: 204, as });
      this.ended('session', as, 'logout');
    }
  }
}

/**
 * B's request on A's object, where the document names no status for it: a 4xx refuses it, and
 * `noOp` (the status the document gives a request that names nothing of the caller's) ignores it.
 * Either way the status is `because`'s; what the request did to A's object is judged apart.
 */
export function expectRefusedOrNoOp(ex: Exchange, because: RequirementId, noOp: number): void {
  const judged: Exchange = { ...ex, expectedStatus: ex.response?.status === noOp ? noOp : '4XX' };
  expect(judged).toConform({ because });
}

/** The login set the session cookie; without it the cookie checks of that test are not reached. */
export const setsSession = (ex: Exchange) => setsSessionCookie(ex, 'r_session', 'traq:login.session-works');

export const sessionFrom = (ex: Exchange): Identity | undefined => sessionCookie(ex, 'r_session');

/** `flows` is the same Traq, by the name the engine's generated tests (engine/refusals.ts) know it by. */
export const test = engine.extend<{ traq: Traq; flows: Traq }>({
  traq: async ({ run }, use, info) => useFlows(new Traq(run, info), use),
  flows: async ({ traq }, use) => use(traq),
});

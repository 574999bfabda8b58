import { useFlows } from '../../engine/flows.ts';
import { CookieSessionFlows } from '../../engine/session-flows.ts';
import type { CookieSessionSuite } from '../../engine/scenarios/cookie-session.ts';
import { test as engine, expect, anonymous, type Identity } from '../../engine/test.ts';
import type { CallOptions } from '../../engine/client.ts';
import type { OperationId } from './contract.generated.ts';
import { precondition } from '../../engine/preconditions.ts';
import { jsonBody, type Exchange } from '../../engine/http/exchange.ts';
import type { RunContext } from '../../engine/run.ts';
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
 * traQ's flows on top of the cookie-session flows: logging in by name and password, the second
 * identity, the lists of sessions and linked accounts. Every session a test opens is ended at
 * teardown, whether the test passed or not.
 */
export class Traq extends CookieSessionFlows<Credentials> {
  constructor(run: RunContext, info: TestInfo) {
    super('traq', run, info, { cookie: 'r_session', probe: 'getMySessions' });
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
    return this.opened(await this.call('login', {
      expect: options.expect,
      ...(options.as ? { as: options.as } : {}),
      ...(credentials ? { json: credentials } : {}),
      ...(options.redirect !== undefined ? { query: { redirect: options.redirect } } : {}),
    }));
  }

  /**
   * A session the observer's list did not show before, opened by a new login, and its listed id;
   * a precondition for tests that act on one session by its id.
   */
  async listedSession(observer: Identity): Promise<{ session: Identity; id: string }> {
    const before = await this.sessionIds(observer);
    const session = this.sessionFrom(await this.login(this.user, { expect: 204 }));
    const added = (await this.sessionIds(observer)).filter((id) => !before.includes(id));
    precondition(session !== undefined && added.length === 1, this.info, `cannot tell which listed session the new login opened (${added.length} new ids); see traq:getMySessions.lists-own-session`);
    return { session, id: added[0]! };
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

  async cleanup(): Promise<void> {
    if (this.stateful) await this.endSessions();
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

/** traQ's ids in the scenarios every cookie-session API shares (engine/scenarios/cookie-session.ts). */
export const SESSION: CookieSessionSuite = {
  login: 'traq:login#204', sessionWorks: 'traq:login.session-works', logout: 'traq:logout#204', endsSession: 'traq:logout.ends-session',
  probe: { ok: 'traq:getMySessions#200', title: 'GET /users/me/sessions' },
};

/** `flows` is the same Traq, by the name the engine's generated tests (engine/refusals.ts) know it by. */
export const test = engine.extend<{ traq: Traq; flows: Traq }>({
  traq: async ({ run }, use, info) => useFlows(new Traq(run, info), use),
  flows: async ({ traq }, use) => use(traq),
});

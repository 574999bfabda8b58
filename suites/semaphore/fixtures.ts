import { useFlows } from '../../engine/flows.ts';
import { CookieSessionFlows } from '../../engine/session-flows.ts';
import type { CookieSessionSuite } from '../../engine/scenarios/cookie-session.ts';
import { test as engine, expect, anonymous, violation, type Identity } from '../../engine/test.ts';
import type { CallOptions } from '../../engine/client.ts';
import type { OperationId } from './contract.generated.ts';
import { precondition } from '../../engine/preconditions.ts';
import { sessionCookiesSet } from '../../engine/checks/cookies.ts';
import type { Violation } from '../../engine/checks/types.ts';
import type { Works } from '../../engine/checks/cross-identity.ts';
import type { Contract } from '../../engine/contract/model.ts';
import { header, jsonBody, type Exchange } from '../../engine/http/exchange.ts';
import type { RunContext } from '../../engine/run.ts';
import type { TestInfo } from '@playwright/test';
import type { Faker } from '@faker-js/faker';

export { expect, anonymous, type Identity };
export { req, finding, violation, expectRefused } from '../../engine/test.ts';

export interface Credentials {
  /** The login name or e-mail address. */
  auth: string;
  password: string;
}

/** A token this test created, and who created it (the identity that can expire it). */
interface CreatedToken {
  id: string;
  owner: Identity;
}

/**
 * Semaphore's flows on top of the generic client: logging in, turning a login into a session
 * identity, creating API tokens and using them as bearer identities, starting an OIDC sign-in.
 * At teardown it expires every token and ends every session the test created, whether the test
 * passed or not.
 */
export class Semaphore extends CookieSessionFlows<Credentials> {
  private readonly tokens: CreatedToken[] = [];

  constructor(run: RunContext, info: TestInfo) {
    super('semaphore', run, info, { cookie: 'semaphore', probe: 'listApiTokens' });
  }

  get user(): Credentials {
    const v = this.run.vars('semaphore');
    return { auth: v.SEMAPHORE_USERNAME!, password: v.SEMAPHORE_PASSWORD! };
  }

  /** The second identity's credentials (B), or a skip naming SEMAPHORE_SECOND_USERNAME and SEMAPHORE_SECOND_PASSWORD. */
  get secondUser(): Credentials {
    const v = this.need('SEMAPHORE_SECOND_USERNAME', 'SEMAPHORE_SECOND_PASSWORD');
    // The same account twice would make every "B sees A's object" a false finding.
    precondition(v.SEMAPHORE_SECOND_USERNAME!.toLowerCase() !== this.user.auth.toLowerCase(), this.info, 'SEMAPHORE_SECOND_USERNAME names the same user as SEMAPHORE_USERNAME');
    return { auth: v.SEMAPHORE_SECOND_USERNAME!, password: v.SEMAPHORE_SECOND_PASSWORD! };
  }

  get contract(): Contract {
    return this.client.contract;
  }

  /**
   * Every call goes through here: a token that POST /user/tokens creates is remembered, with the
   * identity that created it, to be expired at teardown; one its owner (or the token itself)
   * expires is forgotten. A 204 to anyone else (another user's no-op) changes nothing.
   */
  call = async (operationId: OperationId, options: CallOptions): Promise<Exchange> => {
    const ex = await this.client.call(operationId, options);
    const status = ex.response?.status;
    if (operationId === 'createApiToken' && status === 201) {
      const [id] = tokenIds(ex);
      if (id !== undefined) this.tokens.push({ id, owner: options.as ?? anonymous });
    }
    if (operationId === 'deleteApiToken' && status === 204) this.forget(options.params!.api_token_id!, options.as ?? anonymous);
    return ex;
  };

  /**
   * POST /auth/login with credentials as JSON, or with `raw` text sent as application/json (for
   * a body that is not JSON). A session it opens is remembered for teardown.
   */
  async login(credentials: Partial<Credentials> | { raw: string }, options: { expect: number; as?: Identity }): Promise<Exchange> {
    return this.opened(await this.call('login', {
      expect: options.expect,
      ...(options.as ? { as: options.as } : {}),
      ...('raw' in credentials ? { body: credentials.raw, contentType: 'application/json' } : { json: credentials }),
    }));
  }

  /** POST /user/tokens as `as` (a token it creates is expired at teardown). */
  createToken(as: Identity, options: { expect: number }): Promise<Exchange> {
    return this.call('createApiToken', { expect: options.expect, as });
  }

  /** A new API token of the configured user (created with a fresh session); a precondition for tests that use one. */
  async token(): Promise<{ id: string; bearer: Identity; owner: Identity }> {
    return this.tokenOf(await this.session());
  }

  /** A new API token created by `owner` (a session); a precondition for tests that use one. */
  async tokenOf(owner: Identity): Promise<{ id: string; bearer: Identity; owner: Identity }> {
    const ex = await this.createToken(owner, { expect: 201 });
    const [id] = ex.response?.status === 201 ? tokenIds(ex) : [];
    precondition(id !== undefined, this.info, `POST /user/tokens did not create a token (status ${ex.response?.status ?? ex.error}); see semaphore:createApiToken#201`);
    return { id, bearer: { label: owner.label.replace(/session cookie$/, 'API token'), headers: bearer(id).headers }, owner };
  }

  /** DELETE /user/tokens/{id} as `as`. */
  deleteToken(as: Identity, id: string, options: { expect: number }): Promise<Exchange> {
    return this.call('deleteApiToken', { expect: options.expect, as, params: { api_token_id: id } });
  }

  /** Whether `owner`'s list shows the token `id` unexpired (undefined when the list was not given). */
  async listsUnexpired(owner: Identity, id: string): Promise<{ exchange: Exchange; works: Works }> {
    const exchange = await this.call('listApiTokens', { expect: 200, as: owner });
    if (exchange.response?.status !== 200) return { exchange, works: undefined };
    const body = jsonBody(exchange.response);
    const listed = body.ok && Array.isArray(body.value) ? body.value.find((t) => (t as { id?: unknown })?.id === id) as { expired?: unknown } | undefined : undefined;
    return { exchange, works: listed !== undefined && listed.expired !== true };
  }

  /** The configured OIDC provider's id, or a skip naming SEMAPHORE_OIDC_PROVIDER. */
  oidcProvider(): string {
    return this.need('SEMAPHORE_OIDC_PROVIDER').SEMAPHORE_OIDC_PROVIDER!;
  }

  /** Starts an OIDC sign-in with `provider` and returns the state the server put into the authorization request. */
  async oidcState(provider: string): Promise<string> {
    const ex = await this.call('startOidcLogin', { expect: 302, params: { provider_id: provider } });
    const state = redirectTarget(ex)?.searchParams.get('state');
    precondition(ex.response !== undefined && REDIRECTS.has(ex.response.status) && !!state, this.info, `starting an OIDC sign-in gave no state (status ${ex.response?.status ?? ex.error}); see semaphore:startOidcLogin.to-provider`);
    return state;
  }

  async cleanup(): Promise<void> {
    if (!this.stateful) return;
    // Tokens first: the session that created one may still be needed to expire it.
    for (const t of this.tokens.splice(0)) {
      const byOwner = await this.client.undo('deleteApiToken', { expect: 204, as: t.owner, params: { api_token_id: t.id } });
      if (byOwner?.response?.status !== 204) await this.client.undo('deleteApiToken', { expect: 204, as: bearer(t.id), params: { api_token_id: t.id } });
      // Tried again afterwards whatever the answer: a token or session whose undo failed is the likeliest to still work.
      this.ended('token', bearer(t.id), 'DELETE /user/tokens/{id}');
    }
    await this.endSessions();
  }

  private forget(id: string, by: Identity): void {
    const i = this.tokens.findIndex((t) => t.id === id && (t.owner === by || by.headers.authorization === `Bearer ${id}`));
    if (i >= 0) this.tokens.splice(i, 1);
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * The second user's credentials a cross-identity test acts with: a session of B (a fresh login),
 * or an API token B created with it. Both must act as B and never as A.
 */
export const SECOND_CREDENTIALS: readonly { kind: string; of: (semaphore: Semaphore) => Promise<Identity> }[] = [
  { kind: 'session', of: (semaphore) => semaphore.second() },
  { kind: 'API token', of: async (semaphore) => (await semaphore.tokenOf(await semaphore.second())).bearer },
];

/** An id of the shape Semaphore gives its tokens, naming none. */
export const unknownTokenId = (data: Faker): string => data.string.alphanumeric({ length: 44, casing: 'lower' });

export const bearer = (tokenId: string): Identity => ({ label: 'API token', headers: { authorization: `Bearer ${tokenId}` } });

/** Semaphore's ids in the scenarios every cookie-session API shares (engine/scenarios/cookie-session.ts). */
export const SESSION: CookieSessionSuite = {
  login: 'semaphore:login#204', sessionWorks: 'semaphore:login.session-works', logout: 'semaphore:logout#204', endsSession: 'semaphore:logout.ends-session',
  probe: { ok: 'semaphore:listApiTokens#200', title: 'GET /user/tokens' },
};

/** The ids of the APIToken or APIToken[] a response carries. */
export function tokenIds(ex: Exchange): string[] {
  const body = ex.response ? jsonBody(ex.response) : { ok: false as const };
  if (!body.ok) return [];
  return [body.value].flat().flatMap((t) => (t !== null && typeof t === 'object' && typeof (t as { id?: unknown }).id === 'string' ? [(t as { id: string }).id] : []));
}

/** The provider ids GET /auth/login lists. */
export function providerIds(ex: Exchange): string[] {
  const body = ex.response ? jsonBody(ex.response) : { ok: false as const };
  const providers = body.ok ? (body.value as { oidc_providers?: unknown }).oidc_providers : undefined;
  return Array.isArray(providers) ? providers.map((p) => String((p as { id?: unknown })?.id)) : [];
}

/** Where a redirect points, resolved against the request's URL; undefined without a usable Location. */
export function redirectTarget(ex: Exchange): URL | undefined {
  const location = ex.response && header(ex.response, 'location');
  if (!location?.trim()) return undefined;
  try {
    return new URL(location.trim(), ex.request.url);
  } catch {
    return undefined;
  }
}

/** Semaphore's login page is the web UI's `<web root>/auth/login`. */
const isLoginPage = (url: URL): boolean => /\/auth\/login\/?$/.test(url.pathname);
/** Origin and path only: the query of an authorization request carries the state. */
const shown = (url: URL): string => `${url.origin}${url.pathname}`;

/** Violations of "the redirect goes to the login page". */
export function toLoginPage(ex: Exchange): Violation[] {
  const target = redirectTarget(ex);
  if (!target) return [violation('redirects_to_login_page', 'no Location to tell where the redirect goes', { expected: 'Location: <web root>/auth/login', received: 'absent or not a URL' })];
  return isLoginPage(target) ? [] : [violation('redirects_to_login_page', 'the redirect does not go to the login page', { expected: '<web root>/auth/login', received: shown(target) })];
}

/**
 * Violations of "the redirect is an authorization request to the provider": OpenID Connect Core
 * §3.1.2.1 makes client_id and redirect_uri REQUIRED; state is only RECOMMENDED there.
 */
export function toAuthorizationRequest(ex: Exchange): Violation[] {
  const target = redirectTarget(ex);
  if (!target) return [violation('redirects_to_provider', 'no Location to read the authorization request from', { expected: "the provider's authorization endpoint", received: 'absent or not a URL' })];
  if (isLoginPage(target)) return [violation('redirects_to_provider', 'a configured provider was answered with the login page', { expected: "the provider's authorization endpoint", received: shown(target) })];
  const missing = ['client_id', 'redirect_uri'].filter((p) => !target.searchParams.get(p));
  return missing.length === 0 ? [] : [violation('authorization_request_complete', `the authorization request lacks ${missing.join(', ')}`, {
    expected: 'client_id and redirect_uri in the query',
    received: [...new Set(target.searchParams.keys())].join(', ') || 'no query',
  })];
}

/** Violations of "the response logs nobody in": no `semaphore` session cookie is set. */
export function setsNoSession(ex: Exchange, contract: Contract): Violation[] {
  return ex.response && sessionCookiesSet(ex.response, contract).length > 0
    ? [violation('sets_no_session', 'the response sets a session cookie', { expected: 'no semaphore cookie', received: 'Set-Cookie: semaphore=…' })]
    : [];
}

/** `flows` is the same Semaphore, by the name the engine's generated tests (engine/refusals.ts) know it by. */
export const test = engine.extend<{ semaphore: Semaphore; flows: Semaphore }>({
  semaphore: async ({ run }, use, info) => useFlows(new Semaphore(run, info), use),
  flows: async ({ semaphore }, use) => use(semaphore),
});

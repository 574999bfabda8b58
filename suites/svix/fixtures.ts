import { setTimeout as delay } from 'node:timers/promises';
import { ApiFlows, useFlows } from '../../engine/flows.ts';
import { test as engine, expect, anonymous, type Identity } from '../../engine/test.ts';
import type { CallOptions } from '../../engine/client.ts';
import { precondition } from '../../engine/preconditions.ts';
import { effectUnjudged, unaffectedByOther, type Works } from '../../engine/checks/cross-identity.ts';
import { finding } from '../../engine/checks/evaluate.ts';
import type { RequirementId } from '../../requirements/index.ts';
import type { OperationId } from './contract.generated.ts';
import { header, jsonBody, type Exchange } from '../../engine/http/exchange.ts';
import type { RunContext } from '../../engine/run.ts';
import { retryAfterMs } from '../../engine/targets/live.ts';
import type { TestInfo } from '@playwright/test';
import type { Faker } from '@faker-js/faker';

export { expect, anonymous, type Identity };
export { req, finding, violation } from '../../engine/test.ts';

/** Requests a rate-limit probe sends at once; bursts are needed because a limit counts per time window. */
const PROBE_BURST = 10;

/**
 * Svix's flows on top of the generic client: the organisation token, app-portal tokens minted by
 * dashboard-access (remembered, and logged out at teardown whether the test passed or not), and a
 * bounded rate-limit probe that waits out the limit it provoked before the next test runs.
 */
export class Svix extends ApiFlows {
  /** Portal tokens this test obtained and has not logged out yet. */
  private readonly portalTokens = new Map<string, Identity>();
  /** How long to wait at teardown for the refusal a rate-limit probe provoked to pass, in ms. */
  private refusedForMs = 0;

  constructor(run: RunContext, info: TestInfo) {
    super('svix', run, info);
  }

  /** The configured application (SVIX_APP_ID). */
  get appId(): string {
    return this.run.vars('svix').SVIX_APP_ID!;
  }

  /**
   * Whether the run may send requests that would end portal tokens it did not create, or the
   * organisation token itself, should the server get them wrong (accept what it must refuse).
   * Such requests go to an object the run made for the purpose, or run only with the opt-in.
   */
  get mayEndForeign(): boolean {
    return this.run.settings.target !== 'live' || this.run.settings.allowDestructive;
  }

  /**
   * expire-all with input a conforming server refuses with 422. A server that accepted it anyway
   * would expire every portal token of the application named, so without the opt-in the request
   * names an application that does not exist. A server that looks the application up before it
   * reads the body then answers 404, which says nothing about the body: the test steps back.
   */
  async refusedExpireAll(input: Pick<CallOptions, 'json' | 'body' | 'contentType'>, data: Faker): Promise<Exchange> {
    if (this.mayEndForeign) return this.call('expireAll', { expect: 422, as: this.org, params: { app_id: this.appId }, ...input });
    const ex = await this.call('expireAll', { expect: 422, as: this.org, params: { app_id: unknownAppId(data) }, ...input });
    if (ex.response?.status === 404) {
      this.needDestructive('this server looks the application up before it validates the body (404 for an application that does not exist), so the refusal can be shown only on SVIX_APP_ID, where a server that accepted the input would expire portal tokens this run did not create');
    }
    return ex;
  }

  /** Another application of the organisation (SVIX_SECOND_APP_ID); without it the test skips and names the variable. */
  secondAppId(): string {
    return this.need('SVIX_SECOND_APP_ID').SVIX_SECOND_APP_ID!;
  }

  /** The organisation's API token (SVIX_TOKEN). */
  get org(): Identity {
    return { label: 'organisation token', headers: { authorization: `Bearer ${this.run.vars('svix').SVIX_TOKEN!}` } };
  }

  /**
   * Every call goes through here: a portal token that dashboard-access hands out is remembered for
   * teardown, and one that logout ended is forgotten.
   */
  call = async (operationId: OperationId, options: CallOptions): Promise<Exchange> => {
    const ex = await this.client.call(operationId, options);
    const status = ex.response?.status;
    if (operationId === 'dashboardAccess' && status === 200) {
      const token = tokenFrom(ex);
      if (token) this.portalTokens.set(token, portalIdentity(token));
    }
    if (operationId === 'logout' && status === 204) {
      const sent = /^Bearer\s+(\S+)$/i.exec(options.as?.headers.authorization ?? '')?.[1];
      if (sent) this.portalTokens.delete(sent);
    }
    return ex;
  };

  /** POST dashboard-access with the organisation token for SVIX_APP_ID (or `appId`), optionally with an idempotency key. */
  portalAccess(options: { expect: number; appId?: string; idempotencyKey?: string }): Promise<Exchange> {
    return this.call('dashboardAccess', {
      expect: options.expect,
      as: this.org,
      params: { app_id: options.appId ?? this.appId },
      ...(options.idempotencyKey !== undefined ? { headers: { 'idempotency-key': options.idempotencyKey } } : {}),
    });
  }

  /** A fresh app-portal token for SVIX_APP_ID (or `appId`); skips the test (precondition) when dashboard-access does not mint one. */
  async portalToken(appId?: string): Promise<Identity> {
    const ex = await this.portalAccess({ expect: 200, ...(appId !== undefined ? { appId } : {}) });
    const token = ex.response?.status === 200 ? tokenFrom(ex) : undefined;
    precondition(token !== undefined, this.info, `dashboard-access did not mint an app-portal token (status ${ex.response?.status ?? ex.error}); see svix:dashboardAccess#200`);
    return portalIdentity(token);
  }

  /**
   * Whether `who` works now, with the request that shows it (the same harmless request as the
   * clean-up probe), so that a cross-identity finding carries the before and after as evidence.
   */
  async probe(who: Identity): Promise<Probe> {
    const exchange = await this.call('dashboardAccess', { expect: 403, as: who, params: { app_id: probeAppId() } });
    return { works: worksFrom(exchange), exchange };
  }

  /** Requires the step an idempotency scenario builds on to have been answered as documented. */
  step(ex: Exchange, status: number, what: string): void {
    precondition(ex.response?.status === status, this.info, `${what} got ${ex.response?.status ?? ex.error} instead of ${status}`);
  }

  /**
   * Sends `request` (one that changes nothing on a conforming server) in bursts until one answer
   * is 429, and returns that answer. `harmless` is the status (or the test for the statuses) a
   * conforming server answers the request with while under the limit. At most SVIX_PROBE_RATE_LIMIT requests: without the variable
   * the test is skipped, so a live run puts no load on a server unless asked to. Once the request
   * has been answered as `harmless`, any other answer is how the server refuses the flood, and is
   * returned to be judged as the 429 scenario; a request that is never answered as `harmless`, or a
   * cap reached without a 429, ends the probe as a precondition.
   */
  async rateLimited(operationId: OperationId, harmless: number | ((status: number) => boolean), request: Omit<CallOptions, 'expect'>): Promise<Exchange> {
    const isHarmless = (ex: Exchange) => ex.response !== undefined && ex.response.status !== 429 && (typeof harmless === 'number' ? ex.response.status === harmless : harmless(ex.response.status));
    const { SVIX_PROBE_RATE_LIMIT: cap } = this.need('SVIX_PROBE_RATE_LIMIT');
    const budget = Number(cap);
    if (!Number.isInteger(budget) || budget < 1 || budget > 10_000) throw new Error(`SVIX_PROBE_RATE_LIMIT must be a whole number of requests from 1 to 10000, not "${cap}"`);
    let sent = 0;
    let answered = false;
    while (sent < budget) {
      const n = Math.min(PROBE_BURST, budget - sent);
      const burst = await Promise.all(Array.from({ length: n }, () => this.call(operationId, { ...request, expect: 429 })));
      sent += n;
      answered ||= burst.some(isHarmless);
      const refused = burst.find((ex) => ex.response?.status === 429) ?? (answered ? burst.find((ex) => !isHarmless(ex)) : undefined);
      if (refused) {
        // Whatever the refusal, wait it out at teardown (as Retry-After says, else a second) so that the next test is not refused too.
        this.refusedForMs = Math.max(this.refusedForMs, (refused.response && retryAfterMs(header(refused.response, 'retry-after'))) ?? 1000);
        return refused;
      }
      const other = burst.find((ex) => !isHarmless(ex));
      precondition(other === undefined, this.info, `the probe's request got ${other?.response?.status ?? other?.error} where ${typeof harmless === 'number' ? harmless : 'a refusal'} (or 429) was expected`);
    }
    precondition(false, this.info, `${budget} requests (SVIX_PROBE_RATE_LIMIT) did not reach the rate limit`);
  }

  /**
   * Whether a credential still authenticates, by one request that changes nothing: dashboard-access
   * for an application that does not exist. 401 says no; 403 (a portal token may not call it) or 404
   * (no such application) say yes; anything else cannot tell. The API has no read-only operation.
   */
  protected override async authenticates(who: Identity): Promise<boolean | undefined> {
    const ex = await this.client.undo('dashboardAccess', { expect: 403, as: who, params: { app_id: probeAppId() } });
    return ex && worksFrom(ex);
  }

  async cleanup(): Promise<void> {
    if (!this.stateful) return;
    // The limit a probe reached would refuse the next test's requests (and this teardown's).
    if (this.refusedForMs > 0) await delay(Math.min(this.refusedForMs, this.run.settings.maxRetryAfterS * 1000));
    for (const as of [...this.portalTokens.values()]) {
      await this.client.undo('logout', { expect: 204, as });
      // Tried once more afterwards, so a logout that ends nothing (or answers 501) is said, not assumed.
      this.ended('token', as, 'logout');
    }
    this.portalTokens.clear();
  }
}

/** What a probe of a credential showed, and the exchange that showed it. */
export interface Probe {
  works: Works;
  exchange: Exchange;
}

/** An application id of the contract's shape that no organisation has, for probes. */
const probeAppId = (): string => `app_cfprobe${Date.now().toString(36)}`;

/** 401 says the credential no longer works; 403 (a portal token may not call it) or 404 (no such application) say it does. */
function worksFrom(ex: Exchange): Works {
  const status = ex.response?.status;
  return status === 401 ? false : status === 403 || status === 404 ? true : undefined;
}

/**
 * The effect of B's `attack` on A's credential, judged by probes before and after it: losing it
 * is the violation; a probe that could not tell leaves the requirement unjudged.
 */
export function effectOnCredential(id: RequirementId, object: string, before: Probe, attack: Exchange[], after: Probe) {
  const evidence = { object, loss: 'stopped authenticating', before: before.works, after: after.works };
  return finding(id, [before.exchange, ...attack, after.exchange], unaffectedByOther(evidence), effectUnjudged(evidence));
}

function portalIdentity(token: string): Identity {
  return { label: 'app-portal token', headers: { authorization: `Bearer ${token}` } };
}

/** The `token` and `url` of a DashboardAccessOut body, where present. */
export function accessFrom(ex: Exchange): { token?: string; url?: string } {
  const body = ex.response ? jsonBody(ex.response) : { ok: false as const };
  const v = body.ok && body.value !== null && typeof body.value === 'object' ? (body.value as Record<string, unknown>) : {};
  return {
    ...(typeof v.token === 'string' && v.token !== '' ? { token: v.token } : {}),
    ...(typeof v.url === 'string' ? { url: v.url } : {}),
  };
}

const tokenFrom = (ex: Exchange): string | undefined => accessFrom(ex).token;

/** An application id of the contract's shape that belongs to no application. */
export const unknownAppId = (data: Faker): string => `app_cf${data.string.alphanumeric(25)}`;

/** Characters outside the app_id pattern ^[a-zA-Z0-9\-_.]+$ that survive a trip through a URL path. */
const OUTSIDE_PATTERN = ['!', '@', '$', '~', '*', ',', ':', '+', '=', ' '] as const;

/** An app_id that breaks the pattern by one character, and stays within the length limits. */
export const appIdOutsidePattern = (data: Faker): string =>
  `app_${data.string.alphanumeric(8)}${data.helpers.arrayElement(OUTSIDE_PATTERN)}${data.string.alphanumeric(8)}`;

export const MAX_EXPIRY = 259_200;
/** For requests that must be refused: should a server act on one anyway, the latest expiry allowed does the least harm. */
export const LATEST = { expiry: MAX_EXPIRY };

/** A fresh idempotency key, as the contract suggests (a UUID v4). */
export const idempotencyKey = (data: Faker): string => data.string.uuid();

/** `flows` is the same Svix, by the name the engine's generated tests (engine/refusals.ts) know it by. */
export const test = engine.extend<{ svix: Svix; flows: Svix }>({
  svix: async ({ run }, use, info) => useFlows(new Svix(run, info), use),
  flows: async ({ svix }, use) => use(svix),
});

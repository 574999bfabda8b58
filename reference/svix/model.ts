import { randomBytes } from 'node:crypto';

/**
 * State of the Svix reference server: one organisation with one API token and one application,
 * the app-portal tokens minted for it, the idempotency store and a per-token rate limiter.
 * Nothing here knows HTTP; routes.ts turns it into responses.
 */

/** Fake, but shaped like Svix's: an organisation API token and an `app_` + 27-character id. */
export const ORG_TOKEN = 'testsk_fakeReferenceOrganisationToken000';
export const APP_ID = 'app_2fakeReferenceApplication00';
/** A second application of the same organisation, for the cross-identity tests (SVIX_SECOND_APP_ID). */
export const SECOND_APP_ID = 'app_2fakeReferenceSecondApp0000';

export const APP_ID_PATTERN = /^[a-zA-Z0-9\-_.]+$/;
export const APP_ID_MAX_LENGTH = 256;
export const EXPIRY_MAX_SECONDS = 259_200;
/** How long a freshly minted app-portal token lives when nothing expires it earlier. */
export const PORTAL_TOKEN_TTL_MS = 7 * 24 * 3600 * 1000;
/**
 * Requests one token may send per window before it gets 429. A whole conformance run sends fewer
 * than 50 requests with any one token (29 with the organisation token, the busiest, when this was
 * set), so only a rate-limit probe reaches it, on purpose. Low enough that the probe, at well over
 * 50 requests a second even on a loaded machine, does not depend on how fast the machine is.
 */
export const RATE_LIMIT = { requests: 50, windowMs: 1000 } as const;

export type Principal =
  | { kind: 'organisation'; token: string }
  | { kind: 'portal'; token: string; appId: string };

export type AuthResult =
  | { ok: true; principal: Principal }
  | { ok: false; reason: 'missing' | 'invalid' | 'expired' | 'logged-out' };

/** A response as data, so that the idempotency store can keep it and send it again. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** A JSON value; absent for a response without content. */
  body?: unknown;
  /** Plain text instead of JSON (only what a faulty server sends). */
  text?: string;
}

export interface StoredReply {
  fingerprint: string;
  /** The token whose request produced the reply. */
  owner: string;
  reply: Reply;
}

interface PortalToken {
  appId: string;
  expiresAt: number;
  loggedOut: boolean;
}

export interface AuthOptions {
  /** false: a portal token's expiry time is not looked at (the expiry-not-enforced fault). */
  enforceExpiry: boolean;
}

export class SvixState {
  private readonly apps = new Set([APP_ID, SECOND_APP_ID]);
  private readonly portalTokens = new Map<string, PortalToken>();
  private readonly idempotency = new Map<string, StoredReply>();
  private readonly recentRequests = new Map<string, number[]>();

  authenticate(token: string | undefined, { enforceExpiry }: AuthOptions, now = Date.now()): AuthResult {
    if (token === undefined) return { ok: false, reason: 'missing' };
    if (token === ORG_TOKEN) return { ok: true, principal: { kind: 'organisation', token } };
    const portal = this.portalTokens.get(token);
    if (!portal) return { ok: false, reason: 'invalid' };
    if (portal.loggedOut) return { ok: false, reason: 'logged-out' };
    if (enforceExpiry && now >= portal.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, principal: { kind: 'portal', token, appId: portal.appId } };
  }

  appExists(appId: string): boolean {
    return this.apps.has(appId);
  }

  mintPortalToken(appId: string, now = Date.now()): string {
    const token = `appsk_${randomBytes(16).toString('hex')}`;
    this.portalTokens.set(token, { appId, expiresAt: now + PORTAL_TOKEN_TTL_MS, loggedOut: false });
    return token;
  }

  /** Logs the token out; `everyToken` (the logout-ends-all-tokens fault) logs out every portal token of every application. */
  logout(token: string, everyToken = false): void {
    for (const [t, portal] of this.portalTokens) if (everyToken || t === token) portal.loggedOut = true;
  }

  /**
   * Every portal token of the app that exists now expires `seconds` from now (never later than it
   * would anyway); `appId` undefined (the expire-all-every-app fault): every application's.
   */
  expireAll(appId: string | undefined, seconds: number, now = Date.now()): void {
    const at = now + seconds * 1000;
    for (const portal of this.portalTokens.values()) {
      if (appId === undefined || portal.appId === appId) portal.expiresAt = Math.min(portal.expiresAt, at);
    }
  }

  /** Counts the request against the token's window; false when the token is over the limit. */
  withinRateLimit(token: string, now = Date.now()): boolean {
    const recent = (this.recentRequests.get(token) ?? []).filter((t) => now - t < RATE_LIMIT.windowMs);
    recent.push(now);
    this.recentRequests.set(token, recent);
    return recent.length <= RATE_LIMIT.requests;
  }

  /**
   * The stored reply for this key in `scope` (the caller's token, or '' for a store shared by
   * every caller), with the request that produced it and the token that sent it.
   */
  storedReply(scope: string, key: string): StoredReply | undefined {
    return this.idempotency.get(`${scope}\u0000${key}`);
  }

  storeReply(scope: string, key: string, stored: StoredReply): void {
    this.idempotency.set(`${scope}\u0000${key}`, stored);
  }
}

/** A login link that carries the token the way Svix's does (base64 JSON in the fragment). */
export function portalUrl(appId: string, token: string): string {
  const key = Buffer.from(JSON.stringify({ appId, token })).toString('base64url');
  return `https://app-portal.svix-reference.invalid/login#key=${key}`;
}

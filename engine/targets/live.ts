import { existsSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { header, statusMatches } from '../http/exchange.ts';
import { Redactor } from '../http/redact.ts';
import { NO_ANSWER, send } from '../http/send.ts';
import type { Target } from './target.ts';

export interface LiveOptions {
  timeoutMs: number;
  /** Requests per second at most, over the whole worker. */
  maxRps: number;
  /** The longest Retry-After the run honours; a longer one leaves the 429 as the answer. */
  maxRetryAfterS: number;
  /**
   * Marks the target as down for the rest of the run. A file, because Playwright replaces the
   * worker after every failed test and a down target fails every test.
   */
  downMarker: string;
}

/** After this many requests in a row got no answer, the target is taken to be down. */
const DOWN_AFTER = 3;
const MAX_WAITS = 3;

/**
 * A real server, treated gently: a cap on the request rate, a 429 answered by waiting as
 * Retry-After says (bounded) before sending the same request again, and no more requests once
 * the server has stopped answering, so a hung staging server costs seconds, not the CI's hour.
 */
export function liveTarget(baseUrl: string, o: LiveOptions): Target {
  let nextSlot = 0;
  let silentInARow = 0;
  const interval = 1000 / o.maxRps;
  const paced = async () => {
    const now = performance.now();
    const at = Math.max(now, nextSlot);
    nextSlot = at + interval;
    if (at > now) await sleep(at - now);
  };
  const downReason = `the target stopped answering (${DOWN_AFTER} requests in a row got no complete response)`;
  return {
    kind: 'live',
    stateful: true,
    baseUrl,
    down: () => (silentInARow >= DOWN_AFTER || existsSync(o.downMarker) ? downReason : undefined),
    async send(request, _operation, expectedStatus) {
      if (silentInARow >= DOWN_AFTER || existsSync(o.downMarker)) return { request, error: `not sent: ${downReason}`, durationMs: 0 };
      for (let waits = 0; ; waits++) {
        await paced();
        const sent = await send(request, { timeoutMs: o.timeoutMs });
        silentInARow = sent.error?.startsWith(NO_ANSWER) ? silentInARow + 1 : 0;
        if (silentInARow >= DOWN_AFTER) writeFileSync(o.downMarker, `${new Redactor().url(baseUrl)}\n`);
        const res = sent.response;
        if (!res || res.status !== 429 || statusMatches(expectedStatus, 429) || waits >= MAX_WAITS) return sent;
        const wait = retryAfterMs(header(res, 'retry-after'));
        if (wait === undefined || wait > o.maxRetryAfterS * 1000) return sent;
        await sleep(wait);
      }
    },
  };
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

import { setTimeout as sleep } from 'node:timers/promises';
import { header, type ExpectedStatus } from '../http/exchange.ts';
import { isUnreachable, send } from '../http/send.ts';
import { ServerHealth } from './run-state.ts';
import type { Target } from './target.ts';

export interface LiveOptions {
  timeoutMs: number;
  /** Requests per second at most, over the whole worker. */
  maxRps: number;
  /** The longest Retry-After the run honours; a longer one makes the target count as rate-limiting the run. */
  maxRetryAfterS: number;
  /** The run's private folder (see run-state.ts), where every worker learns that a server is down. */
  runDir: string | undefined;
}

/**
 * A real server, treated gently: a cap on the request rate, and no more requests once the server has
 * stopped answering or keeps refusing them, so a hung or throttling staging server costs seconds,
 * not the CI's hour. A 429 is answered by waiting as Retry-After says, once, up to a cap; a longer
 * wait, or a second 429 after waiting, makes the server count as rate-limiting the run, and the rest
 * of the run skips it with that reason. That state belongs to the server (its origin), so every API
 * of the run on the same server shares it, and to the run, so every worker does.
 */
export function liveTarget(baseUrl: string, o: LiveOptions): Target {
  let nextSlot = 0;
  // Two scopes: being down or throttling belongs to the server, a wrong path to the API's base URL.
  const interval = 1000 / o.maxRps;
  const paced = async () => {
    const now = performance.now();
    const at = Math.max(now, nextSlot);
    nextSlot = at + interval;
    if (at > now) await sleep(at - now);
  };
  const health = new ServerHealth(o.runDir, new URL(baseUrl).origin);
  const base = new URL(baseUrl);
  base.username = '';
  base.password = '';
  const path = new ServerHealth(o.runDir, base.toString().replace(/\/+$/, ''));
  return {
    kind: 'live',
    stateful: true,
    baseUrl,
    down: () => (health.halted() ?? path.halted())?.reason,
    async send(request, operation, expectedStatus) {
      const halted = health.halted() ?? path.halted();
      if (halted) return { request, error: `not sent: ${halted.reason}`, durationMs: 0 };
      for (let waited = false; ; waited = true) {
        await paced();
        const sent = await send(request, { timeoutMs: o.timeoutMs });
        if (isUnreachable(sent.error)) health.unreachable(sent.error!);
        else health.answered();
        const res = sent.response;
        if (res) path.answeredUnder(operation.operationId, res.status, expectedStatus);
        // Only a test that names 429 wants it answered: to one that expects "any 4XX" (a refusal), a
        // rate limit is not the server's answer to the question, so it is waited out like any other.
        if (!res || res.status !== 429 || names429(expectedStatus)) return sent;
        const retryAfter = header(res, 'retry-after');
        // Without a usable Retry-After (RFC 6585 makes it optional) the run waits a second of its own.
        const asked = retryAfterMs(retryAfter);
        const wait = asked ?? UNSTATED_RETRY_AFTER_MS;
        if (waited || wait > o.maxRetryAfterS * 1000) {
          const why = !waited ? `Retry-After: ${retryAfter?.trim()}, over the ${o.maxRetryAfterS} s the run waits (CONFORMANCE_MAX_RETRY_AFTER)`
            : asked === undefined ? `again after waiting ${UNSTATED_RETRY_AFTER_MS / 1000} s, without a Retry-After` : 'again after waiting as it asked';
          health.stop('rate-limited', `the target is rate-limiting the run (429, ${why})`);
          return sent;
        }
        await sleep(wait);
      }
    },
  };
}

const UNSTATED_RETRY_AFTER_MS = 1000;

const names429 = (expected: ExpectedStatus | undefined) => expected === 429 || (Array.isArray(expected) && expected.includes(429));

/** Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

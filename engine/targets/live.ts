import { send } from '../http/send.ts';
import type { Target } from './target.ts';

export function liveTarget(baseUrl: string, timeoutMs: number): Target {
  return {
    kind: 'live',
    stateful: true,
    baseUrl,
    send: (request) => send(request, { timeoutMs }),
  };
}

import type { RecordedRequest } from './exchange.ts';

const quote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

/** A curl command that replays a (redacted) request. */
export function curl(req: RecordedRequest): string {
  const parts = ['curl -i', `-X ${req.method}`, quote(req.url)];
  for (const [k, v] of Object.entries(req.headers)) parts.push(`-H ${quote(`${k}: ${v}`)}`);
  if (req.body !== undefined) parts.push(`--data-raw ${quote(req.body)}`);
  return parts.join(' ');
}

import { jsonBody, type Exchange, type RecordedResponse } from '../http/exchange.ts';
import { violation, type Violation } from './types.ts';

/** One login refusal, and what case it is (`wrong password`, `unknown user`, `suspended account`). */
export interface Refusal {
  case: string;
  exchange: Exchange;
}

export interface EnumerationEvidence {
  /** The first case is the reference the others are compared with (e.g. the wrong password). */
  refusals: readonly Refusal[];
  /**
   * A second answer to one of the cases (a second unknown user): what differs between the two
   * varies by itself (a date, a request id, a fresh CSRF cookie) and tells an attacker nothing.
   */
  repeat: Refusal;
  /** The user names sent: blanked in bodies and headers, so a message that echoes the name still matches. */
  names: readonly string[];
}

const BLANK = '…';
/** Headers that differ between any two answers by their nature; the repeat finds the rest. */
const ALWAYS_VARIES = new Set(['date', 'content-length']);

/*
 * Values that tell the time differ between two answers a second apart, but the repeat shows them as
 * noise only when it and its twin fell in different seconds: a verdict that must reproduce cannot
 * hang on that. They are compared as <time>; one that only one case carries still tells.
 */
const HTTP_DATE = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2}[ -][A-Za-z]{3}[ -]\d{2,4} \d{2}:\d{2}:\d{2} GMT\b/g;
const ISO_TIME = /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g;
/** Headers that count seconds (a rate-limit window, a wait, an age). */
const COUNTS_SECONDS = /rate-?limit|^retry-after$|^age$/;
const YEAR_S = 365 * 86_400;

/** A number that is a Unix time within a year of now, in seconds or milliseconds. */
function isNow(n: number): boolean {
  const now = Date.now() / 1000;
  return Math.abs(n - now) < YEAR_S || Math.abs(n / 1000 - now) < YEAR_S;
}

function steady(text: string): string {
  return text.replace(HTTP_DATE, '<time>').replace(ISO_TIME, '<time>').replace(/\b\d{10}(?:\d{3})?\b/g, (d) => (isNow(Number(d)) ? '<time>' : d));
}

/**
 * Whether refusals an attacker can provoke tell the cases apart: by status, by the body's shape,
 * by its text with the names blanked, or by a header (OWASP WSTG-IDNT-04). Anything that differs
 * between the repeat and its own case is noise and not held against the server.
 */
export function indistinguishableRefusals({ refusals, repeat, names }: EnumerationEvidence): Violation[] {
  const [reference, ...others] = refusals;
  if (!reference?.exchange.response || !repeat.exchange.response) return [];
  const twin = refusals.find((r) => r.case === repeat.case)?.exchange.response;
  const noise = twin ? differences(view(twin, names), view(repeat.exchange.response, names)) : new Set<string>();
  const ref = view(reference.exchange.response, names);
  return others.flatMap((other) => {
    if (!other.exchange.response) return [];
    const seen = view(other.exchange.response, names);
    const told = [...differences(ref, seen)].filter((d) => !noise.has(d));
    if (told.length === 0) return [];
    const first = told[0]!;
    return [violation('indistinguishable_refusals', `the ${describe(first)} tells ${other.case} from ${reference.case}`, {
      expected: `the same ${describe(first)} for both`,
      received: `${reference.case}: ${shown(first, ref.get(first))}; ${other.case}: ${shown(first, seen.get(first))}${told.length > 1 ? ` (and ${told.length - 1} more: ${told.slice(1).map(describe).join(', ')})` : ''}`,
    })];
  });
}

/** A response as comparable facets: `status`, `body-shape`, `body:<path>` or `body-text`, `header:<name>`. */
function view(res: RecordedResponse, names: readonly string[]): Map<string, string> {
  const facets = new Map<string, string>([['status', String(res.status)]]);
  const blank = (text: string) => names.filter((n) => n.length > 0).reduce((t, n) => t.split(n).join(BLANK).split(encodeURIComponent(n)).join(BLANK), text);
  const body = jsonBody({ ...res, text: blank(res.text) });
  if (body.ok) {
    const leaves = new Map<string, string>();
    flatten(body.value, '$', leaves);
    facets.set('body-shape', [...leaves.keys()].map((k) => k.replace(/\[\d+\]/g, '[]')).sort().join(' '));
    for (const [path, value] of leaves) facets.set(`body:${path}`, steady(value));
  } else {
    facets.set('body-text', steady(blank(res.text).trim()) || '(empty)');
  }
  for (const [name, value] of Object.entries(res.headers)) {
    if (ALWAYS_VARIES.has(name)) continue;
    const text = steady(blank(Array.isArray(value) ? value.join('\n') : value));
    facets.set(`header:${name}`, COUNTS_SECONDS.test(name) ? text.replace(/\d+/g, '#') : text);
  }
  return facets;
}

function flatten(value: unknown, path: string, into: Map<string, string>): void {
  if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${path}[${i}]`, into));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, `${path}.${k}`, into);
  else into.set(path, JSON.stringify(value));
}

function differences(a: Map<string, string>, b: Map<string, string>): Set<string> {
  const keys = new Set([...a.keys(), ...b.keys()]);
  // The shape and its leaves: where the shapes differ, the leaves' differences say nothing more.
  return new Set([...keys].filter((k) => a.get(k) !== b.get(k)));
}

/** A header that may carry a credential shows only whether it was there; its value could be a secret no redactor knows. */
const CREDENTIAL_HEADER = /cookie|token|auth|session|csrf|xsrf|key|secret/i;

function shown(facet: string, value: string | undefined): string {
  if (value === undefined) return '(absent)';
  return facet.startsWith('header:') && CREDENTIAL_HEADER.test(facet) ? '(present)' : value;
}

function describe(facet: string): string {
  if (facet === 'status') return 'status';
  if (facet === 'body-shape') return 'body\'s shape';
  if (facet === 'body-text') return 'body\'s text';
  if (facet.startsWith('body:')) return `body's ${facet.slice(5)}`;
  return `${facet.slice(7)} header`;
}

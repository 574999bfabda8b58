import { violation, type Violation } from './types.ts';

/**
 * Object-level authorization judged by effect (OWASP API1): identity B names an object of identity
 * A; what B's request got is the operation's business, what it did to A's object is this.
 */

/** What a probe of A's object showed: it works (true), it does not (false), or it cannot tell. */
export type Works = boolean | undefined;

export interface EffectEvidence {
  /** The object, as the finding names it: "A's session", "A's API token". */
  object: string;
  /** What losing it looks like: "stopped authenticating", "disappeared from A's list". */
  loss: string;
  /** A's object before B's request, and after it. */
  before: Works;
  after: Works;
}

/** A's object worked before B's request and not after it: B's request acted on it. */
export function unaffectedByOther({ object, loss, before, after }: EffectEvidence): Violation[] {
  return before === true && after === false
    ? [violation('unaffected_by_other_identity', `${object} ${loss} after B's request`, { expected: `${object} works as before`, received: 'it worked before B\'s request and not after it' })]
    : [];
}

/** Why an effect could not be judged, or undefined when it could. */
export function effectUnjudged({ object, before, after }: EffectEvidence): string | undefined {
  if (before !== true) return `not judged: ${object} did not work before B's request, so losing it could not show`;
  if (after === undefined) return `not judged: whether ${object} still works could not be told after B's request`;
  return undefined;
}

/** B's listing shows none of A's objects (by id). */
export function listsNoneOf(listing: string, shown: readonly string[], others: readonly string[], what: string): Violation[] {
  const leaked = shown.filter((id) => others.includes(id));
  return leaked.length > 0
    ? [violation('lists_only_own', `${listing} shows ${leaked.length} of A's ${what}`, { expected: `none of A's ${what}`, received: `${leaked.length} of A's ${what} (${leaked.slice(0, 3).join(', ')})` })]
    : [];
}

/** B's credential is answered as B, never as A (who-am-I by a field both answers carry). */
export function actsAsItself(credential: string, seenAs: string | undefined, itself: string, other: string): Violation[] {
  return seenAs !== undefined && seenAs === other && seenAs !== itself
    ? [violation('acts_as_itself', `${credential} was answered as A`, { expected: `answered as B (${itself})`, received: `answered as A (${other})` })]
    : [];
}

import type { Level, RequirementId } from '../requirements/index.ts';
import type { Violation } from './checks/types.ts';
import type { Exchange } from './http/exchange.ts';

export type Verdict = 'pass' | 'fail' | 'warn' | 'skip';

/** Worst first: a failure outranks a warning, a warning a pass, and a pass a skip, which judged nothing. */
export const VERDICT_RANK: Readonly<Record<Verdict, number>> = { fail: 3, warn: 2, pass: 1, skip: 0 };

/** The worst of several verdicts; none at all judged nothing (skip). */
export const worstVerdict = (verdicts: Iterable<Verdict>): Verdict =>
  [...verdicts].reduce<Verdict>((w, v) => (VERDICT_RANK[v] > VERDICT_RANK[w] ? v : w), 'skip');

/** An exchange as written into evidence: redacted, with a way to replay it. */
export interface EvidenceExchange extends Exchange {
  curl: string;
}

/** What one assertion found about one requirement; attached to the test, read by the reporter. */
export interface CheckRecord {
  requirement: RequirementId;
  level: Level;
  /** skip: the exchanges could not show it either way (`reason` says why). */
  verdict: Verdict;
  reason?: string;
  violations: Violation[];
  exchanges: EvidenceExchange[];
  forcedByMock: boolean;
}

/**
 * Body characters kept per exchange in evidence. A report holds each exchange once per requirement
 * it proves, so a hostile server's large bodies would multiply into the report (and the reporter's
 * memory); what a reader needs to see of an authentication response fits well within this.
 */
export const EVIDENCE_BODY_CHARS = 2048;

/** The exchange as evidence keeps it: bodies cut to EVIDENCE_BODY_CHARS, marked `truncated` (`bytes` still counts them all). Cut after redaction, so no secret is cut in half and let through. */
export function forEvidence<E extends Exchange>(e: E): E {
  const cut = (s: string) => (s.length > EVIDENCE_BODY_CHARS ? s.slice(0, EVIDENCE_BODY_CHARS) : s);
  const res = e.response;
  const longReq = (e.request.body?.length ?? 0) > EVIDENCE_BODY_CHARS;
  const longRes = !!res && (res.text.length > EVIDENCE_BODY_CHARS || (res.base64?.length ?? 0) > EVIDENCE_BODY_CHARS);
  if (!longReq && !longRes) return e;
  return {
    ...e,
    request: longReq ? { ...e.request, body: cut(e.request.body!), truncated: true } : e.request,
    ...(res ? { response: longRes ? { ...res, text: cut(res.text), ...(res.base64 !== undefined ? { base64: cut(res.base64) } : {}), truncated: true } : res } : {}),
  };
}

export const EVIDENCE_CONTENT_TYPE = 'application/vnd.auth-conformance.check+json';
export const EVIDENCE_NAME = 'conformance-check';

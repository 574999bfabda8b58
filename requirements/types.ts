/** The level a requirement is stated at; it decides whether a violation fails the gate or warns. */
export type Level = 'MUST' | 'SHOULD' | 'MAY';

/**
 * Where a requirement comes from:
 * - vendor: stated by the vendor's own API document (or its generated client docs);
 * - correction: our contract's correction or addition to the vendor's document (the contract says why);
 * - rfc: an IETF RFC states it;
 * - asvs: OWASP ASVS good practice;
 * - owasp: another OWASP guide (the Web Security Testing Guide).
 */
export type SourceKind = 'vendor' | 'correction' | 'rfc' | 'asvs' | 'owasp';

export interface Source {
  kind: SourceKind;
  /**
   * A link to the text that states it: for the vendor, a line of the pinned upstream document
   * (`…/blob/<commit>/<file>#L<line>`); for an RFC, its section.
   */
  url: string;
  /**
   * Vendor sources: a few characters the cited line holds (a path, a status, a field name), so the
   * provenance self-test can check the citation against the pinned copy without restating its text.
   */
  marker?: string;
  /** RFC sources: the sentence that states it, with its keyword (MUST, MUST NOT, SHOULD). */
  says?: string;
}

export interface Requirement {
  level: Level;
  /** One line, read in reports: what a conforming server does. */
  summary: string;
  source: Source;
  /**
   * Why no request leads there, for a status the document lists that no conforming server can be
   * made to answer (no test names it; coverage shows the reason instead of "not exercised").
   */
  notProvokable?: string;
}

export const rfc = (rfcNumber: number, section: string, says: string): Source => ({
  kind: 'rfc',
  url: `https://www.rfc-editor.org/rfc/rfc${rfcNumber}#section-${section}`,
  says,
});

/** A line of a vendor's pinned upstream document, with a marker the line holds. */
export const upstreamLine = (document: string, line: number, marker: string): Source => ({
  kind: 'vendor',
  url: `${document}#L${line}`,
  marker,
});

export const asvs = (chapterFile: string, anchor: string): Source => ({
  kind: 'asvs',
  url: `https://github.com/OWASP/ASVS/blob/v4.0.3/4.0/en/${chapterFile}#${anchor}`,
});

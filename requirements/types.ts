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
  /** A link to the text that states it. */
  url: string;
}

export interface Requirement {
  level: Level;
  /** One line, read in reports: what a conforming server does. */
  summary: string;
  source: Source;
}

export const rfc = (rfcNumber: number, section: string): Source => ({
  kind: 'rfc',
  url: `https://www.rfc-editor.org/rfc/rfc${rfcNumber}#section-${section}`,
});

export const asvs = (chapterFile: string, anchor: string): Source => ({
  kind: 'asvs',
  url: `https://github.com/OWASP/ASVS/blob/v4.0.3/4.0/en/${chapterFile}#${anchor}`,
});

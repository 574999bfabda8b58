import { requirement, type RequirementId } from '../requirements/index.ts';

export const REQUIREMENT_ANNOTATION = 'requirement';
export const ENABLED_BY_ANNOTATION = 'enabled-by';
export const WARNING_ANNOTATION = 'warning';
/** The operation a test is about, where its file does not say (a file per operation does): the report files it there. */
export const OPERATION_ANNOTATION = 'operation';
/** One session or token a test's cleanup ended, and whether it still authenticated afterwards. */
export const CLEANUP_ANNOTATION = 'cleanup';

export type CredentialKind = 'session' | 'token';

export interface CleanupRecord {
  api: string;
  kind: CredentialKind;
  /** The request that was to end it, e.g. "logout" or "DELETE /user/tokens/{id}". */
  how: string;
  /** true: it still authenticates; false: it no longer does; null: the probe could not tell. */
  stillWorks: boolean | null;
}

/** The requirement ids a test proves, as Playwright annotations the reporter reads. */
export function req(...ids: RequirementId[]): { type: string; description: string }[] {
  for (const id of ids) requirement(id);
  return ids.map((id) => ({ type: REQUIREMENT_ANNOTATION, description: id }));
}

import { requirement, type RequirementId } from '../requirements/index.ts';

export const REQUIREMENT_ANNOTATION = 'requirement';
export const ENABLED_BY_ANNOTATION = 'enabled-by';
export const WARNING_ANNOTATION = 'warning';

/** The requirement ids a test proves, as Playwright annotations the reporter reads. */
export function req(...ids: RequirementId[]): { type: string; description: string }[] {
  for (const id of ids) requirement(id);
  return ids.map((id) => ({ type: REQUIREMENT_ANNOTATION, description: id }));
}

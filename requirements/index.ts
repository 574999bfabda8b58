import { COMMON } from './common.ts';
import { NEXTAUTH } from './nextauth.ts';
import { SEMAPHORE } from './semaphore.ts';
import { SVIX } from './svix.ts';
import { TRAQ } from './traq.ts';
import type { Requirement } from './types.ts';

export type { Level, Requirement, Source, SourceKind } from './types.ts';

/** Every requirement a test may name. A test that names an id not listed here does not type-check. */
export const REQUIREMENTS = { ...COMMON, ...TRAQ, ...NEXTAUTH, ...SVIX, ...SEMAPHORE } as const satisfies Record<string, Requirement>;

export type RequirementId = keyof typeof REQUIREMENTS;

export function isRequirementId(id: string): id is RequirementId {
  return Object.hasOwn(REQUIREMENTS, id);
}

export function requirement(id: string): Requirement {
  if (!isRequirementId(id)) throw new Error(`unknown requirement id ${id}: register it in requirements/`);
  return REQUIREMENTS[id];
}

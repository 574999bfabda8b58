import { resolve } from 'node:path';
import { discoverModules } from '../engine/config/discover.ts';
import { COMMON } from './common.ts';
import type { Requirement } from './types.ts';

export type { Level, Requirement, Source, SourceKind } from './types.ts';

/**
 * The ids each API registers in suites/<api>/requirements.ts, which adds them here by declaration
 * merging (`declare module '…/requirements/index.ts' { interface ApiRequirements … }`): the type
 * knows every id without a list of APIs.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ApiRequirements {}

export type RequirementId = keyof typeof COMMON | Extract<keyof ApiRequirements, string>;

const apiRequirements = await discoverModules<{ default: Record<string, Requirement> }>(resolve(import.meta.dirname, '../suites'), 'requirements.ts');

/** Every requirement a test may name. A test that names an id not listed here does not type-check. */
export const REQUIREMENTS: Readonly<Record<RequirementId, Requirement>> = Object.assign({}, COMMON, ...[...apiRequirements.values()].map((m) => m.default));

export function isRequirementId(id: string): id is RequirementId {
  return Object.hasOwn(REQUIREMENTS, id);
}

export function requirement(id: string): Requirement {
  if (!isRequirementId(id)) throw new Error(`unknown requirement id ${id}: register it in requirements/common.ts or suites/<api>/requirements.ts`);
  return REQUIREMENTS[id];
}

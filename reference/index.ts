import { discoverModules } from '../engine/config/discover.ts';
import type { ReferenceApi } from './kit/types.ts';

/** Every reference server, found by its folder (reference/<api>/index.ts default-exports it). */
export const REFERENCES: readonly ReferenceApi[] = [...(await discoverModules<{ default: ReferenceApi }>(import.meta.dirname, 'index.ts')).values()].map((m) => m.default);

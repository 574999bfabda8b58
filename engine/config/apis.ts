import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiDefinition } from './define.ts';
import { discoverModules } from './discover.ts';

export type { ApiDefinition, Variable } from './define.ts';

/** An API's name: the name of its folder under suites/. */
export type ApiName = string;

const SUITES = resolve(dirname(fileURLToPath(import.meta.url)), '../../suites');

/** Every API of this checkout, found by its folder's definition (suites/<api>/api.ts). */
export const API_DEFINITIONS: Readonly<Record<ApiName, ApiDefinition>> = Object.fromEntries(
  [...(await discoverModules<{ default: ApiDefinition }>(SUITES, 'api.ts'))].map(([folder, m]) => {
    // The name becomes a path segment, an id prefix and (upper-cased) the prefix of its variables.
    if (!/^[a-z][a-z0-9]*$/.test(folder)) throw new Error(`suites/${folder}: an API's folder name is lower-case letters and digits`);
    if (m.default?.name !== folder) throw new Error(`suites/${folder}/api.ts must default-export defineApi({ name: '${folder}', … })`);
    return [folder, m.default];
  }),
);

/**
 * The contract a run uses for an API: ours, unless CONFORMANCE_CONTRACT_<API> names another file
 * (a vendor checking an edited contract, or a test feeding a broken one).
 */
export function contractFile(api: ApiName, env: NodeJS.ProcessEnv = process.env): string {
  return env[`CONFORMANCE_CONTRACT_${api.toUpperCase()}`] || API_DEFINITIONS[api]!.contract;
}

/** The APIs whose suites exist in this checkout (a folder suites/<api> with spec files). */
export const AVAILABLE_APIS: readonly ApiName[] = Object.keys(API_DEFINITIONS).filter((api) => readdirSync(resolve(SUITES, api)).some((f) => f.endsWith('.spec.ts')));


import { createRequire } from 'node:module';

/** yaml's measure of alias expansion (each alias weighed by what it expands to); its default, stated. */
export const MAX_ALIAS_COUNT = 100;

/**
 * yaml, loaded on first use: a worker whose contracts come from the cache (./cache.ts) never
 * needs it, and Playwright starts a fresh worker after every failed test.
 */
export const yaml = (): typeof import('yaml') => (loaded ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
let loaded: typeof import('yaml') | undefined;

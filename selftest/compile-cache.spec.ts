import { expect, test } from '@playwright/test';
import { withCompileCache } from '../engine/cli/compile-cache.ts';

/** The CLI hands Playwright's processes a compile cache (Node 22.1+ uses it), unless the user decided otherwise. */
const cases: [string, NodeJS.ProcessEnv, RegExp | string | undefined][] = [
  ['nothing set: beside the contract cache, in the checkout\'s node_modules', { PATH: '/bin' }, /\/node_modules\/\.cache\/auth-conformance\/compiled$/],
  ["the user's own cache folder wins", { NODE_COMPILE_CACHE: '/var/cache/node' }, '/var/cache/node'],
  ["the user's opt-out wins: no cache is set", { NODE_DISABLE_COMPILE_CACHE: '1' }, undefined],
];

for (const [what, env, expected] of cases) {
  test(`compile cache: ${what}`, () => {
    const out = withCompileCache(env);
    if (expected instanceof RegExp) expect(out.NODE_COMPILE_CACHE).toMatch(expected);
    else expect(out.NODE_COMPILE_CACHE).toBe(expected);
    // Everything else passes through untouched.
    expect({ ...out, NODE_COMPILE_CACHE: env.NODE_COMPILE_CACHE }).toEqual({ ...env, NODE_COMPILE_CACHE: env.NODE_COMPILE_CACHE });
  });
}

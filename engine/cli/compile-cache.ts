import nodeModule from 'node:module';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../root.ts';

/**
 * Node 22.1 and later keep V8's compiled code on disk between processes (NODE_COMPILE_CACHE);
 * Node 20 has no such cache and ignores the variable. It matters here because Playwright starts a
 * fresh worker after every failed test, and most of a worker's start is loading Playwright's own
 * bundles (7 MB) and our modules again, compiling them included: against a server that fails many
 * tests, a run is mostly worker starts (`npm run bench` prints the Node version beside the failing-server rows).
 *
 * The cache holds compiled code only, keyed by each file's content and the V8 version, so a changed
 * file is compiled again. A user's own NODE_COMPILE_CACHE, or NODE_DISABLE_COMPILE_CACHE, wins.
 */
export function withCompileCache(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env.NODE_COMPILE_CACHE || env.NODE_DISABLE_COMPILE_CACHE) return env;
  return { ...env, NODE_COMPILE_CACHE: defaultCacheDir() };
}

/** The same cache for this process's modules still to load (Prism's, the biggest, load on demand). */
export function enableCompileCacheHere(env: NodeJS.ProcessEnv): void {
  const enable = (nodeModule as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache;
  const dir = withCompileCache(env).NODE_COMPILE_CACHE;
  if (enable && dir && !env.NODE_DISABLE_COMPILE_CACHE) enable(dir);
}

/**
 * Beside the contract cache, in the checkout's own node_modules: never a shared temporary folder,
 * where another local user could create the folder first and plant compiled code in it.
 */
const defaultCacheDir = (): string => resolve(PROJECT_ROOT, 'node_modules/.cache/auth-conformance/compiled');

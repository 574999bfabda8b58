import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from './support/cli.ts';

/**
 * Every package the code imports is declared in package.json, pinned, and the lock file agrees.
 * Undeclared ones are there only because npm hoists another package's dependencies, and vanish
 * when that package changes its tree (Prism's prism-http and prism-http-server once did this).
 */
const FOLDERS = ['engine', 'suites', 'requirements', 'reference', 'selftest', 'bench', 'tools'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|mts|js|mjs)$/.test(name) ? [p] : [];
  });
}

const packageName = (spec: string): string => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

function importedPackages(): Map<string, string> {
  const found = new Map<string, string>();
  const files = [...FOLDERS.flatMap((f) => sources(join(ROOT, f))), ...readdirSync(ROOT).filter((f) => f.endsWith('.ts')).map((f) => join(ROOT, f))];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\.resolve\(\s*)'([^'.][^']*)'/g)) {
      const spec = m[1]!;
      if (spec.startsWith('node:') || builtinModules.includes(spec)) continue;
      found.set(packageName(spec), file.slice(ROOT.length + 1));
    }
  }
  return found;
}

test('every imported package is declared in package.json with an exact version, as the lock file records it', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies?: Record<string, string> };
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; dependencies?: Record<string, string> }> };
  const declared = { ...pkg.dependencies, ...pkg.devDependencies };
  const imported = importedPackages();
  expect(imported.size).toBeGreaterThan(10);
  const undeclared = [...imported].filter(([name]) => !(name in declared)).map(([name, file]) => `${name} (imported in ${file})`);
  expect(undeclared).toEqual([]);
  for (const [name, version] of Object.entries(declared)) {
    expect(version, `${name} is pinned`).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lock.packages[`node_modules/${name}`]?.version, `package-lock.json installs ${name}@${version}`).toBe(version);
  }
  expect(lock.packages['']?.dependencies, 'package-lock.json lists the same dependencies as package.json').toEqual(pkg.dependencies);
});

test('prism-http and prism-http-server are the versions Prism itself brings', () => {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; dependencies?: Record<string, string> }> };
  const cli = lock.packages['node_modules/@stoplight/prism-cli']!;
  for (const name of ['@stoplight/prism-http', '@stoplight/prism-http-server']) {
    // A second copy nested under prism-cli would mean we load a different Prism than the one it runs.
    expect(lock.packages[`node_modules/@stoplight/prism-cli/node_modules/${name}`], `no second ${name} under prism-cli`).toBeUndefined();
    expect(cli.dependencies?.[name], `prism-cli depends on ${name}`).toBeDefined();
  }
});

test('the pinned Playwright still gives the suites its root test type, without the per-test trace recorder', async () => {
  // engine/root-test.ts falls back to the ordinary test where it is gone: correct, a quarter slower. An upgrade should say so here.
  const { rootTest } = await import('../engine/root-test.ts');
  const playwright = await import('@playwright/test');
  expect(rootTest).not.toBe(playwright.test);
  expect(rootTest).toBe((playwright as unknown as { _baseTest: unknown })._baseTest);
});

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from './support/cli.ts';

/**
 * The layout's promises, held: no module imports itself back through others (type-only imports
 * included: a cycle of types is still two modules that cannot be read apart), and the run's
 * configuration never depends on the reporter that reads it.
 */
const FOLDERS = ['engine', 'suites', 'requirements', 'reference', 'tools'];
const IMPORT = /^(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/gm;

function modules(): Map<string, string[]> {
  const files = FOLDERS.flatMap((f) => (readdirSync(resolve(ROOT, f), { recursive: true }) as string[]).filter((p) => p.endsWith('.ts')).map((p) => resolve(ROOT, f, p)));
  const known = new Set(files);
  return new Map(files.map((file) => [file, [...readFileSync(file, 'utf8').matchAll(IMPORT)]
    .map((m) => resolve(dirname(file), (m[1] ?? m[2])!)).filter((d) => known.has(d))]));
}

function cycles(graph: Map<string, string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const found: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    path.push(file);
    for (const dep of graph.get(file) ?? []) {
      if (state.get(dep) === 'open') found.push([...path.slice(path.indexOf(dep)), dep].map((f) => relative(ROOT, f)).join(' -> '));
      else if (!state.has(dep)) visit(dep);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

test('no import cycle, and nothing under engine/config/ imports engine/reporter/', () => {
  const graph = modules();
  expect(graph.size).toBeGreaterThan(100);
  expect(cycles(graph)).toEqual([]);
  const configToReporter = [...graph].filter(([f]) => relative(ROOT, f).startsWith('engine/config/'))
    .flatMap(([f, deps]) => deps.filter((d) => relative(ROOT, d).startsWith('engine/reporter/')).map((d) => `${relative(ROOT, f)} -> ${relative(ROOT, d)}`));
  expect(configToReporter).toEqual([]);
});

test('the cycle finder finds a cycle', () => {
  const a = resolve(ROOT, 'a.ts');
  const b = resolve(ROOT, 'b.ts');
  expect(cycles(new Map([[a, [b]], [b, [a]]]))).toEqual(['a.ts -> b.ts -> a.ts']);
});

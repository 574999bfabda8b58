/**
 * Where a Playwright worker's (and the global set-up's) start-up goes: run by bench/run.ts in a
 * fresh process (`node --import tsx bench/import-cost.ts`), it imports what they import, one group
 * after another, and prints the time each group added (modules shared with an earlier group are
 * counted there). The first figure is Node plus the tsx loader, until this file ran.
 */
const t0 = performance.now();
const steps: { what: string; ms: number }[] = [{ what: 'node + tsx loader, until the script runs', ms: t0 }];
const step = async (what: string, load: () => Promise<unknown>) => {
  const s = performance.now();
  await load();
  steps.push({ what, ms: performance.now() - s });
};
await step('@playwright/test', () => import('@playwright/test'));
await step('the engine\'s HTTP client (node:http)', () => import('../engine/http/send.ts'));
await step('@faker-js/faker/locale/en', () => import('@faker-js/faker/locale/en'));
await step('ajv 2020 + ajv-formats', async () => {
  await import('ajv/dist/2020.js');
  await import('ajv-formats');
});
await step('requirements registry', () => import('../requirements/index.ts'));
await step('engine (test.ts and the rest)', () => import('../engine/test.ts'));
await step('a suite fixtures file (traq)', () => import('../suites/traq/fixtures.ts').catch(() => undefined));
await step('global set-up: @readme/openapi-parser', () => import('@readme/openapi-parser'));
await step('global set-up: Prism (prism-http, prism-http-server, pino)', async () => {
  await Promise.all([import('@stoplight/prism-http'), import('@stoplight/prism-http-server'), import('pino')]);
});
process.stdout.write(`${JSON.stringify(steps)}\n`);
process.exit(0);

import { test } from '@playwright/test';

// Playwright's own cost, with nothing of ours in it: BENCH_FLOOR_TESTS empty tests.
const count = Number(process.env.BENCH_FLOOR_TESTS ?? 1);
for (let i = 0; i < count; i++) test(`empty ${i}`, () => {});

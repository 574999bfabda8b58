import { rootTest as test } from '../../engine/root-test.ts';

// Playwright's own cost, with nothing of ours in it: BENCH_FLOOR_TESTS empty tests of the test type
// the suites use (engine/test.ts: Playwright's root, without the browser fixtures). With
// BENCH_FLOOR_FAIL=1 every test fails, so Playwright starts a fresh worker after each: the floor
// of a run against a server that fails every test.
const count = Number(process.env.BENCH_FLOOR_TESTS ?? 1);
const fail = process.env.BENCH_FLOOR_FAIL === '1';
for (let i = 0; i < count; i++) {
  test(`empty ${i}`, () => {
    if (fail) throw new Error('fails on purpose');
  });
}

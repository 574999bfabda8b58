import * as playwright from '@playwright/test';

/**
 * Playwright's test without its browser fixtures: the root every Playwright test type extends (its
 * component-testing packages build on it too). The suites use no page, context or request, and
 * the browser test's automatic per-test fixture ("trace recording") cost a quarter of a live run's
 * CPU (2.4 of 9.8 s, every API against the reference servers): its recorder, and a stack captured
 * through source maps at its set-up and teardown of every test. Where a Playwright version does
 * not export it, the ordinary test does the same, slower. This file imports nothing of ours, so the
 * bench's Playwright-alone floor uses the same test type.
 */
export const rootTest = (playwright as unknown as { _baseTest?: typeof playwright.test })._baseTest ?? playwright.test;

import { expect, test } from '@playwright/test';
import { staleFiles } from '../tools/generate.ts';

/** The status requirements and operation ids are the contract's: the checked-in copy may not drift from it. */
test('every generated file is what tools/generate.ts writes from the contracts now', async () => {
  expect(await staleFiles(), 'generated from an older contract: run `npm run generate`').toEqual([]);
});

import { test as base } from '@playwright/test';
import { startReferenceHost, type ReferenceHost } from '../../reference/kit/host.ts';
import { REFERENCES } from '../../reference/index.ts';

/** One reference host per worker, serving every API with every fault on a loopback port. */
export const test = base.extend<{}, { host: ReferenceHost }>({
  host: [async ({}, use) => {
    const host = await startReferenceHost(REFERENCES);
    await use(host);
    await host.close();
  }, { scope: 'worker' }],
});
export { expect } from '@playwright/test';

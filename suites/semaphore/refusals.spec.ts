import { refusalTests } from '../../engine/refusals.ts';
import { test, unknownTokenId } from './fixtures.ts';

/** The refusals the contract's security calls for on the token operations (engine/refusals.ts), after the list served for each credential. */
const refusals = refusalTests(test, {
  api: 'semaphore',
  served: { cookie: ({ flows }) => flows.session(), bearer: async ({ flows }) => (await flows.token()).bearer },
  request: ({ data }, operationId) => (operationId === 'deleteApiToken' ? { params: { api_token_id: unknownTokenId(data) } } : {}),
});

// Registered here, so that each test (and its failure) points at this file.
for (const group of refusals) test.describe(group.title, () => group.tests.forEach((r) => test(r.title, r.details, r.body)));

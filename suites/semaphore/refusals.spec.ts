import { refusalTests } from '../../engine/refusals.ts';
import { test, unknownTokenId } from './fixtures.ts';

/** The refusals the contract's security calls for on the token operations (engine/refusals.ts). */
refusalTests(test, {
  api: 'semaphore',
  request: ({ data }, operationId) => (operationId === 'deleteApiToken' ? { params: { api_token_id: unknownTokenId(data) } } : {}),
});

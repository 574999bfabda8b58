import type { CallOptions } from '../../engine/client.ts';
import { refusalTests, type RefusalFixtures } from '../../engine/refusals.ts';
import type { OperationId } from './contract.generated.ts';
import { test, type Traq } from './fixtures.ts';

type Fixtures = RefusalFixtures<Traq>;

/** What each request carries besides its credentials: one a session would be served. */
const REQUESTS: Partial<Record<OperationId, (fx: Fixtures) => Partial<CallOptions>>> = {
  revokeMySession: ({ data }) => ({ params: { sessionId: data.string.uuid() } }),
  // A provider the server would link for a session, so only the missing credentials can refuse it.
  linkExternalAccount: ({ data, run }) => ({ json: { providerName: run.vars('traq').TRAQ_LINKABLE_PROVIDER || data.word.sample() } }),
  unlinkExternalAccount: ({ data }) => ({ json: { providerName: data.word.sample() } }),
};

/**
 * The refusals the contract's security calls for on every /users/me operation (engine/refusals.ts),
 * after each list served for a session. A bearer token is not tried: the document grants these
 * operations no scope, and traQ grants their permission to the session's user role only.
 */
const refusals = refusalTests(test, {
  api: 'traq',
  request: (fx, operationId) => REQUESTS[operationId]?.(fx) ?? {},
  served: { cookieAuth: ({ flows }) => flows.session() },
});

// Registered here, so that each test (and its failure) points at this file.
for (const group of refusals) test.describe(group.title, () => group.tests.forEach((r) => test(r.title, r.details, r.body)));

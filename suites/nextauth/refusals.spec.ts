import { refusalTests } from '../../engine/refusals.ts';
import type { OperationId } from './contract.generated.ts';
import { test, type NextAuth, type SessionCall } from './fixtures.ts';

/**
 * The account or user a push names. With no key at all, the configured one: a server that skipped
 * the key check would push to it, and so shows it. Otherwise one that exists nowhere, so that a
 * server that wrongly served the request pushes to nobody (and may then answer 404, a refusal too).
 */
function pushedTo(nextauth: NextAuth, operationId: OperationId, configured: boolean): SessionCall | object {
  if (operationId === 'provokeLoginOnAccount') return { accountid: configured ? nextauth.account() : nextauth.unknownAccount() };
  if (operationId === 'provokeLoginOnUser') return { userid: configured ? nextauth.user() : nextauth.unknownUser() };
  return {};
}

/**
 * The refusals the contract's security calls for (engine/refusals.ts): no X-apikey, a forged one,
 * and a forged X-su role beside the genuine key; then the rows every Sessions operation shares.
 */
const refusals = refusalTests(test, {
  api: 'nextauth',
  request: ({ flows }, operationId, refusal) => pushedTo(flows, operationId, refusal?.kind === 'none'),
  genuine: ({ flows }) => flows.key,
  rows: [
    {
      title: '400 when X-nonce is missing',
      expect: 400,
      behaviour: 'needs-nonce',
      request: ({ flows }, operationId) => ({ nonce: null, ...pushedTo(flows, operationId, true) }),
    },
    {
      title: '404 for a server that does not exist',
      expect: 404,
      request: ({ flows }, operationId) => ({ serverid: flows.unknownServer(), ...pushedTo(flows, operationId, false) }),
    },
    {
      // A fresh nonce names no session anybody logged in, and has no last account to push to.
      title: 'refused for a server the API key may not act on: none of its sessions is read, ended or pushed to',
      expect: [403, 404],
      behaviour: 'own-server-only',
      request: ({ flows }, operationId) => ({
        serverid: flows.foreignServer(),
        ...pushedTo(flows, operationId, false),
        ...(operationId === 'provokeLogin' ? { json: flows.userContext() } : {}),
      }),
    },
  ],
});

// Registered here, so that each test (and its failure) points at this file.
for (const group of refusals) test.describe(group.title, () => group.tests.forEach((r) => test(r.title, r.details, r.body)));

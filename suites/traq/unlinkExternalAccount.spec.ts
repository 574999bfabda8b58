import { precondition } from '../../engine/preconditions.ts';
import { expect, expectRefusedOrNoOp, finding, req, test, unaffectedByOther } from './fixtures.ts';

test.describe('unlinkExternalAccount  POST /users/me/ex-accounts/unlink', () => {
  test('204 for a linked provider', { annotation: req('traq:unlinkExternalAccount#204', 'RFC9110-15.3.5') }, async ({ traq, run }) => {
    const { TRAQ_LINKED_PROVIDER } = traq.need('TRAQ_LINKED_PROVIDER');
    traq.needDestructive('unlinking removes an account link this run did not create and cannot restore');
    const session = await traq.session();
    expect(await traq.call('unlinkExternalAccount', { expect: 204, as: session, json: { providerName: TRAQ_LINKED_PROVIDER } })).toConform();
  });

  test('400 for a provider that is not linked', { annotation: req('traq:unlinkExternalAccount#400') }, async ({ traq, data }) => {
    const session = await traq.session();
    expect(await traq.call('unlinkExternalAccount', { expect: 400, as: session, json: { providerName: `cf-not-linked-${data.string.alphanumeric(10)}` } })).toConform();
  });

  test('B unlinking a provider only A has linked leaves A\'s link in place', { annotation: req('traq:unlinkExternalAccount.only-own', 'traq:unlinkExternalAccount.other-user-answered') }, async ({ traq, run }, info) => {
    traq.needState('a link survives another user\'s request');
    // A link cannot be made without the provider's consent page, so the link B aims at is one the run did not create.
    traq.needDestructive('a server that unlinks across users would remove A\'s link, which this run cannot restore');
    const a = await traq.session();
    const b = await traq.second();
    const provider = (id: string) => id.slice(0, id.indexOf(':'));
    const mine = (await traq.linkedAccounts(a)).map(provider);
    const theirs = (await traq.linkedAccounts(b)).map(provider);
    const target = mine.find((p) => !theirs.includes(p));
    precondition(target !== undefined, info, `A (TRAQ_USERNAME) has no linked provider that B (TRAQ_SECOND_USERNAME) has not linked too (A: ${mine.join(', ') || 'none'})`);
    const attack = await traq.call('unlinkExternalAccount', { expect: '4XX', as: b, json: { providerName: target } });
    expectRefusedOrNoOp(attack, 'traq:unlinkExternalAccount.other-user-answered', 204);
    const still = (await traq.linkedAccounts(a)).map(provider).includes(target);
    expect(finding('traq:unlinkExternalAccount.only-own', traq.client.exchanges.slice(-3), unaffectedByOther({ object: `A's link to ${target}`, loss: 'disappeared from A\'s list', before: true, after: still }))).toConform();
  });
});

import { needDestructive, needVariables } from '../../engine/preconditions.ts';
import { anonymous, expect, expectRefused, req, test } from './fixtures.ts';

test.describe('unlinkExternalAccount  POST /users/me/ex-accounts/unlink', () => {
  test('204 for a linked provider', { annotation: req('traq:unlinkExternalAccount#204', 'RFC9110-15.3.5') }, async ({ traq, run }, info) => {
    const { TRAQ_LINKED_PROVIDER } = needVariables(run, 'traq', ['TRAQ_LINKED_PROVIDER'], info);
    needDestructive(run, info, 'unlinking removes an account link this run did not create and cannot restore');
    const session = await traq.session();
    expect(await traq.call('unlinkExternalAccount', { expect: 204, as: session, json: { providerName: TRAQ_LINKED_PROVIDER } })).toConform();
  });

  test('400 for a provider that is not linked', { annotation: req('traq:unlinkExternalAccount#400') }, async ({ traq, data }) => {
    const session = await traq.session();
    expect(await traq.call('unlinkExternalAccount', { expect: 400, as: session, json: { providerName: `cf-not-linked-${data.string.alphanumeric(10)}` } })).toConform();
  });

  test('refused without credentials', { annotation: req('traq:unlinkExternalAccount.requires-credentials') }, async ({ traq, data }) => {
    expectRefused(await traq.call('unlinkExternalAccount', { expect: 401, as: anonymous, json: { providerName: data.word.sample() } }), 'traq:unlinkExternalAccount.requires-credentials');
  });
});

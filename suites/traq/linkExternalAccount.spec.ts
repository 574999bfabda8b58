import { anonymous, expect, expectRefused, req, test } from './fixtures.ts';

test.describe('linkExternalAccount  POST /users/me/ex-accounts/link', () => {
  test('302 to the provider\'s authorization page for an enabled provider', { annotation: req('traq:linkExternalAccount#302', 'RFC9110-10.2.2') }, async ({ traq }) => {
    const { TRAQ_LINKABLE_PROVIDER } = traq.need('TRAQ_LINKABLE_PROVIDER');
    const session = await traq.session();
    expect(await traq.call('linkExternalAccount', { expect: 302, as: session, json: { providerName: TRAQ_LINKABLE_PROVIDER } })).toConform();
  });

  test('400 for a provider the server does not know', { annotation: req('traq:linkExternalAccount#400') }, async ({ traq, data }) => {
    const session = await traq.session();
    expect(await traq.call('linkExternalAccount', { expect: 400, as: session, json: { providerName: `cf-unknown-${data.string.alphanumeric(10)}` } })).toConform();
  });

  test('400 when providerName is missing', { annotation: req('traq:linkExternalAccount#400') }, async ({ traq }) => {
    const session = await traq.session();
    expect(await traq.call('linkExternalAccount', { expect: 400, as: session, json: {} })).toConform();
  });

  test('refused without credentials', { annotation: req('traq:linkExternalAccount.requires-credentials') }, async ({ traq, run, data }) => {
    // A provider the server would link for a session, so only the missing credentials can refuse it.
    const providerName = run.vars('traq').TRAQ_LINKABLE_PROVIDER || data.word.sample();
    expectRefused(await traq.call('linkExternalAccount', { expect: 401, as: anonymous, json: { providerName } }), 'traq:linkExternalAccount.requires-credentials');
  });
});

import { expect, req, test } from './fixtures.ts';

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
});

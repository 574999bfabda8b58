import { needState } from '../../engine/preconditions.ts';
import { anonymous, bearer, expect, expectRefused, req, test } from './fixtures.ts';

test.describe('listApiTokens  GET /user/tokens', () => {
  test('200 with the caller\'s tokens as APIToken[] for a session cookie', { annotation: req('semaphore:listApiTokens#200', 'ASVS-8.2.1') }, async ({ semaphore }) => {
    const session = await semaphore.session();
    expect(await semaphore.call('listApiTokens', { expect: 200, as: session })).toConform();
  });

  test('200 with the caller\'s tokens as APIToken[] for an API token', { annotation: req('semaphore:listApiTokens#200', 'ASVS-8.2.1') }, async ({ semaphore }) => {
    const token = await semaphore.token();
    expect(await semaphore.call('listApiTokens', { expect: 200, as: token.bearer })).toConform();
  });

  test('refused without credentials', { annotation: req('semaphore:listApiTokens.requires-credentials') }, async ({ semaphore }) => {
    expectRefused(await semaphore.call('listApiTokens', { expect: 401, as: anonymous }), 'semaphore:listApiTokens.requires-credentials');
  });

  test('refused for a session cookie the server never issued', { annotation: req('semaphore:listApiTokens.requires-credentials') }, async ({ semaphore, run, data }, info) => {
    needState(run, 'semaphore', info, 'a cookie it never issued is refused (it checks only that one is present)');
    const forged = { label: 'forged session cookie', headers: { cookie: `semaphore=${data.string.alphanumeric(64)}` } };
    expectRefused(await semaphore.call('listApiTokens', { expect: 401, as: forged }), 'semaphore:listApiTokens.requires-credentials');
  });

  test('refused for an API token the server never issued', { annotation: req('semaphore:listApiTokens.requires-credentials') }, async ({ semaphore, run, data }, info) => {
    needState(run, 'semaphore', info, 'a token it never issued is refused (it checks only that one is present)');
    expectRefused(await semaphore.call('listApiTokens', { expect: 401, as: bearer(data.string.alphanumeric({ length: 44, casing: 'lower' })) }), 'semaphore:listApiTokens.requires-credentials');
  });
});

import type { Faker } from '@faker-js/faker';
import { needState } from '../../engine/preconditions.ts';
import { anonymous, bearer, expect, req, test } from './fixtures.ts';

/** An id of the shape Semaphore gives its tokens. */
const unknownTokenId = (data: Faker): string => data.string.alphanumeric({ length: 44, casing: 'lower' });

test.describe('deleteApiToken  DELETE /user/tokens/{api_token_id}', () => {
  test('204 for one of the caller\'s tokens', { annotation: req('semaphore:deleteApiToken#204', 'RFC9110-15.3.5') }, async ({ semaphore }) => {
    const token = await semaphore.token();
    expect(await semaphore.deleteToken(token.owner, token.id, { expect: 204 })).toConform();
  });

  test('afterwards the expired token no longer authenticates', { annotation: req('semaphore:deleteApiToken#204', 'semaphore:deleteApiToken.token-revoked', 'semaphore:listApiTokens#401') }, async ({ semaphore, run }, info) => {
    needState(run, 'semaphore', info, 'an expired token stops working');
    const token = await semaphore.token();
    expect(await semaphore.deleteToken(token.owner, token.id, { expect: 204 })).toConform();
    expect(await semaphore.call('listApiTokens', { expect: 401, as: token.bearer })).toConform({ because: 'semaphore:deleteApiToken.token-revoked' });
  });

  test('404 for an id that names none of the caller\'s tokens', { annotation: req('semaphore:deleteApiToken#404') }, async ({ semaphore, data }) => {
    const session = await semaphore.session();
    expect(await semaphore.deleteToken(session, unknownTokenId(data), { expect: 404 })).toConform();
  });

  test('401 with a challenge without credentials', { annotation: req('semaphore:deleteApiToken#401', 'RFC9110-15.5.2') }, async ({ semaphore, data }) => {
    expect(await semaphore.deleteToken(anonymous, unknownTokenId(data), { expect: 401 })).toConform();
  });

  test('401 with a challenge for a session cookie the server never issued', { annotation: req('semaphore:deleteApiToken#401', 'RFC9110-15.5.2') }, async ({ semaphore, data }) => {
    const forged = { label: 'forged session cookie', headers: { cookie: `semaphore=${data.string.alphanumeric(64)}` } };
    expect(await semaphore.deleteToken(forged, unknownTokenId(data), { expect: 401 })).toConform();
  });

  test('401 with a challenge for an API token the server never issued', { annotation: req('semaphore:deleteApiToken#401', 'RFC9110-15.5.2') }, async ({ semaphore, data }) => {
    const forged = unknownTokenId(data);
    expect(await semaphore.deleteToken(bearer(forged), forged, { expect: 401 })).toConform();
  });
});

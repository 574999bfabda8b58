import { expect, finding, req, test } from './fixtures.ts';
import { notLoggedIn } from './judges.ts';

test.describe('getSession  GET /servers/{serverid}/sessions/', () => {
  test('200 with a LoginStatus for a fresh nonce, not to be cached', { annotation: req('nextauth:getSession#200') }, async ({ nextauth }) => {
    expect(await nextauth.call('getSession', { expect: 200, nonce: nextauth.nonce() })).toConform();
  });

  test('a nonce nobody has logged in with is reported as not logged in', { annotation: req('nextauth:getSession#200', 'nextauth:getSession.fresh-nonce-logged-out') }, async ({ nextauth }) => {
    const status = await nextauth.call('getSession', { expect: 200, nonce: nextauth.nonce() });
    expect(status).toConform();
    expect(finding('nextauth:getSession.fresh-nonce-logged-out', [status], notLoggedIn(status, 'a nonce this run made up is reported as logged in'))).toConform();
  });

  test('200 when X-su names a role the key may assume', { annotation: req('nextauth:getSession#200') }, async ({ nextauth }) => {
    expect(await nextauth.call('getSession', { expect: 200, as: nextauth.role() })).toConform();
  });
});

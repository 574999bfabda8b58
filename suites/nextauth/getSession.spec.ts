import { anonymous, expect, expectRefused, finding, req, test } from './fixtures.ts';
import { notLoggedIn, refused } from './judges.ts';

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

  test('400 when X-nonce is missing', { annotation: req('nextauth:getSession.needs-nonce', 'nextauth:getSession#400') }, async ({ nextauth }) => {
    const ex = await nextauth.call('getSession', { expect: 400, nonce: null });
    expect(finding('nextauth:getSession.needs-nonce', [ex], refused(ex))).toConform();
    expect(ex).toConform();
  });

  test('401 with a challenge without X-apikey', { annotation: req('nextauth:getSession.needs-key', 'nextauth:getSession#401') }, async ({ nextauth }) => {
    const ex = await nextauth.call('getSession', { expect: 401, as: anonymous });
    expect(finding('nextauth:getSession.needs-key', [ex], refused(ex))).toConform();
    expect(ex).toConform();
  });

  test('401 with a challenge for an API key the server never issued', { annotation: req('nextauth:getSession.needs-key', 'nextauth:getSession#401') }, async ({ nextauth }) => {
    const ex = await nextauth.call('getSession', { expect: 401, as: nextauth.forgedKey() });
    expect(finding('nextauth:getSession.needs-key', [ex], refused(ex))).toConform();
    expect(ex).toConform();
  });

  test('403 when X-su names a role the key may not assume', { annotation: req('nextauth:getSession.needs-key', 'nextauth:getSession#403') }, async ({ nextauth }) => {
    const ex = await nextauth.call('getSession', { expect: 403, as: nextauth.forbiddenRole() });
    expect(finding('nextauth:getSession.needs-key', [ex], refused(ex))).toConform();
    expect(ex).toConform();
  });

  test('404 for a server that does not exist', { annotation: req('nextauth:getSession#404') }, async ({ nextauth }) => {
    expect(await nextauth.call('getSession', { expect: 404, serverid: nextauth.unknownServer() })).toConform();
  });

  test('refused for a server the API key may not act on: no login status of its sessions', { annotation: req('nextauth:getSession.own-server-only') }, async ({ nextauth }) => {
    // A fresh nonce: the key names the other server's session, never one somebody logged in.
    expectRefused(await nextauth.call('getSession', { expect: [403, 404], serverid: nextauth.foreignServer() }), 'nextauth:getSession.own-server-only');
  });
});

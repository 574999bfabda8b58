import { anonymous, expect, expectRefused, finding, req, test } from './fixtures.ts';
import { refused } from './judges.ts';

test.describe('logout  POST /servers/{serverid}/sessions/logout', () => {
  test('200 for a session that is not logged in', { annotation: req('nextauth:logout#200') }, async ({ nextauth }) => {
    expect(await nextauth.call('logout', { expect: 200, nonce: nextauth.nonce() })).toConform();
  });

  test('200 for a session whose QR code was just issued', { annotation: req('nextauth:getQrLogin#200', 'nextauth:logout#200') }, async ({ nextauth }) => {
    const nonce = nextauth.nonce();
    expect(await nextauth.call('getQrLogin', { expect: 200, nonce })).toConform();
    expect(await nextauth.call('logout', { expect: 200, nonce })).toConform();
  });

  test('400 when X-nonce is missing', { annotation: req('nextauth:logout.needs-nonce', 'nextauth:logout#400') }, async ({ nextauth }) => {
    const ex = await nextauth.call('logout', { expect: 400, nonce: null });
    expect(finding('nextauth:logout.needs-nonce', [ex], refused(ex))).toConform();
    expect(ex).toConform();
  });

  test('401 with a challenge without X-apikey', { annotation: req('nextauth:logout.needs-key', 'nextauth:logout#401') }, async ({ nextauth }) => {
    const ex = await nextauth.call('logout', { expect: 401, as: anonymous });
    expect(finding('nextauth:logout.needs-key', [ex], refused(ex))).toConform();
    expect(ex).toConform();
  });

  test('401 with a challenge for an API key the server never issued', { annotation: req('nextauth:logout.needs-key', 'nextauth:logout#401') }, async ({ nextauth }) => {
    const ex = await nextauth.call('logout', { expect: 401, as: nextauth.forgedKey() });
    expect(finding('nextauth:logout.needs-key', [ex], refused(ex))).toConform();
    expect(ex).toConform();
  });

  test('403 when X-su names a role the key may not assume', { annotation: req('nextauth:logout.needs-key', 'nextauth:logout#403') }, async ({ nextauth }) => {
    const ex = await nextauth.call('logout', { expect: 403, as: nextauth.forbiddenRole() });
    expect(finding('nextauth:logout.needs-key', [ex], refused(ex))).toConform();
    expect(ex).toConform();
  });

  test('404 for a server that does not exist', { annotation: req('nextauth:logout#404') }, async ({ nextauth }) => {
    expect(await nextauth.call('logout', { expect: 404, serverid: nextauth.unknownServer() })).toConform();
  });

  test('refused for a server the API key may not act on: none of its sessions is ended', { annotation: req('nextauth:logout.own-server-only') }, async ({ nextauth }) => {
    // A fresh nonce, so even a server that wrongly serves the key there ends nobody's login.
    expectRefused(await nextauth.call('logout', { expect: [403, 404], serverid: nextauth.foreignServer() }), 'nextauth:logout.own-server-only');
  });
});

import { anonymous, expect, expectRefused, finding, req, test } from './fixtures.ts';
import { refused } from './judges.ts';

test.describe('provokeLogin  POST /servers/{serverid}/sessions/provokelogin', () => {
  test('200 for a session no account has logged in (nothing to push)', { annotation: req('nextauth:provokeLogin#200') }, async ({ nextauth }) => {
    expect(await nextauth.call('provokeLogin', { expect: 200, nonce: nextauth.nonce() })).toConform();
  });

  test('200 with a UserContext body', { annotation: req('nextauth:provokeLogin#200') }, async ({ nextauth }) => {
    expect(await nextauth.call('provokeLogin', { expect: 200, json: nextauth.userContext() })).toConform();
  });

  test('400 when X-nonce is missing', { annotation: req('nextauth:provokeLogin.needs-nonce', 'nextauth:provokeLogin#400') }, async ({ nextauth }) => {
    const ex = await nextauth.call('provokeLogin', { expect: 400, nonce: null });
    expect(finding('nextauth:provokeLogin.needs-nonce', [ex], refused(ex))).toConform();
    expect(ex).toConform();
  });

  test('400 when the body is not a UserContext', { annotation: req('nextauth:provokeLogin#400') }, async ({ nextauth }) => {
    expect(await nextauth.call('provokeLogin', { expect: 400, json: nextauth.notUserContext() })).toConform();
  });

  test('401 with a challenge without X-apikey', { annotation: req('nextauth:provokeLogin.needs-key', 'nextauth:provokeLogin#401') }, async ({ nextauth }) => {
    const ex = await nextauth.call('provokeLogin', { expect: 401, as: anonymous });
    expect(finding('nextauth:provokeLogin.needs-key', [ex], refused(ex))).toConform();
    expect(ex).toConform();
  });

  test('401 with a challenge for an API key the server never issued', { annotation: req('nextauth:provokeLogin.needs-key', 'nextauth:provokeLogin#401') }, async ({ nextauth }) => {
    const ex = await nextauth.call('provokeLogin', { expect: 401, as: nextauth.forgedKey() });
    expect(finding('nextauth:provokeLogin.needs-key', [ex], refused(ex))).toConform();
    expect(ex).toConform();
  });

  test('403 when X-su names a role the key may not assume', { annotation: req('nextauth:provokeLogin.needs-key', 'nextauth:provokeLogin#403') }, async ({ nextauth }) => {
    const ex = await nextauth.call('provokeLogin', { expect: 403, as: nextauth.forbiddenRole() });
    expect(finding('nextauth:provokeLogin.needs-key', [ex], refused(ex))).toConform();
    expect(ex).toConform();
  });

  test('404 for a server that does not exist', { annotation: req('nextauth:provokeLogin#404') }, async ({ nextauth }) => {
    expect(await nextauth.call('provokeLogin', { expect: 404, serverid: nextauth.unknownServer() })).toConform();
  });

  test('refused for a server the API key may not act on: nothing is pushed for its sessions', { annotation: req('nextauth:provokeLogin.own-server-only') }, async ({ nextauth }) => {
    // A fresh nonce has no last account, so even a server that wrongly serves the key there pushes nothing.
    expectRefused(await nextauth.call('provokeLogin', { expect: [403, 404], serverid: nextauth.foreignServer(), json: nextauth.userContext() }), 'nextauth:provokeLogin.own-server-only');
  });
});

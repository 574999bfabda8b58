import { anonymous, expect, expectRefused, finding, req, test } from './fixtures.ts';
import { notLoggedIn, refused } from './judges.ts';

test.describe('provokeLoginOnUser  POST /servers/{serverid}/users/{userid}/provokelogin', () => {
  test('200 for a push to a known user, with a UserContext body', { annotation: req('nextauth:provokeLoginOnUser#200') }, async ({ nextauth }) => {
    expect(await nextauth.call('provokeLoginOnUser', { expect: 200, userid: nextauth.user(), json: nextauth.userContext() })).toConform();
  });

  test('a pushed login leaves the session logged out until the user confirms it', { annotation: req('nextauth:provokeLoginOnUser#200', 'nextauth:getSession#200', 'nextauth:provokeLoginOnUser.awaits-confirmation') }, async ({ nextauth }) => {
    const userid = nextauth.user();
    nextauth.needState('a pushed login leaves the session logged out');
    const nonce = nextauth.nonce();
    const push = await nextauth.call('provokeLoginOnUser', { expect: 200, nonce, userid });
    expect(push).toConform();
    const status = await nextauth.call('getSession', { expect: 200, nonce });
    expect(status).toConform();
    expect(finding('nextauth:provokeLoginOnUser.awaits-confirmation', [push, status], notLoggedIn(status, 'the session is logged in right after the push, before anyone could confirm it'))).toConform();
  });

  test('400 when X-nonce is missing', { annotation: req('nextauth:provokeLoginOnUser.needs-nonce', 'nextauth:provokeLoginOnUser#400') }, async ({ nextauth }) => {
    const ex = await nextauth.call('provokeLoginOnUser', { expect: 400, nonce: null, userid: nextauth.user() });
    expect(finding('nextauth:provokeLoginOnUser.needs-nonce', [ex], refused(ex))).toConform();
    expect(ex).toConform();
  });

  test('400 when the body is not a UserContext', { annotation: req('nextauth:provokeLoginOnUser#400') }, async ({ nextauth }) => {
    expect(await nextauth.call('provokeLoginOnUser', { expect: 400, userid: nextauth.user(), json: nextauth.notUserContext() })).toConform();
  });

  test('401 with a challenge without X-apikey', { annotation: req('nextauth:provokeLoginOnUser.needs-key', 'nextauth:provokeLoginOnUser#401') }, async ({ nextauth }) => {
    // The configured user: a server that skipped the key check would push to it, and so shows it.
    const ex = await nextauth.call('provokeLoginOnUser', { expect: 401, as: anonymous, userid: nextauth.user() });
    expect(finding('nextauth:provokeLoginOnUser.needs-key', [ex], refused(ex))).toConform();
    expect(ex).toConform();
  });

  test('401 with a challenge for an API key the server never issued', { annotation: req('nextauth:provokeLoginOnUser.needs-key', 'nextauth:provokeLoginOnUser#401') }, async ({ nextauth }) => {
    const ex = await nextauth.call('provokeLoginOnUser', { expect: 401, as: nextauth.forgedKey(), userid: nextauth.unknownUser() });
    expect(finding('nextauth:provokeLoginOnUser.needs-key', [ex], refused(ex))).toConform();
    expect(ex).toConform();
  });

  test('403 when X-su names a role the key may not assume', { annotation: req('nextauth:provokeLoginOnUser.needs-key', 'nextauth:provokeLoginOnUser#403') }, async ({ nextauth }) => {
    const ex = await nextauth.call('provokeLoginOnUser', { expect: 403, as: nextauth.forbiddenRole(), userid: nextauth.unknownUser() });
    expect(finding('nextauth:provokeLoginOnUser.needs-key', [ex], refused(ex))).toConform();
    expect(ex).toConform();
  });

  test('404 for a server that does not exist', { annotation: req('nextauth:provokeLoginOnUser#404') }, async ({ nextauth }) => {
    expect(await nextauth.call('provokeLoginOnUser', { expect: 404, serverid: nextauth.unknownServer(), userid: nextauth.unknownUser() })).toConform();
  });

  test('404 for a user that does not exist', { annotation: req('nextauth:provokeLoginOnUser#404') }, async ({ nextauth }) => {
    expect(await nextauth.call('provokeLoginOnUser', { expect: 404, userid: nextauth.unknownUser() })).toConform();
  });

  test('refused for a server the API key may not act on: nothing is pushed to its users', { annotation: req('nextauth:provokeLoginOnUser.own-server-only') }, async ({ nextauth }) => {
    // A user that exists nowhere: a server that wrongly serves the key there pushes to nobody
    // (and, finding no user, may then answer 404: a refusal this scenario cannot tell apart).
    expectRefused(await nextauth.call('provokeLoginOnUser', { expect: [403, 404], serverid: nextauth.foreignServer(), userid: nextauth.unknownUser() }), 'nextauth:provokeLoginOnUser.own-server-only');
  });
});

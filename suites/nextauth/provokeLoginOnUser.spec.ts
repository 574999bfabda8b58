import { expect, finding, req, test } from './fixtures.ts';
import { notLoggedIn } from './judges.ts';

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

  test('400 when the body is not a UserContext', { annotation: req('nextauth:provokeLoginOnUser#400') }, async ({ nextauth }) => {
    expect(await nextauth.call('provokeLoginOnUser', { expect: 400, userid: nextauth.user(), json: nextauth.notUserContext() })).toConform();
  });

  test('404 for a user that does not exist', { annotation: req('nextauth:provokeLoginOnUser#404') }, async ({ nextauth }) => {
    expect(await nextauth.call('provokeLoginOnUser', { expect: 404, userid: nextauth.unknownUser() })).toConform();
  });
});

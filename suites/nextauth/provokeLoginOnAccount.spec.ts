import { expect, finding, req, test } from './fixtures.ts';
import { notLoggedIn } from './judges.ts';

test.describe('provokeLoginOnAccount  POST /servers/{serverid}/accounts/{accountid}/provokelogin', () => {
  test('200 for a push to a known account, with a UserContext body', { annotation: req('nextauth:provokeLoginOnAccount#200') }, async ({ nextauth }) => {
    expect(await nextauth.call('provokeLoginOnAccount', { expect: 200, accountid: nextauth.account(), json: nextauth.userContext() })).toConform();
  });

  test('a pushed login leaves the session logged out until the user confirms it', { annotation: req('nextauth:provokeLoginOnAccount#200', 'nextauth:getSession#200', 'nextauth:provokeLoginOnAccount.awaits-confirmation') }, async ({ nextauth }) => {
    const accountid = nextauth.account();
    nextauth.needState('a pushed login leaves the session logged out');
    const nonce = nextauth.nonce();
    const push = await nextauth.call('provokeLoginOnAccount', { expect: 200, nonce, accountid });
    expect(push).toConform();
    const status = await nextauth.call('getSession', { expect: 200, nonce });
    expect(status).toConform();
    expect(finding('nextauth:provokeLoginOnAccount.awaits-confirmation', [push, status], notLoggedIn(status, 'the session is logged in right after the push, before anyone could confirm it'))).toConform();
  });

  test('400 when accountid is not an integer', { annotation: req('nextauth:provokeLoginOnAccount#400') }, async ({ nextauth, data }) => {
    expect(await nextauth.call('provokeLoginOnAccount', { expect: 400, accountid: `cf-${data.string.alpha(10)}` })).toConform();
  });

  test('400 when the body is not a UserContext', { annotation: req('nextauth:provokeLoginOnAccount#400') }, async ({ nextauth }) => {
    expect(await nextauth.call('provokeLoginOnAccount', { expect: 400, accountid: nextauth.account(), json: nextauth.notUserContext() })).toConform();
  });

  test('404 for an account that does not exist', { annotation: req('nextauth:provokeLoginOnAccount#404') }, async ({ nextauth }) => {
    expect(await nextauth.call('provokeLoginOnAccount', { expect: 404, accountid: nextauth.unknownAccount() })).toConform();
  });
});

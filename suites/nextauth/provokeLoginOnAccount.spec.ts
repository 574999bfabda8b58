import { anonymous, expect, expectRefused, finding, req, test } from './fixtures.ts';
import { notLoggedIn, refused } from './judges.ts';

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

  test('400 when X-nonce is missing', { annotation: req('nextauth:provokeLoginOnAccount.needs-nonce', 'nextauth:provokeLoginOnAccount#400') }, async ({ nextauth }) => {
    const ex = await nextauth.call('provokeLoginOnAccount', { expect: 400, nonce: null, accountid: nextauth.account() });
    expect(finding('nextauth:provokeLoginOnAccount.needs-nonce', [ex], refused(ex))).toConform();
    expect(ex).toConform();
  });

  test('400 when accountid is not an integer', { annotation: req('nextauth:provokeLoginOnAccount#400') }, async ({ nextauth, data }) => {
    expect(await nextauth.call('provokeLoginOnAccount', { expect: 400, accountid: `cf-${data.string.alpha(10)}` })).toConform();
  });

  test('400 when the body is not a UserContext', { annotation: req('nextauth:provokeLoginOnAccount#400') }, async ({ nextauth }) => {
    expect(await nextauth.call('provokeLoginOnAccount', { expect: 400, accountid: nextauth.account(), json: nextauth.notUserContext() })).toConform();
  });

  test('401 with a challenge without X-apikey', { annotation: req('nextauth:provokeLoginOnAccount.needs-key', 'nextauth:provokeLoginOnAccount#401') }, async ({ nextauth }) => {
    // The configured account: a server that skipped the key check would push to it, and so shows it.
    const ex = await nextauth.call('provokeLoginOnAccount', { expect: 401, as: anonymous, accountid: nextauth.account() });
    expect(finding('nextauth:provokeLoginOnAccount.needs-key', [ex], refused(ex))).toConform();
    expect(ex).toConform();
  });

  test('401 with a challenge for an API key the server never issued', { annotation: req('nextauth:provokeLoginOnAccount.needs-key', 'nextauth:provokeLoginOnAccount#401') }, async ({ nextauth }) => {
    const ex = await nextauth.call('provokeLoginOnAccount', { expect: 401, as: nextauth.forgedKey(), accountid: nextauth.unknownAccount() });
    expect(finding('nextauth:provokeLoginOnAccount.needs-key', [ex], refused(ex))).toConform();
    expect(ex).toConform();
  });

  test('403 when X-su names a role the key may not assume', { annotation: req('nextauth:provokeLoginOnAccount.needs-key', 'nextauth:provokeLoginOnAccount#403') }, async ({ nextauth }) => {
    const ex = await nextauth.call('provokeLoginOnAccount', { expect: 403, as: nextauth.forbiddenRole(), accountid: nextauth.unknownAccount() });
    expect(finding('nextauth:provokeLoginOnAccount.needs-key', [ex], refused(ex))).toConform();
    expect(ex).toConform();
  });

  test('404 for a server that does not exist', { annotation: req('nextauth:provokeLoginOnAccount#404') }, async ({ nextauth }) => {
    expect(await nextauth.call('provokeLoginOnAccount', { expect: 404, serverid: nextauth.unknownServer(), accountid: nextauth.unknownAccount() })).toConform();
  });

  test('404 for an account that does not exist', { annotation: req('nextauth:provokeLoginOnAccount#404') }, async ({ nextauth }) => {
    expect(await nextauth.call('provokeLoginOnAccount', { expect: 404, accountid: nextauth.unknownAccount() })).toConform();
  });

  test('refused for a server the API key may not act on: nothing is pushed to its accounts', { annotation: req('nextauth:provokeLoginOnAccount.own-server-only') }, async ({ nextauth }) => {
    // An account that exists nowhere: a server that wrongly serves the key there pushes to nobody
    // (and, finding no account, may then answer 404: a refusal this scenario cannot tell apart).
    expectRefused(await nextauth.call('provokeLoginOnAccount', { expect: [403, 404], serverid: nextauth.foreignServer(), accountid: nextauth.unknownAccount() }), 'nextauth:provokeLoginOnAccount.own-server-only');
  });
});

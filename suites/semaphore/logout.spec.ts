import { precondition } from '../../engine/preconditions.ts';
import { clearsSessionCookie } from '../../engine/checks/cookie-checks.ts';
import { effectUnjudged, unaffectedByOther } from '../../engine/checks/cross-identity.ts';
import { expect, expectRefused, finding, req, sessionFrom, test } from './fixtures.ts';

test.describe('logout  POST /auth/logout', () => {
  test('204 for a session', { annotation: req('semaphore:logout#204', 'RFC9110-15.3.5') }, async ({ semaphore }) => {
    const session = await semaphore.session();
    expect(await semaphore.call('logout', { expect: 204, as: session })).toConform();
  });

  // No scenario for a logout without a session: the document requires credentials for it (line
  // 897) but names no answer without them, and any answer harms nobody.

  test('afterwards the old session cookie no longer authenticates', { annotation: req('semaphore:logout#204', 'semaphore:logout.ends-session') }, async ({ semaphore }) => {
    semaphore.needState('a logged-out session stops working');
    const session = await semaphore.session();
    expect(await semaphore.call('logout', { expect: 204, as: session })).toConform();
    expectRefused(await semaphore.call('listApiTokens', { expect: 401, as: session }), 'semaphore:logout.ends-session');
  });

  test('the cookie that clears the session has the session cookie\'s Domain and Path', { annotation: req('semaphore:logout#204', 'RFC6265-5.3') }, async ({ semaphore }, info) => {
    const login = await semaphore.login(semaphore.user, { expect: 204 });
    const session = sessionFrom(login);
    precondition(session !== undefined, info, 'the login set no session cookie; see semaphore:login.session-works');
    const ex = await semaphore.call('logout', { expect: 204, as: session });
    expect(ex).toConform();
    expect(finding('RFC6265-5.3', [login, ex], clearsSessionCookie(login, ex, semaphore.contract))).toConform();
  });

  test('another user\'s logout leaves A\'s session working', { annotation: req('semaphore:logout#204', 'semaphore:logout.only-own') }, async ({ semaphore }) => {
    semaphore.needState('another user\'s logout leaves A\'s session working');
    const b = await semaphore.second();
    const a = await semaphore.session();
    const before = await semaphore.probe(a);
    const ex = await semaphore.call('logout', { expect: 204, as: b });
    expect(ex).toConform();
    const after = await semaphore.probe(a);
    const effect = { object: 'A\'s session', loss: 'stopped authenticating', before: before.works, after: after.works };
    expect(finding('semaphore:logout.only-own', [ex, after.exchange], unaffectedByOther(effect), effectUnjudged(effect))).toConform();
  });
});

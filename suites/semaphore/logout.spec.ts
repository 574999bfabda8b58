import { cookieSessionLogoutTests } from '../../engine/scenarios/cookie-session.ts';
import { effectUnjudged, unaffectedByOther } from '../../engine/checks/cross-identity.ts';
import { expect, finding, req, SESSION, test } from './fixtures.ts';

test.describe('logout  POST /auth/logout', () => {
  cookieSessionLogoutTests(SESSION).forEach((t) => test(t.title, t.details, t.body));

  // No scenario for a logout without a session: the document requires credentials for it (line
  // 897) but names no answer without them, and any answer harms nobody.

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

import { needState } from '../../engine/preconditions.ts';
import { expect, expectRefused, req, test } from './fixtures.ts';

test.describe('logout  POST /auth/logout', () => {
  test('204 for a session', { annotation: req('semaphore:logout#204', 'RFC9110-15.3.5') }, async ({ semaphore }) => {
    const session = await semaphore.session();
    expect(await semaphore.call('logout', { expect: 204, as: session })).toConform();
  });

  // No scenario for a logout without a session: the document requires credentials for it (line
  // 897) but names no answer without them, and any answer harms nobody.

  test('afterwards the old session cookie no longer authenticates', { annotation: req('semaphore:logout#204', 'semaphore:logout.ends-session') }, async ({ semaphore, run }, info) => {
    needState(run, 'semaphore', info, 'a logged-out session stops working');
    const session = await semaphore.session();
    expect(await semaphore.call('logout', { expect: 204, as: session })).toConform();
    expectRefused(await semaphore.call('listApiTokens', { expect: 401, as: session }), 'semaphore:logout.ends-session');
  });
});

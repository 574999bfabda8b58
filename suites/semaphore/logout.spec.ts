import { needState } from '../../engine/preconditions.ts';
import { anonymous, expect, req, test } from './fixtures.ts';

test.describe('logout  POST /auth/logout', () => {
  test('204 for a session', { annotation: req('semaphore:logout#204', 'RFC9110-15.3.5') }, async ({ semaphore }) => {
    const session = await semaphore.session();
    expect(await semaphore.call('logout', { expect: 204, as: session })).toConform();
  });

  test('204 without a session (a logout needs none)', { annotation: req('semaphore:logout#204', 'RFC9110-15.3.5') }, async ({ semaphore }) => {
    expect(await semaphore.call('logout', { expect: 204, as: anonymous })).toConform();
  });

  test('afterwards the old session cookie no longer authenticates', { annotation: req('semaphore:logout#204', 'semaphore:logout.ends-session', 'semaphore:listApiTokens#401') }, async ({ semaphore, run }, info) => {
    needState(run, 'semaphore', info, 'a logged-out session stops working');
    const session = await semaphore.session();
    expect(await semaphore.call('logout', { expect: 204, as: session })).toConform();
    expect(await semaphore.call('listApiTokens', { expect: 401, as: session })).toConform({ because: 'semaphore:logout.ends-session' });
  });
});

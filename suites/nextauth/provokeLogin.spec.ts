import { expect, req, test } from './fixtures.ts';

test.describe('provokeLogin  POST /servers/{serverid}/sessions/provokelogin', () => {
  test('200 for a session no account has logged in (nothing to push)', { annotation: req('nextauth:provokeLogin#200') }, async ({ nextauth }) => {
    expect(await nextauth.call('provokeLogin', { expect: 200, nonce: nextauth.nonce() })).toConform();
  });

  test('200 with a UserContext body', { annotation: req('nextauth:provokeLogin#200') }, async ({ nextauth }) => {
    expect(await nextauth.call('provokeLogin', { expect: 200, json: nextauth.userContext() })).toConform();
  });

  test('400 when the body is not a UserContext', { annotation: req('nextauth:provokeLogin#400') }, async ({ nextauth }) => {
    expect(await nextauth.call('provokeLogin', { expect: 400, json: nextauth.notUserContext() })).toConform();
  });
});

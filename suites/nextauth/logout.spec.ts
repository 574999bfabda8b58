import { expect, req, test } from './fixtures.ts';

test.describe('logout  POST /servers/{serverid}/sessions/logout', () => {
  test('200 for a session that is not logged in', { annotation: req('nextauth:logout#200') }, async ({ nextauth }) => {
    expect(await nextauth.call('logout', { expect: 200, nonce: nextauth.nonce() })).toConform();
  });

  test('200 for a session whose QR code was just issued', { annotation: req('nextauth:getQrLogin#200', 'nextauth:logout#200') }, async ({ nextauth }) => {
    const nonce = nextauth.nonce();
    expect(await nextauth.call('getQrLogin', { expect: 200, nonce })).toConform();
    expect(await nextauth.call('logout', { expect: 200, nonce })).toConform();
  });
});

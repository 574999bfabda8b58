import { bodyBytes } from '../../engine/http/exchange.ts';
import { expect, finding, req, test } from './fixtures.ts';
import { qrDiffers, qrMatchesSession } from './judges.ts';
import { readPng, sizeViolations } from './png.ts';

test.describe('getQrLogin  GET /servers/{serverid}/sessions/qr/login', () => {
  test('200 with the raw QR data as application/octet-stream, not to be cached', { annotation: req('nextauth:getQrLogin#200') }, async ({ nextauth }) => {
    expect(await nextauth.call('getQrLogin', { expect: 200 })).toConform();
  });

  test('200 with the raw QR data when the GET carries a UserContext body', { annotation: req('nextauth:getQrLogin#200') }, async ({ nextauth }) => {
    expect(await nextauth.call('getQrLogin', { expect: 200, json: nextauth.userContext() })).toConform();
  });

  test('with img=png and s, a PNG image s pixels wide and high', { annotation: req('nextauth:getQrLogin#200', 'nextauth:getQrLogin.png', 'nextauth:getQrLogin.png-size') }, async ({ nextauth, data }) => {
    nextauth.needState('a PNG of the requested size comes back');
    const s = data.number.int({ min: 32, max: 480 });
    const ex = await nextauth.call('getQrLogin', { expect: 200, query: { img: 'png', s } });
    expect(ex).toConform();
    const png = readPng(bodyBytes(ex.response!));
    expect(finding('nextauth:getQrLogin.png', [ex], png.violations)).toConform();
    expect(finding('nextauth:getQrLogin.png-size', [ex], sizeViolations(png, s))).toConform();
  });

  test('with img=png and no s, a PNG image 500 pixels wide and high', { annotation: req('nextauth:getQrLogin#200', 'nextauth:getQrLogin.png', 'nextauth:getQrLogin.png-size') }, async ({ nextauth }) => {
    nextauth.needState('a PNG of the default size comes back');
    const ex = await nextauth.call('getQrLogin', { expect: 200, query: { img: 'png' } });
    expect(ex).toConform();
    const png = readPng(bodyBytes(ex.response!));
    expect(finding('nextauth:getQrLogin.png', [ex], png.violations)).toConform();
    expect(finding('nextauth:getQrLogin.png-size', [ex], sizeViolations(png, 500))).toConform();
  });

  test('the raw QR data is the loginqrdata getSession reports for the same nonce', { annotation: req('nextauth:getQrLogin#200', 'nextauth:getSession#200', 'nextauth:getQrLogin.matches-session') }, async ({ nextauth }) => {
    const nonce = nextauth.nonce();
    const qr = await nextauth.call('getQrLogin', { expect: 200, nonce });
    expect(qr).toConform();
    const session = await nextauth.call('getSession', { expect: 200, nonce });
    expect(session).toConform();
    expect(finding('nextauth:getQrLogin.matches-session', [qr, session], qrMatchesSession(qr, session))).toConform();
  });

  test('two nonces get different QR data', { annotation: req('nextauth:getQrLogin#200', 'nextauth:getQrLogin.nonce-bound') }, async ({ nextauth }) => {
    nextauth.needState('QR data depends on the nonce');
    const first = await nextauth.call('getQrLogin', { expect: 200, nonce: nextauth.nonce() });
    expect(first).toConform();
    const second = await nextauth.call('getQrLogin', { expect: 200, nonce: nextauth.nonce() });
    expect(second).toConform();
    expect(finding('nextauth:getQrLogin.nonce-bound', [first, second], qrDiffers(first, second))).toConform();
  });

  test('400 when s is zero', { annotation: req('nextauth:getQrLogin#400') }, async ({ nextauth }) => {
    expect(await nextauth.call('getQrLogin', { expect: 400, query: { img: 'png', s: 0 } })).toConform();
  });

  test('400 when s is negative', { annotation: req('nextauth:getQrLogin#400') }, async ({ nextauth, data }) => {
    expect(await nextauth.call('getQrLogin', { expect: 400, query: { img: 'png', s: -data.number.int({ min: 1, max: 500 }) } })).toConform();
  });

  test('400 when s is not a number', { annotation: req('nextauth:getQrLogin#400') }, async ({ nextauth, data }) => {
    expect(await nextauth.call('getQrLogin', { expect: 400, query: { img: 'png', s: data.word.sample() } })).toConform();
  });

  test('400 when the body is not a UserContext', { annotation: req('nextauth:getQrLogin#400') }, async ({ nextauth }) => {
    expect(await nextauth.call('getQrLogin', { expect: 400, json: nextauth.notUserContext() })).toConform();
  });
});

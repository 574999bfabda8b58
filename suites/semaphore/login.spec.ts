import { precondition } from '../../engine/preconditions.ts';
import { cookieSessionLoginTests } from '../../engine/scenarios/cookie-session.ts';
import { indistinguishableRefusals } from '../../engine/checks/enumeration.ts';
import type { Exchange } from '../../engine/http/exchange.ts';
import { expect, expectRefused, finding, req, SESSION, setsNoSession, test } from './fixtures.ts';

const refused = (ex: Exchange): boolean => ex.response !== undefined && ex.response.status >= 400 && ex.response.status < 500;

/** A password that is not the user's. */
const wrongPassword = (s: string) => `wrong-${s}`;

test.describe('login  POST /auth/login', () => {
  cookieSessionLoginTests(SESSION).forEach((t) => test(t.title, t.details, t.body));

  test('a wrong password and an unknown user are refused alike', { annotation: req('WSTG-IDNT-04') }, async ({ semaphore, data }, info) => {
    semaphore.needState('refusals can be told apart (it documents no refusal to force, and checks no password)');
    semaphore.needWrongPasswordLogins('SEMAPHORE_USERNAME');
    const password = wrongPassword(data.string.alphanumeric(16));
    const unknown = [`cf-${data.string.alphanumeric(20)}`, `cf-${data.string.alphanumeric(20)}`];
    const wrong = await semaphore.login({ auth: semaphore.user.auth, password }, { expect: 401 });
    const first = await semaphore.login({ auth: unknown[0], password }, { expect: 401 });
    const again = await semaphore.login({ auth: unknown[1], password }, { expect: 401 });
    // Only refusals are compared; a wrong login that succeeds is semaphore:login.refuses-wrong-password's finding.
    precondition([wrong, first, again].every(refused), info, 'a login with wrong credentials was not refused with a 4xx; see semaphore:login.refuses-wrong-password');
    expect(finding('WSTG-IDNT-04', [wrong, first, again], indistinguishableRefusals({
      refusals: [{ case: 'wrong password', exchange: wrong }, { case: 'unknown user', exchange: first }],
      repeat: { case: 'unknown user', exchange: again },
      names: [semaphore.user.auth, ...unknown],
    }))).toConform();
  });

  test('400 for a body that is not JSON', { annotation: req('semaphore:login#400') }, async ({ semaphore }) => {
    semaphore.needLive('Prism answers malformed JSON with a body of its own, even when asked for the documented 400');
    expect(await semaphore.login({ raw: `{"auth": "${semaphore.user.auth}", "password": ` }, { expect: 400 })).toConform();
  });

  test('400 when the password is missing', { annotation: req('semaphore:login#400') }, async ({ semaphore }) => {
    expect(await semaphore.login({ auth: semaphore.user.auth }, { expect: 400 })).toConform();
  });

  test('400 when the login name is missing', { annotation: req('semaphore:login#400') }, async ({ semaphore }) => {
    expect(await semaphore.login({ password: semaphore.user.password }, { expect: 400 })).toConform();
  });

  test('refused, with no session, for a wrong password', { annotation: req('semaphore:login.refuses-wrong-password') }, async ({ semaphore, data }) => {
    semaphore.needState('wrong credentials are refused (it documents no refusal to force, and checks no password)');
    semaphore.needWrongPasswordLogins('SEMAPHORE_USERNAME');
    const ex = await semaphore.login({ auth: semaphore.user.auth, password: wrongPassword(data.string.alphanumeric(16)) }, { expect: 401 });
    expectRefused(ex, 'semaphore:login.refuses-wrong-password', setsNoSession(ex, semaphore.contract));
  });

  test('refused, with no session, for an unknown user', { annotation: req('semaphore:login.refuses-wrong-password') }, async ({ semaphore, data }) => {
    semaphore.needState('wrong credentials are refused (it documents no refusal to force, and checks no password)');
    const ex = await semaphore.login({ auth: `cf-${data.string.alphanumeric(20)}`, password: wrongPassword(data.string.alphanumeric(16)) }, { expect: 401 });
    expectRefused(ex, 'semaphore:login.refuses-wrong-password', setsNoSession(ex, semaphore.contract));
  });
});

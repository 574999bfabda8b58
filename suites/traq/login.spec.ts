import { precondition } from '../../engine/preconditions.ts';
import { REDIRECT_ATTACKS } from '../../engine/attacks/redirects.ts';
import { indistinguishableRefusals, type Refusal } from '../../engine/checks/enumeration.ts';
import { cookieSessionLoginTests } from '../../engine/scenarios/cookie-session.ts';
import { setsSessionCookie } from '../../engine/sessions.ts';
import { expect, finding, req, SESSION, test } from './fixtures.ts';

/** A name that matches the contract's pattern but belongs to nobody. */
const unknownName = (word: string) => `cf-${word}`.slice(0, 32);
/** A password of the contract's shape (10–32 printable characters) that is not the user's. */
const wrongPassword = (s: string) => `wrong-${s}`.slice(0, 32);

test.describe('login  POST /login', () => {
  cookieSessionLoginTests(SESSION).forEach((t) => test(t.title, t.details, t.body));

  test('302 with Location and the cookie when ?redirect= is given', { annotation: req('traq:login#302', 'traq:login.session-works', 'RFC9110-10.2.2', 'RFC6265-4.1', 'ASVS-8.2.1') }, async ({ traq }) => {
    const ex = await traq.login(traq.user, { expect: 302, redirect: '/channels/general' });
    expect(ex).toConform();
    expect(setsSessionCookie(ex, traq.scheme.cookie, 'traq:login.session-works')).toConform();
  });

  for (const attack of REDIRECT_ATTACKS) {
    test(`a ?redirect= with ${attack.name} does not send the user elsewhere`, { annotation: req('ASVS-5.1.5') }, async ({ traq }) => {
      expect(await traq.login(traq.user, { expect: 302, redirect: attack.value })).toConform({ only: ['ASVS-5.1.5'] });
    });
  }

  test('400 when the body is missing', { annotation: req('traq:login#400') }, async ({ traq }) => {
    expect(await traq.login(undefined, { expect: 400 })).toConform();
  });

  test('400 when the name breaks the pattern', { annotation: req('traq:login#400') }, async ({ traq, data }) => {
    const name = `${data.word.sample()} ${data.word.sample()}!`;
    expect(await traq.login({ name, password: traq.user.password }, { expect: 400 })).toConform();
  });

  test('401 with a challenge for a wrong password', { annotation: req('traq:login#401', 'RFC9110-15.5.2') }, async ({ traq, data }) => {
    traq.needWrongPasswordLogins('TRAQ_USERNAME');
    expect(await traq.login({ name: traq.user.name, password: wrongPassword(data.string.alphanumeric(16)) }, { expect: 401 })).toConform();
  });

  test('401 with a challenge for an unknown user', { annotation: req('traq:login#401', 'RFC9110-15.5.2') }, async ({ traq, data }) => {
    expect(await traq.login({ name: unknownName(data.string.alphanumeric(20)), password: wrongPassword(data.string.alphanumeric(16)) }, { expect: 401 })).toConform();
  });

  test('an unknown user, a wrong password and a suspended account with a wrong password are refused alike', { annotation: req('WSTG-IDNT-04') }, async ({ traq, data, run }, info) => {
    traq.needWrongPasswordLogins('TRAQ_USERNAME');
    const attempt = async (name: string) => traq.login({ name, password: wrongPassword(data.string.alphanumeric(16)) }, { expect: 401 });
    const unknown = [unknownName(data.string.alphanumeric(20)), unknownName(data.string.alphanumeric(20))];
    const refusals: Refusal[] = [
      { case: 'wrong password', exchange: await attempt(traq.user.name) },
      { case: 'unknown user', exchange: await attempt(unknown[0]!) },
    ];
    // The suspended account gets a wrong password: the document's 403 is for its right one, so a 403 here tells that the account exists.
    const { TRAQ_SUSPENDED_USERNAME: suspended } = run.vars('traq');
    if (suspended) refusals.push({ case: 'suspended account (wrong password)', exchange: await attempt(suspended) });
    const repeat: Refusal = { case: 'unknown user', exchange: await attempt(unknown[1]!) };
    // Only refusals are compared; a wrong login that succeeds is traq:login#401's finding.
    const all = [...refusals.map((r) => r.exchange), repeat.exchange];
    precondition(all.every((e) => e.response !== undefined && e.response.status >= 400 && e.response.status < 500), info, 'a login with wrong credentials was not refused with a 4xx; see traq:login#401');
    const names = [traq.user.name, ...unknown, ...(suspended ? [suspended] : [])];
    expect(finding('WSTG-IDNT-04', all, indistinguishableRefusals({ refusals, repeat, names }))).toConform();
  });

  test('403 for a suspended account', { annotation: req('traq:login#403') }, async ({ traq }) => {
    const v = traq.need('TRAQ_SUSPENDED_USERNAME', 'TRAQ_SUSPENDED_PASSWORD');
    expect(await traq.login({ name: v.TRAQ_SUSPENDED_USERNAME!, password: v.TRAQ_SUSPENDED_PASSWORD! }, { expect: 403 })).toConform();
  });
});

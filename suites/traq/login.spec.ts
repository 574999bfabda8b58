import { needState, precondition, needVariables, needWrongPasswordLogins } from '../../engine/preconditions.ts';
import { jsonBody, type Exchange } from '../../engine/http/exchange.ts';
import { expect, finding, req, sessionFrom, setsSession, test, violation } from './fixtures.ts';

/** Two refusals an attacker could tell apart: a different status, or a body with other fields. */
function sameAnswer(a: Exchange, b: Exchange) {
  const shape = (x: Exchange) => {
    const body = x.response ? jsonBody(x.response) : { ok: false as const };
    return body.ok && body.value && typeof body.value === 'object' ? Object.keys(body.value).sort().join(',') : `(${x.response?.bytes ?? 0} bytes, not a JSON object)`;
  };
  if (a.response?.status !== b.response?.status) return [violation('same_refusal', 'the status tells an unknown user from a wrong password', { expected: 'the same status', received: `${a.response?.status} for a wrong password, ${b.response?.status} for an unknown user` })];
  if (shape(a) !== shape(b)) return [violation('same_refusal', 'the body tells an unknown user from a wrong password', { expected: 'the same fields', received: `{${shape(a)}} vs {${shape(b)}}` })];
  return [];
}

/** A name that matches the contract's pattern but belongs to nobody. */
const unknownName = (word: string) => `cf-${word}`.slice(0, 32);
/** A password of the contract's shape (10–32 printable characters) that is not the user's. */
const wrongPassword = (s: string) => `wrong-${s}`.slice(0, 32);

test.describe('login  POST /login', () => {
  test('204 and an r_session cookie for valid credentials', { annotation: req('traq:login#204', 'traq:login.session-works', 'RFC9110-15.3.5', 'RFC6265-4.1', 'ASVS-3.4.2', 'ASVS-3.4.3', 'ASVS-8.2.1') }, async ({ traq }) => {
    const ex = await traq.login(traq.user, { expect: 204 });
    expect(ex).toConform();
    expect(setsSession(ex)).toConform();
  });

  test('the cookie from a login authenticates GET /users/me/sessions', { annotation: req('traq:login#204', 'traq:login.session-works', 'traq:getMySessions#200') }, async ({ traq }) => {
    const login = await traq.login(traq.user, { expect: 204 });
    expect(login).toConform();
    const session = sessionFrom(login)!;
    expect(await traq.call('getMySessions', { expect: 200, as: session })).toConform({ because: 'traq:login.session-works' });
  });

  test('every login issues a new session cookie', { annotation: req('ASVS-3.2.1') }, async ({ traq, run }, info) => {
    needState(run, 'traq', info, 'two logins get different sessions (it answers every login with the example cookie)');
    const first = await traq.login(traq.user, { expect: 204 });
    const second = await traq.login(traq.user, { expect: 204 });
    const [a, b] = [sessionFrom(first)?.headers.cookie, sessionFrom(second)?.headers.cookie];
    // Two logins that opened no session say nothing about rotation.
    precondition(a !== undefined && b !== undefined, info, 'a login set no session cookie; see traq:login#204');
    expect(finding('ASVS-3.2.1', [first, second], a === b
      ? [violation('session_rotated', 'two logins were given the same session cookie', { expected: 'a new session value per login', received: 'the same value twice' })]
      : [])).toConform();
  });

  test('302 with Location and the cookie when ?redirect= is given', { annotation: req('traq:login#302', 'traq:login.session-works', 'RFC9110-10.2.2', 'RFC6265-4.1', 'ASVS-8.2.1') }, async ({ traq }) => {
    const ex = await traq.login(traq.user, { expect: 302, redirect: '/channels/general' });
    expect(ex).toConform();
    expect(setsSession(ex)).toConform();
  });

  test('a ?redirect= to a foreign origin is not followed', { annotation: req('ASVS-5.1.5') }, async ({ traq }) => {
    const ex = await traq.login(traq.user, { expect: 302, redirect: 'https://attacker.invalid/phish' });
    expect(ex).toConform({ only: ['ASVS-5.1.5'] });
  });

  test('400 when the body is missing', { annotation: req('traq:login#400') }, async ({ traq }) => {
    expect(await traq.login(undefined, { expect: 400 })).toConform();
  });

  test('400 when the name breaks the pattern', { annotation: req('traq:login#400') }, async ({ traq, data }) => {
    const name = `${data.word.sample()} ${data.word.sample()}!`;
    expect(await traq.login({ name, password: traq.user.password }, { expect: 400 })).toConform();
  });

  test('401 with a challenge for a wrong password', { annotation: req('traq:login#401', 'RFC9110-15.5.2') }, async ({ traq, data, run }, info) => {
    needWrongPasswordLogins(run, info, 'TRAQ_USERNAME');
    expect(await traq.login({ name: traq.user.name, password: wrongPassword(data.string.alphanumeric(16)) }, { expect: 401 })).toConform();
  });

  test('401 with a challenge for an unknown user', { annotation: req('traq:login#401', 'RFC9110-15.5.2') }, async ({ traq, data }) => {
    expect(await traq.login({ name: unknownName(data.string.alphanumeric(20)), password: wrongPassword(data.string.alphanumeric(16)) }, { expect: 401 })).toConform();
  });

  test('an unknown user and a wrong password get the same status and body shape', { annotation: req('WSTG-IDNT-04') }, async ({ traq, data, run }, info) => {
    needWrongPasswordLogins(run, info, 'TRAQ_USERNAME');
    const wrong = await traq.login({ name: traq.user.name, password: wrongPassword(data.string.alphanumeric(16)) }, { expect: 401 });
    const unknown = await traq.login({ name: unknownName(data.string.alphanumeric(20)), password: wrongPassword(data.string.alphanumeric(16)) }, { expect: 401 });
    expect(finding('WSTG-IDNT-04', [wrong, unknown], sameAnswer(wrong, unknown))).toConform();
  });

  test('403 for a suspended account', { annotation: req('traq:login#403') }, async ({ traq, run }, info) => {
    const v = needVariables(run, 'traq', ['TRAQ_SUSPENDED_USERNAME', 'TRAQ_SUSPENDED_PASSWORD'], info);
    expect(await traq.login({ name: v.TRAQ_SUSPENDED_USERNAME!, password: v.TRAQ_SUSPENDED_PASSWORD! }, { expect: 403 })).toConform();
  });
});

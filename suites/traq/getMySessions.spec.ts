import { needState } from '../../engine/preconditions.ts';
import { anonymous, expect, finding, req, test, violation } from './fixtures.ts';

test.describe('getMySessions  GET /users/me/sessions', () => {
  test('200 with the caller\'s sessions as LoginSession[]', { annotation: req('traq:getMySessions#200', 'RFC9110-8.3') }, async ({ traq }) => {
    const session = await traq.session();
    expect(await traq.call('getMySessions', { expect: 200, as: session })).toConform();
  });

  test('200 with a bearer token', { annotation: req('traq:getMySessions#200') }, async ({ traq }) => {
    expect(await traq.call('getMySessions', { expect: 200, as: traq.bearer() })).toConform();
  });

  test('the list holds the session just created', { annotation: req('traq:getMySessions.lists-own-session') }, async ({ traq, run }, info) => {
    needState(run, 'traq', info, 'a new session appears in the list');
    const observer = await traq.session();
    const before = await traq.sessionIds(observer);
    await traq.session();
    const after = await traq.sessionIds(observer);
    const added = after.filter((id) => !before.includes(id));
    expect(finding('traq:getMySessions.lists-own-session', traq.client.exchanges.slice(-3), added.length === 0
      ? [violation('lists_new_session', 'a login did not add a session to the list', { expected: `${before.length + 1} or more sessions, one of them new`, received: `${after.length}, none new` })]
      : [])).toConform();
  });

  test('a bearer token or session in the URL query is not accepted', { annotation: req('ASVS-3.1.1') }, async ({ traq }) => {
    const session = await traq.session();
    const token = traq.bearer().headers.authorization!.slice('Bearer '.length);
    const cookie = session.headers.cookie!.slice('r_session='.length);
    // Judged against the same request without the credential: only a difference means it was accepted.
    const without = await traq.call('getMySessions', { expect: 401, as: anonymous });
    const refused = (without.response?.status ?? 0) >= 400;
    for (const query of [{ access_token: token }, { r_session: cookie }]) {
      const ex = await traq.call('getMySessions', { expect: 401, as: anonymous, query });
      expect(finding('ASVS-3.1.1', [without, ex], refused && ex.response !== undefined && ex.response.status < 300
        ? [violation('credential_in_query', `a credential in the query parameter ${Object.keys(query)[0]} was accepted`, { expected: `a refusal, as without it (${without.response!.status})`, received: String(ex.response.status) })]
        : [])).toConform();
    }
  });

  test('401 with a challenge without credentials', { annotation: req('traq:getMySessions#401', 'RFC9110-15.5.2') }, async ({ traq }) => {
    expect(await traq.call('getMySessions', { expect: 401, as: anonymous })).toConform();
  });

  test('401 with a challenge for a session cookie the server never issued', { annotation: req('traq:getMySessions#401', 'RFC9110-15.5.2') }, async ({ traq, data }) => {
    const forged = { label: 'forged session cookie', headers: { cookie: `r_session=${data.string.alphanumeric(36)}` } };
    expect(await traq.call('getMySessions', { expect: 401, as: forged })).toConform();
  });

  test('401 with a challenge for a bearer token the server never issued', { annotation: req('traq:getMySessions#401', 'RFC9110-15.5.2') }, async ({ traq, data }) => {
    const forged = { label: 'forged bearer token', headers: { authorization: `Bearer ${data.string.alphanumeric(36)}` } };
    expect(await traq.call('getMySessions', { expect: 401, as: forged })).toConform();
  });
});

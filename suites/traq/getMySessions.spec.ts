import { precondition } from '../../engine/preconditions.ts';
import { anonymous, expect, finding, listsNoneOf, req, test, violation } from './fixtures.ts';

test.describe('getMySessions  GET /users/me/sessions', () => {
  test('the list holds the session just created', { annotation: req('traq:getMySessions.lists-own-session') }, async ({ traq }) => {
    traq.needState('a new session appears in the list');
    const observer = await traq.session();
    const before = await traq.sessionIds(observer);
    await traq.session();
    const after = await traq.sessionIds(observer);
    const added = after.filter((id) => !before.includes(id));
    expect(finding('traq:getMySessions.lists-own-session', traq.client.exchanges.slice(-3), added.length === 0
      ? [violation('lists_new_session', 'a login did not add a session to the list', { expected: `${before.length + 1} or more sessions, one of them new`, received: `${after.length}, none new` })]
      : [])).toConform();
  });

  // The list is also the suite's who-am-I: B's session answered as A would list A's sessions.
  test('B\'s list shows none of A\'s sessions', { annotation: req('traq:getMySessions.only-own') }, async ({ traq }, info) => {
    traq.needState('a list holds only the caller\'s sessions');
    const a = await traq.session();
    const b = await traq.second();
    const mine = await traq.sessionIds(a);
    precondition(mine.length > 0, info, 'A\'s list is empty right after A logged in; see traq:getMySessions.lists-own-session');
    const shown = await traq.sessionIds(b);
    expect(finding('traq:getMySessions.only-own', traq.client.exchanges.slice(-2), listsNoneOf('B\'s list of sessions', shown, mine, 'sessions'))).toConform();
  });

  test('a bearer token or session in the URL query is not accepted', { annotation: req('ASVS-3.1.1') }, async ({ traq }) => {
    traq.needState('a credential in the query is ignored (it checks only that one is present)');
    const session = await traq.session();
    const bearer = traq.bearer();
    const token = bearer.headers.authorization!.slice('Bearer '.length);
    const cookie = session.headers.cookie!.slice('r_session='.length);
    // Judged against the same request without the credential and with it in its header: a query
    // credential is accepted when the answer is the header's and not the anonymous one.
    const without = await traq.call('getMySessions', { expect: 401, as: anonymous });
    for (const [query, as] of [[{ access_token: token }, bearer], [{ r_session: cookie }, session]] as const) {
      const proper = await traq.call('getMySessions', { expect: 200, as });
      const ex = await traq.call('getMySessions', { expect: 401, as: anonymous, query });
      const [n, p, q] = [without.response?.status, proper.response?.status, ex.response?.status];
      expect(finding('ASVS-3.1.1', [without, proper, ex], q !== undefined && q === p && q !== n
        ? [violation('credential_in_query', `a credential in the query parameter ${Object.keys(query)[0]} was accepted`, { expected: `the answer without it (${n})`, received: `${q}, the answer with it in its header` })]
        : [])).toConform();
    }
  });
});

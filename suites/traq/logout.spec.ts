import { precondition } from '../../engine/preconditions.ts';
import { REDIRECT_ATTACKS } from '../../engine/attacks/redirects.ts';
import { cookieSessionLogoutTests } from '../../engine/scenarios/cookie-session.ts';
import { effectUnjudged, expect, expectRefused, finding, req, SESSION, test, unaffectedByOther } from './fixtures.ts';

test.describe('logout  POST /logout', () => {
  cookieSessionLogoutTests(SESSION).forEach((t) => test(t.title, t.details, t.body));

  test('302 with Location when ?redirect= is given', { annotation: req('traq:logout#302', 'RFC9110-10.2.2') }, async ({ traq }) => {
    const session = await traq.session();
    expect(await traq.call('logout', { expect: 302, as: session, query: { redirect: '/' } })).toConform();
  });

  for (const attack of REDIRECT_ATTACKS) {
    test(`a ?redirect= with ${attack.name} does not send the user elsewhere`, { annotation: req('ASVS-5.1.5') }, async ({ traq }) => {
      const session = await traq.session();
      expect(await traq.call('logout', { expect: 302, as: session, query: { redirect: attack.value } })).toConform({ only: ['ASVS-5.1.5'] });
    });
  }

  test('all=true ends the user\'s other sessions too', { annotation: req('traq:logout#204', 'traq:logout.all-ends-others') }, async ({ traq, run }, info) => {
    traq.needState('other sessions end');
    const mine = await traq.session();
    const other = await traq.session();
    // all=true ends every session of the account; unless allowed, only when all of them are this test's own.
    const listed = await traq.sessionIds(mine);
    if (listed.length > 2) traq.needDestructive(`the account has ${listed.length - 2} session(s) this run did not create, and all=true would end them`);
    precondition(listed.length >= 2, info, `the account lists ${listed.length} session(s) after two logins; see traq:getMySessions.lists-own-session`);
    expect(await traq.call('logout', { expect: 204, as: mine, query: { all: true } })).toConform();
    expectRefused(await traq.call('getMySessions', { expect: 401, as: other }), 'traq:logout.all-ends-others');
  });

  test('B\'s logout with all=true leaves A\'s session working', { annotation: req('traq:logout#204', 'traq:logout.all-only-own') }, async ({ traq, run }) => {
    traq.needState('a session survives another user\'s logout');
    const a = await traq.session();
    const b = await traq.second();
    // all=true ends every session of B; unless allowed, only when B's only session is this test's own.
    const listed = await traq.sessionIds(b);
    if (listed.length > 1) traq.needDestructive(`B (TRAQ_SECOND_USERNAME) has ${listed.length - 1} session(s) this run did not create, and all=true would end them`);
    const worked = await traq.works(a);
    expect(await traq.call('logout', { expect: 204, as: b, query: { all: true } })).toConform();
    const works = await traq.works(a);
    const effect = { object: 'A\'s session', loss: 'stopped authenticating', before: worked, after: works };
    expect(finding('traq:logout.all-only-own', traq.client.exchanges.slice(-3), unaffectedByOther(effect), effectUnjudged(effect))).toConform();
  });
});

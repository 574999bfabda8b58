import { needDestructive, needState, precondition } from '../../engine/preconditions.ts';
import { expect, expectRefused, req, test } from './fixtures.ts';

test.describe('logout  POST /logout', () => {
  test('204 for a session', { annotation: req('traq:logout#204', 'RFC9110-15.3.5') }, async ({ traq }) => {
    const session = await traq.session();
    expect(await traq.call('logout', { expect: 204, as: session })).toConform();
  });

  test('302 with Location when ?redirect= is given', { annotation: req('traq:logout#302', 'RFC9110-10.2.2') }, async ({ traq }) => {
    const session = await traq.session();
    expect(await traq.call('logout', { expect: 302, as: session, query: { redirect: '/' } })).toConform();
  });

  test('afterwards the session cookie no longer authenticates', { annotation: req('traq:logout#204', 'traq:logout.ends-session') }, async ({ traq, run }, info) => {
    needState(run, 'traq', info, 'a logged-out session stops working');
    const session = await traq.session();
    expect(await traq.call('logout', { expect: 204, as: session })).toConform();
    expectRefused(await traq.call('getMySessions', { expect: 401, as: session }), 'traq:logout.ends-session');
  });

  test('all=true ends the user\'s other sessions too', { annotation: req('traq:logout#204', 'traq:logout.all-ends-others') }, async ({ traq, run }, info) => {
    needState(run, 'traq', info, 'other sessions end');
    const mine = await traq.session();
    const other = await traq.session();
    // all=true ends every session of the account; unless allowed, only when all of them are this test's own.
    const listed = await traq.sessionIds(mine);
    if (listed.length > 2) needDestructive(run, info, `the account has ${listed.length - 2} session(s) this run did not create, and all=true would end them`);
    precondition(listed.length >= 2, info, `the account lists ${listed.length} session(s) after two logins; see traq:getMySessions.lists-own-session`);
    expect(await traq.call('logout', { expect: 204, as: mine, query: { all: true } })).toConform();
    expectRefused(await traq.call('getMySessions', { expect: 401, as: other }), 'traq:logout.all-ends-others');
  });
});

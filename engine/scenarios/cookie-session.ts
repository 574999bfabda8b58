import type { Faker } from '@faker-js/faker';
import { req } from '../annotations.ts';
import { clearsSessionCookie, rotatesChosenSession, rotatesPerLogin } from '../checks/cookie-checks.ts';
import { precondition } from '../preconditions.ts';
import type { CookieSessionFlows } from '../session-flows.ts';
import { setsSessionCookie } from '../sessions.ts';
import { expect, expectRefused, finding, type SharedTest } from '../test.ts';
import type { RequirementId } from '../../requirements/index.ts';

/**
 * What every API whose login opens a cookie session (traQ, Semaphore) must show, written once: the
 * login sets the cookie, the cookie authenticates, each login gets a new value and none the client
 * chose, and a logout ends the session and clears the cookie in its own scope. Each suite registers
 * these in its login and logout spec files, with the ids of its own contract.
 */
export interface CookieSessionSuite {
  /** `<api>:login#204`, `<api>:login.session-works`, `<api>:logout#204`, `<api>:logout.ends-session`. */
  login: RequirementId;
  sessionWorks: RequirementId;
  logout: RequirementId;
  endsSession: RequirementId;
  /** The probe operation's 200 (`<api>:<probe>#200`) and how a title names it ("GET /users/me/sessions"). */
  probe: { ok: RequirementId; title: string };
}

type Fixtures = { flows: CookieSessionFlows<unknown>; data: Faker };

export function cookieSessionLoginTests(suite: CookieSessionSuite): SharedTest<Fixtures>[] {
  return [{
    title: '204 and the session cookie for valid credentials',
    details: { annotation: req(suite.login, suite.sessionWorks, 'RFC9110-15.3.5', 'RFC6265-4.1', 'ASVS-3.4.2', 'ASVS-3.4.3', 'ASVS-3.3.2', 'ASVS-8.2.1') },
    body: async ({ flows }) => {
      const ex = await flows.login(flows.user, { expect: 204 });
      expect(ex).toConform();
      expect(setsSessionCookie(ex, flows.scheme.cookie, suite.sessionWorks)).toConform();
    },
  }, {
    title: `the cookie from a login authenticates ${suite.probe.title}`,
    details: { annotation: req(suite.login, suite.sessionWorks, suite.probe.ok) },
    body: async ({ flows }) => {
      const login = await flows.login(flows.user, { expect: 204 });
      expect(login).toConform();
      expect((await flows.probe(flows.sessionFrom(login)!)).exchange).toConform({ because: suite.sessionWorks });
    },
  }, {
    title: 'every login issues a new session cookie',
    details: { annotation: req('ASVS-3.2.1') },
    body: async ({ flows }, info) => {
      flows.needState('two logins get different sessions (it answers every login with the example cookie)');
      const logins = [await flows.login(flows.user, { expect: 204 }), await flows.login(flows.user, { expect: 204 })];
      const [a, b] = logins.map((ex) => flows.sessionFrom(ex)?.headers.cookie);
      // Two logins that opened no session say nothing about rotation.
      precondition(a !== undefined && b !== undefined, info, `a login set no session cookie; see ${suite.login}`);
      expect(finding('ASVS-3.2.1', logins, rotatesPerLogin(a, b))).toConform();
    },
  }, {
    title: 'a login that arrives with a session cookie the client chose does not keep it (fixation)',
    details: { annotation: req('ASVS-3.2.1') },
    body: async ({ flows, data }, info) => {
      flows.needState('a login replaces a session value the client chose (it answers every login with the example cookie)');
      const value = data.string.alphanumeric(32);
      const chosen = { label: 'a session cookie the client chose', headers: { cookie: `${flows.scheme.cookie}=${value}` } };
      const login = await flows.login(flows.user, { expect: 204, as: chosen });
      // A server may refuse a login that carries a cookie it does not know; that shows nothing of fixation.
      precondition(login.response !== undefined && login.response.status < 400, info, `the login with a chosen cookie did not succeed (status ${login.response?.status ?? login.error}); see ${suite.login}`);
      // A login that sets no cookie may still have bound the session to the value the client came with.
      const probe = flows.sessionFrom(login) === undefined ? await flows.probe(chosen) : undefined;
      if (probe?.works) flows.remember(chosen);
      const unjudged = probe && probe.works === undefined ? 'not judged: whether the chosen session value authenticates could not be told' : undefined;
      expect(finding('ASVS-3.2.1', [login, ...(probe ? [probe.exchange] : [])],
        rotatesChosenSession(login, value, flows.client.contract, probe?.works), unjudged)).toConform();
    },
  }];
}

export function cookieSessionLogoutTests(suite: CookieSessionSuite): SharedTest<Fixtures>[] {
  return [{
    title: '204 for a session',
    details: { annotation: req(suite.logout, 'RFC9110-15.3.5') },
    body: async ({ flows }) => {
      expect(await flows.client.call('logout', { expect: 204, as: await flows.session() })).toConform();
    },
  }, {
    title: 'afterwards the session cookie no longer authenticates',
    details: { annotation: req(suite.logout, suite.endsSession) },
    body: async ({ flows }) => {
      flows.needState('a logged-out session stops working');
      const session = await flows.session();
      expect(await flows.client.call('logout', { expect: 204, as: session })).toConform();
      expectRefused(await flows.client.call(flows.scheme.probe, { expect: 401, as: session }), suite.endsSession);
    },
  }, {
    title: 'the cookie that clears the session has the session cookie\'s Domain and Path',
    details: { annotation: req(suite.logout, 'RFC6265-5.3') },
    body: async ({ flows }, info) => {
      const login = await flows.login(flows.user, { expect: 204 });
      const session = flows.sessionFrom(login);
      precondition(session !== undefined, info, `the login set no session cookie; see ${suite.sessionWorks}`);
      const logout = await flows.client.call('logout', { expect: 204, as: session });
      expect(logout).toConform();
      // A logout that sends no clearing cookie leaves nothing to compare (the document lists no header for it).
      expect(finding('RFC6265-5.3', [login, logout], clearsSessionCookie(login, logout, flows.client.contract))).toConform();
    },
  }];
}

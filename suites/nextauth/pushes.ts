import type { RequirementId } from '../../requirements/index.ts';
import { expect, finding, req, type SharedTest } from '../../engine/test.ts';
import type { NextAuth, SessionCall } from './fixtures.ts';
import { notLoggedIn } from './judges.ts';

/**
 * A login pushed to a person's app, by account id or by user id: one behaviour under two
 * operations, so its tests are written once and each operation's spec file registers them.
 */
export interface PushTo {
  operation: 'provokeLoginOnAccount' | 'provokeLoginOnUser';
  /** "account" or "user", for titles. */
  noun: string;
  /** The path parameter naming the configured one, or one that does not exist. */
  known(nextauth: NextAuth): Pick<SessionCall, 'accountid' | 'userid'>;
  unknown(nextauth: NextAuth): Pick<SessionCall, 'accountid' | 'userid'>;
  ids: { ok: RequirementId; badBody: RequirementId; unknown: RequirementId; awaitsConfirmation: RequirementId };
}

export function pushTests(to: PushTo): SharedTest<{ nextauth: NextAuth }>[] {
  return [{
    title: `200 for a push to a known ${to.noun}, with a UserContext body`,
    details: { annotation: req(to.ids.ok) },
    body: async ({ nextauth }) => {
      expect(await nextauth.call(to.operation, { expect: 200, ...to.known(nextauth), json: nextauth.userContext() })).toConform();
    },
  }, {
    title: 'a pushed login leaves the session logged out until the user confirms it',
    details: { annotation: req(to.ids.ok, 'nextauth:getSession#200', to.ids.awaitsConfirmation) },
    body: async ({ nextauth }) => {
      const target = to.known(nextauth);
      nextauth.needState('a pushed login leaves the session logged out');
      const nonce = nextauth.nonce();
      const push = await nextauth.call(to.operation, { expect: 200, nonce, ...target });
      expect(push).toConform();
      const status = await nextauth.call('getSession', { expect: 200, nonce });
      expect(status).toConform();
      const loggedIn = notLoggedIn(status, 'the session is logged in right after the push, before anyone could confirm it');
      expect(finding(to.ids.awaitsConfirmation, [push, status], loggedIn)).toConform();
    },
  }, {
    title: '400 when the body is not a UserContext',
    details: { annotation: req(to.ids.badBody) },
    body: async ({ nextauth }) => {
      expect(await nextauth.call(to.operation, { expect: 400, ...to.known(nextauth), json: nextauth.notUserContext() })).toConform();
    },
  }, {
    title: `404 for ${to.noun === 'account' ? 'an' : 'a'} ${to.noun} that does not exist`,
    details: { annotation: req(to.ids.unknown) },
    body: async ({ nextauth }) => {
      expect(await nextauth.call(to.operation, { expect: 404, ...to.unknown(nextauth) })).toConform();
    },
  }];
}

/** The two pushes, a row each. */
export const PUSHES = {
  provokeLoginOnAccount: {
    operation: 'provokeLoginOnAccount', noun: 'account',
    known: (nextauth) => ({ accountid: nextauth.account() }), unknown: (nextauth) => ({ accountid: nextauth.unknownAccount() }),
    ids: { ok: 'nextauth:provokeLoginOnAccount#200', badBody: 'nextauth:provokeLoginOnAccount#400', unknown: 'nextauth:provokeLoginOnAccount#404', awaitsConfirmation: 'nextauth:provokeLoginOnAccount.awaits-confirmation' },
  },
  provokeLoginOnUser: {
    operation: 'provokeLoginOnUser', noun: 'user',
    known: (nextauth) => ({ userid: nextauth.user() }), unknown: (nextauth) => ({ userid: nextauth.unknownUser() }),
    ids: { ok: 'nextauth:provokeLoginOnUser#200', badBody: 'nextauth:provokeLoginOnUser#400', unknown: 'nextauth:provokeLoginOnUser#404', awaitsConfirmation: 'nextauth:provokeLoginOnUser.awaits-confirmation' },
  },
} as const satisfies Record<string, PushTo>;

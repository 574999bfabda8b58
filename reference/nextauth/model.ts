import { createHmac, randomBytes } from 'node:crypto';

/**
 * The state of the nextAuth reference: the virtual server the API key belongs to, with the roles the
 * key may assume, one user with one account (app instance), and the browser sessions, each known by
 * the nonce the caller sends in X-nonce; and a second virtual server with its own user and account,
 * which the key may not act on (the cross-server scenarios name it).
 */

/** What a conformance run is configured with; the values are fake but of the right shape. */
export const ENV = {
  NEXTAUTH_API_KEY: 'fake-nextauth-apikey-0000000000000000',
  /** base64url of "conformance-server". */
  NEXTAUTH_SERVER_ID: 'Y29uZm9ybWFuY2Utc2VydmVy',
  NEXTAUTH_ROLE_ID: 'fake-role-0001',
  NEXTAUTH_ACCOUNT_ID: '4242',
  NEXTAUTH_USER_ID: 'fake-user',
  /** base64url of "second-server": a virtual server the API key may not act on. */
  NEXTAUTH_SECOND_SERVER_ID: 'c2Vjb25kLXNlcnZlcg',
} as const;

/** The second server's own user and account: nothing a run names, so only a fault could reach them. */
export const SECOND_SERVER_ACCOUNT = { id: 5151, userid: 'second-user' } as const;

export interface Account {
  id: number;
  userid: string;
  /** base64 public key of the account's app. */
  pk: string;
}

/** A login pushed to an app, waiting for the user to confirm it there. */
export interface Push {
  accountid: number;
  context: unknown;
}

interface Session {
  loggedIn: boolean;
  /** The account that last logged this session in: the one provokeLogin pushes to. */
  lastAccount?: number;
  pending: Push[];
  context?: unknown;
}

/** The JSON body of getSession (schemas/nextauth/LoginStatus.json). */
export interface LoginStatus {
  loggedin: boolean;
  canprovoke: boolean;
  loginqrdata: string;
  hsid: string;
  userid?: string;
  accountid?: number;
  pk?: string;
}

export interface QrOptions {
  /** Derive the QR data from the server alone, ignoring the nonce (a fault). */
  ignoreNonce?: boolean;
}

/** One virtual server: its accounts and browser sessions. */
export class NextAuthModel {
  private readonly accounts = new Map<number, Account>();
  private readonly sessions = new Map<string, Session>();
  /** Keys the QR data and hsid of this instance, so they cannot be guessed from the nonce. */
  private readonly secret = randomBytes(32);

  constructor(readonly serverId: string, accounts: readonly { id: number; userid: string }[]) {
    for (const a of accounts) this.accounts.set(a.id, { ...a, pk: randomBytes(32).toString('base64') });
  }

  /** The server the configured API key belongs to. */
  static own(): NextAuthModel {
    return new NextAuthModel(ENV.NEXTAUTH_SERVER_ID, [{ id: Number(ENV.NEXTAUTH_ACCOUNT_ID), userid: ENV.NEXTAUTH_USER_ID }]);
  }

  /** The server the configured API key may not act on. */
  static second(): NextAuthModel {
    return new NextAuthModel(ENV.NEXTAUTH_SECOND_SERVER_ID, [SECOND_SERVER_ACCOUNT]);
  }

  account(id: number): Account | undefined {
    return this.accounts.get(id);
  }

  accountsOf(userid: string): Account[] {
    return [...this.accounts.values()].filter((a) => a.userid === userid);
  }

  private session(nonce: string): Session {
    let s = this.sessions.get(nonce);
    if (!s) {
      s = { loggedIn: false, pending: [] };
      this.sessions.set(nonce, s);
    }
    return s;
  }

  private mac(label: string, value: string): string {
    return createHmac('sha256', this.secret).update(`${label}\0${this.serverId}\0${value}`).digest('base64url');
  }

  /** The bytes encoded in the session's login QR code. */
  qrData(nonce: string, opts: QrOptions = {}): Buffer {
    const bound = opts.ignoreNonce ? '' : nonce;
    return Buffer.from(`nextauth:login:${this.serverId}:${this.mac('qr', bound)}`, 'utf8');
  }

  /** Remembers the UserContext a caller sent with getQrLogin, for the app to show. */
  setContext(nonce: string, context: unknown): void {
    if (context !== undefined) this.session(nonce).context = context;
  }

  status(nonce: string, opts: QrOptions = {}): LoginStatus {
    const s = this.sessions.get(nonce);
    const status: LoginStatus = {
      loggedin: s?.loggedIn ?? false,
      canprovoke: s?.lastAccount !== undefined,
      loginqrdata: this.qrData(nonce, opts).toString('base64'),
      hsid: `hs-${this.mac('hsid', nonce).slice(0, 22)}`,
    };
    const account = s?.loggedIn && s.lastAccount !== undefined ? this.accounts.get(s.lastAccount) : undefined;
    if (account) Object.assign(status, { userid: account.userid, accountid: account.id, pk: account.pk });
    return status;
  }

  logout(nonce: string): void {
    const s = this.sessions.get(nonce);
    if (s) s.loggedIn = false;
  }

  /** Queues a login for the account's app; the session is logged in only when the user confirms. */
  push(nonce: string, accountid: number, context: unknown): void {
    this.session(nonce).pending.push({ accountid, context });
  }

  /** Pushes to the account that last logged the session in; nothing when there is none. */
  pushToLast(nonce: string, context: unknown): void {
    const last = this.sessions.get(nonce)?.lastAccount;
    if (last !== undefined) this.push(nonce, last, context);
  }

  /** What the user's app does when the user confirms a pushed login (or scans the QR code). */
  confirm(nonce: string, accountid: number): void {
    const s = this.session(nonce);
    s.pending = s.pending.filter((p) => p.accountid !== accountid);
    s.loggedIn = true;
    s.lastAccount = accountid;
  }
}

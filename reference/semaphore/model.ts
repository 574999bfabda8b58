import { randomBytes } from 'node:crypto';

/**
 * The in-memory state of one reference Semaphore: two users (the run's first and second identity),
 * their login sessions, their API tokens and the OIDC states handed out. Nothing here knows HTTP.
 */

export interface User {
  id: number;
  username: string;
  email: string;
  password: string;
}

export interface OidcProvider {
  id: string;
  name: string;
  clientId: string;
  authorizationEndpoint: string;
}

export interface ApiToken {
  id: string;
  created: string;
  expired: boolean;
  user_id: number;
}

/** Obviously fake, and what the server accepts: a run configured from these agrees with it. */
export const USER: User = {
  id: 1,
  username: 'conformance-user',
  email: 'conformance-user@example.invalid',
  password: 'not-a-real-password-0000',
};

/** The second identity (SEMAPHORE_SECOND_USERNAME): an ordinary user beside USER. */
export const SECOND_USER: User = {
  id: 2,
  username: 'conformance-second-user',
  email: 'conformance-second-user@example.invalid',
  password: 'not-a-real-password-0002',
};

export const USERS: readonly User[] = [USER, SECOND_USER];
const userById = (id: number | undefined): User | undefined => USERS.find((u) => u.id === id);

export const PROVIDER: OidcProvider = {
  id: 'reference-sso',
  name: 'Sign in with Reference SSO',
  clientId: 'semaphore-reference-client',
  authorizationEndpoint: 'https://sso.example.invalid/oauth2/authorize',
};

/** An unguessable, URL-safe random value. */
export const secret = (): string => randomBytes(32).toString('hex');

export class SemaphoreState {
  readonly providers: readonly OidcProvider[] = [PROVIDER];
  /** Session id → user id, for sessions that have not ended. */
  private readonly sessions = new Map<string, number>();
  /** Token id → token; expired tokens stay (the list shows them with expired=true). */
  private readonly tokens = new Map<string, ApiToken>();
  /** OIDC states issued by startOidcLogin and not yet used. */
  private readonly oidcStates = new Set<string>();

  /** The user a login name or e-mail (case-insensitive) names, if any. */
  userNamed(auth: string): User | undefined {
    const name = auth.toLowerCase();
    return USERS.find((u) => name === u.username || name === u.email);
  }

  /** The user whose login name or e-mail and password match, if any. */
  checkPassword(auth: string, password: string): User | undefined {
    const user = this.userNamed(auth);
    return user && password === user.password ? user : undefined;
  }

  /** A new session, with a fresh id on every login (or the given id, for a server that adopts one). */
  startSession(user: User, id = secret()): string {
    this.sessions.set(id, user.id);
    return id;
  }

  sessionUser(sessionId: string | undefined): User | undefined {
    return sessionId === undefined ? undefined : userById(this.sessions.get(sessionId));
  }

  endSession(sessionId: string | undefined): void {
    if (sessionId !== undefined) this.sessions.delete(sessionId);
  }

  /** Ends every open session, of every user. */
  endAllSessions(): void {
    this.sessions.clear();
  }

  createToken(user: User): ApiToken {
    const token: ApiToken = { id: secret(), created: new Date().toISOString(), expired: false, user_id: user.id };
    this.tokens.set(token.id, token);
    return token;
  }

  tokensOf(user: User): ApiToken[] {
    return [...this.tokens.values()].filter((t) => t.user_id === user.id);
  }

  /** The user a bearer token authenticates: only a known token that is not expired. */
  tokenUser(tokenId: string | undefined): User | undefined {
    const token = tokenId === undefined ? undefined : this.tokens.get(tokenId);
    return token && !token.expired ? userById(token.user_id) : undefined;
  }

  /** One of the user's tokens by id (expired ones included), if it is theirs. */
  tokenOf(user: User, tokenId: string): ApiToken | undefined {
    const token = this.tokens.get(tokenId);
    return token?.user_id === user.id ? token : undefined;
  }

  /** Any user's token by id: what a server that does not check the owner finds. */
  anyToken(tokenId: string): ApiToken | undefined {
    return this.tokens.get(tokenId);
  }

  /** Every token of every user. */
  allTokens(): ApiToken[] {
    return [...this.tokens.values()];
  }

  /** Expires a token: it stays listed (expired=true) but no longer authenticates. */
  expireToken(token: ApiToken): void {
    token.expired = true;
  }

  provider(id: string): OidcProvider | undefined {
    return this.providers.find((p) => p.id === id);
  }

  issueOidcState(): string {
    const state = secret();
    this.oidcStates.add(state);
    return state;
  }

  /** True once for a state this server issued; a state cannot be used twice. */
  useOidcState(state: string): boolean {
    return this.oidcStates.delete(state);
  }
}

import { randomBytes, randomUUID } from 'node:crypto';

/** The in-memory state of one traQ reference server. */

export interface User {
  name: string;
  password: string;
  suspended: boolean;
  /** provider → linked account */
  linked: Map<string, { externalName: string; linkedAt: string }>;
}

export interface Session {
  id: string;
  token: string;
  user: User;
  issuedAt: string;
}

export interface Seed {
  user: { name: string; password: string };
  suspended: { name: string; password: string };
  second: { name: string; password: string; linkedProviders: string[] };
  bearerToken: string;
  enabledProviders: string[];
  linkedProviders: string[];
}

export class TraqState {
  readonly users = new Map<string, User>();
  readonly sessions = new Map<string, Session>();
  readonly enabledProviders: Set<string>;
  readonly bearerToken: string;

  constructor(seed: Seed) {
    const linkedAt = '2024-01-01T00:00:00Z';
    this.users.set(seed.user.name, {
      ...seed.user,
      suspended: false,
      linked: new Map(seed.linkedProviders.map((p) => [p, { externalName: `${seed.user.name}@${p}`, linkedAt }])),
    });
    this.users.set(seed.suspended.name, { ...seed.suspended, suspended: true, linked: new Map() });
    const { linkedProviders, ...second } = seed.second;
    this.users.set(second.name, {
      ...second,
      suspended: false,
      linked: new Map(linkedProviders.map((p) => [p, { externalName: `${second.name}@${p}`, linkedAt }])),
    });
    this.enabledProviders = new Set(seed.enabledProviders);
    this.bearerToken = seed.bearerToken;
  }

  /** The bearer token's user: the first user seeded (A). */
  get tokenUser(): User {
    return [...this.users.values()].find((u) => !u.suspended)!;
  }

  allSessions(): Session[] {
    return [...this.sessions.values()];
  }

  /** A new session; `token` is a value to use instead of a fresh one (only a fixation fault passes one). */
  openSession(user: User, token = randomBytes(24).toString('base64url')): Session {
    const s: Session = { id: randomUUID(), token, user, issuedAt: new Date().toISOString() };
    this.sessions.set(s.token, s);
    return s;
  }

  sessionsOf(user: User): Session[] {
    return [...this.sessions.values()].filter((s) => s.user === user);
  }

  end(session: Session): void {
    this.sessions.delete(session.token);
  }
}

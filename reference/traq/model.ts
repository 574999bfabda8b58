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
    this.enabledProviders = new Set(seed.enabledProviders);
    this.bearerToken = seed.bearerToken;
  }

  get tokenUser(): User {
    return [...this.users.values()].find((u) => !u.suspended)!;
  }

  openSession(user: User): Session {
    const s: Session = { id: randomUUID(), token: randomBytes(24).toString('base64url'), user, issuedAt: new Date().toISOString() };
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

// Signed-in sessions of one open archive, kept in memory by the process that serves it (the core host,
// `sanwu serve`, one CLI run): a random 256-bit id per sign-in, ended by signing out, by 30 minutes
// without a call, after 12 hours at most, or when the account changes. A session of another archive,
// another server or an earlier start is unknown here.
import { randomBytes } from 'node:crypto';
import { IDLE_MINUTES } from '../../../shared/users';

const IDLE_MS = IDLE_MINUTES * 60_000;
const MAX_MS = 12 * 60 * 60_000;

interface Session {
  userId: number;
  name: string;
  started: number;
  lastUsed: number;
}

export type SessionLookup = { userId: number; name: string } | 'expired' | 'unknown';

export class SessionStore {
  readonly #sessions = new Map<string, Session>();

  create(user: { id: number; name: string }, now: Date): string {
    const id = randomBytes(32).toString('base64url');
    this.#sessions.set(id, { userId: user.id, name: user.name, started: now.getTime(), lastUsed: now.getTime() });
    return id;
  }

  /** The session's user, its use noted; an expired one is forgotten. */
  use(id: string, now: Date): SessionLookup {
    const s = this.#sessions.get(id);
    if (!s) return 'unknown';
    const t = now.getTime();
    if (t - s.lastUsed > IDLE_MS || t - s.started > MAX_MS) {
      this.#sessions.delete(id);
      return 'expired';
    }
    s.lastUsed = t;
    return { userId: s.userId, name: s.name };
  }

  end(id: string): void {
    this.#sessions.delete(id);
  }

  /** Ends every session of an account (disabled, new password). */
  endUser(name: string): void {
    for (const [id, s] of this.#sessions) if (s.name === name) this.#sessions.delete(id);
  }

  clear(): void {
    this.#sessions.clear();
  }
}

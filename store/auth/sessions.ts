// Signing people in and out of the war room, and finding whose session a request carries.
// A session id is 256 random bits, sent to the browser once in an HttpOnly cookie; the store keeps
// only its SHA-256, with an expiry that moves on as the session is used (12 h without use ends
// it: long enough for a long incident, short enough that a forgotten tab does not sign in forever).
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Person } from '../../contract/store-schemas.ts';
import type { SessionStorage } from '../storage/storage.ts';
import type { Operator } from './operators-file.ts';
import { DEFAULT_COST, decodePasswordHash, hashPassword, verifyPassword } from './password-hash.ts';
import { SignInThrottle } from './throttle.ts';
import type { ThrottleOptions } from './throttle.ts';

export const SESSION_COOKIE = 'warroom_session';
export const SESSION_IDLE_MS = 12 * 60 * 60_000;
/** A session's expiry is written again at most this often: not a disk sync on every read. */
const TOUCH_EVERY_MS = 60_000;
/** At most this many password hashes are computed at once (32 MiB each by default). */
const MAX_HASHING = 2;

export type SessionLookup =
  | { kind: 'person'; person: Person }
  /** No session cookie. */
  | { kind: 'none' }
  /** A cookie for a session that ended: signed out, expired, or its operator left the file. */
  | { kind: 'ended' };

export type SignInOutcome =
  | { ok: true; person: Person; sessionId: string }
  | { ok: false; reason: 'wrong' }
  | { ok: false; reason: 'paused'; retryAfterMs: number }
  | { ok: false; reason: 'nobody' };

export interface Sessions {
  /** Checks a name and password; on success a new session, and whatever session came along ends. */
  signIn(req: IncomingMessage, name: string, password: string): Promise<SignInOutcome>;
  /** Whose session the request carries; moves its expiry on. */
  lookup(req: IncomingMessage): Promise<SessionLookup>;
  /** Ends the request's session, if it has one. */
  signOut(req: IncomingMessage): Promise<void>;
  /** The pauses' settings, for the messages that name them. */
  readonly throttle: SignInThrottle;
}

export interface SessionsOptions {
  storage: SessionStorage;
  operators: readonly Operator[];
  now?: () => number;
  throttle?: Omit<ThrottleOptions, 'now'>;
}

const ID_FORM = /^[A-Za-z0-9_-]{43}$/;

/** The value of the session cookie, if the request has a well-formed one. */
export function sessionIdOf(req: IncomingMessage): string | null {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = pair.slice(eq + 1).trim();
    if (ID_FORM.test(value)) return value;
  }
  return null;
}

const idHash = (id: string) => createHash('sha256').update(id).digest('hex');

/** Runs at most `n` of the given tasks at once, the rest in order of arrival. */
function limiter(n: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

export function createSessions(options: SessionsOptions): Sessions {
  const { storage } = options;
  const now = options.now ?? Date.now;
  const iso = (ms: number) => new Date(ms).toISOString();
  const byName = new Map(options.operators.map((operator) => [operator.name, operator]));
  const throttle = new SignInThrottle({ now, ...options.throttle });
  const hashing = limiter(MAX_HASHING);
  // Attempts for one name go one at a time, so that a burst of guesses in parallel is counted
  // like the same guesses in a row.
  const perName = new Map<string, Promise<unknown>>();
  // An unknown name is checked against this, so that it takes as long as a known one.
  const cost = options.operators[0]?.passwordHash ?? DEFAULT_COST;
  let decoy: Promise<ReturnType<typeof decodePasswordHash>> | null = null;
  const decoyHash = () =>
    (decoy ??= hashPassword(randomBytes(16).toString('hex'), cost).then(decodePasswordHash));

  function oneAtATime<T>(name: string, work: () => Promise<T>): Promise<T> {
    const previous = perName.get(name) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => {});
    perName.set(name, settled);
    void settled.then(() => {
      if (perName.get(name) === settled) perName.delete(name);
    });
    return next;
  }

  async function check(name: string, password: string): Promise<SignInOutcome> {
    const retryAfterMs = throttle.pausedFor(name);
    if (retryAfterMs > 0) return { ok: false, reason: 'paused', retryAfterMs };
    const operator = byName.get(name);
    const stored = operator?.passwordHash ?? (await decoyHash());
    const matches = await hashing(() => verifyPassword(password, stored));
    if (!operator || !matches) {
      throttle.failed(name);
      return { ok: false, reason: 'wrong' };
    }
    throttle.succeeded(name);
    const sessionId = randomBytes(32).toString('base64url');
    const at = now();
    await storage.deleteExpiredSessions(iso(at));
    await storage.createSession({
      idHash: idHash(sessionId),
      operator: operator.name,
      createdAt: iso(at),
      lastSeenAt: iso(at),
      expiresAt: iso(at + SESSION_IDLE_MS),
    });
    return { ok: true, person: { name: operator.name, role: operator.role }, sessionId };
  }

  async function signOut(req: IncomingMessage): Promise<void> {
    const id = sessionIdOf(req);
    if (id) await storage.deleteSession(idHash(id));
  }

  return {
    throttle,
    async signIn(req, name, password) {
      if (byName.size === 0) return { ok: false, reason: 'nobody' };
      const outcome = await oneAtATime(name, () => check(name, password));
      // Never two sessions from one sign-in: the one the browser had (perhaps someone else's) ends.
      if (outcome.ok) await signOut(req);
      return outcome;
    },
    async lookup(req) {
      const id = sessionIdOf(req);
      if (!id) return { kind: 'none' };
      const hash = idHash(id);
      const session = await storage.session(hash);
      if (!session) return { kind: 'ended' };
      const at = now();
      const operator = byName.get(session.operator);
      if (Date.parse(session.expiresAt) <= at || !operator) {
        await storage.deleteSession(hash);
        return { kind: 'ended' };
      }
      if (at - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS)
        await storage.touchSession(hash, iso(at), iso(at + SESSION_IDLE_MS));
      return { kind: 'person', person: { name: operator.name, role: operator.role } };
    },
    signOut,
  };
}

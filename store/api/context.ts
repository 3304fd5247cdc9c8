import type { SessionGuard } from '../auth/session-guard.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { Storage } from '../storage/storage.ts';

/** What the API's handlers need: the storage, and the open change streams to close on shutdown. */
export interface ApiContext {
  storage: Storage;
  streams: Set<{ close(): void }>;
  /** Whether a request's session may do what it asks: `await ctx.auth.check(req, 'commander')`. */
  auth: SessionGuard;
  /** Signing in and out, and whose session a request carries (the session routes, attribution). */
  sessions: Sessions;
}

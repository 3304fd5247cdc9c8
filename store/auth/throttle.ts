// Failed sign-ins, counted per name: after a few in a row, sign-in for that name pauses, and each
// further failure doubles the pause. Unknown names are counted like known ones, so a pause says
// nothing about whether a name exists. Kept in memory: a restart of the store lifts every pause,
// which is also what an administrator does for a commander locked out by someone guessing.

export interface ThrottleOptions {
  now: () => number;
  /** Failures in a row before the first pause. */
  freeFailures?: number;
  firstPauseMs?: number;
  maxPauseMs?: number;
  /** Names remembered at most; the longest-quiet are forgotten first. */
  maxNames?: number;
}

interface Failures {
  count: number;
  pausedUntil: number;
  lastAt: number;
}

export const THROTTLE_DEFAULTS = {
  freeFailures: 5,
  firstPauseMs: 30_000,
  // Short enough that someone guessing cannot keep a commander out for long in an incident.
  maxPauseMs: 5 * 60_000,
  maxNames: 10_000,
} as const;

export class SignInThrottle {
  readonly freeFailures: number;
  readonly firstPauseMs: number;
  readonly maxPauseMs: number;
  private readonly maxNames: number;
  private readonly now: () => number;
  private readonly byName = new Map<string, Failures>();

  constructor(options: ThrottleOptions) {
    this.now = options.now;
    this.freeFailures = options.freeFailures ?? THROTTLE_DEFAULTS.freeFailures;
    this.firstPauseMs = options.firstPauseMs ?? THROTTLE_DEFAULTS.firstPauseMs;
    this.maxPauseMs = options.maxPauseMs ?? THROTTLE_DEFAULTS.maxPauseMs;
    this.maxNames = options.maxNames ?? THROTTLE_DEFAULTS.maxNames;
  }

  /** How long sign-in for `name` stays paused, in ms; 0 when it is open. */
  pausedFor(name: string): number {
    const entry = this.current(name);
    return entry ? Math.max(0, entry.pausedUntil - this.now()) : 0;
  }

  failed(name: string): void {
    const now = this.now();
    const entry = this.current(name) ?? { count: 0, pausedUntil: 0, lastAt: now };
    entry.count += 1;
    entry.lastAt = now;
    const over = entry.count - this.freeFailures;
    if (over >= 0) entry.pausedUntil = now + Math.min(this.maxPauseMs, this.firstPauseMs * 2 ** over);
    // Re-inserted, so that the map's order is the order of last failure.
    this.byName.delete(name);
    this.byName.set(name, entry);
    for (const oldest of this.byName.keys()) {
      if (this.byName.size <= this.maxNames) break;
      this.byName.delete(oldest);
    }
  }

  succeeded(name: string): void {
    this.byName.delete(name);
  }

  /** The name's record, unless it has been quiet long enough to be forgotten. */
  private current(name: string): Failures | undefined {
    const entry = this.byName.get(name);
    if (entry && this.now() - Math.max(entry.lastAt, entry.pausedUntil) > this.maxPauseMs) {
      this.byName.delete(name);
      return undefined;
    }
    return entry;
  }
}

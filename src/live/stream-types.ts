import type { EventSourceLike } from './event-stream.ts';
import type { ParsedEvent, SnapshotParts } from './parse.ts';

// The vocabulary of the link to the trading API, shared by the stream client, the connection
// store and the panels that show how fresh their data is.

/**
 * How the dashboard is hearing from the trading API right now:
 * - connecting: nothing heard yet;
 * - live: the event stream is open and delivering;
 * - polling: the stream is lost but the API answers polls;
 * - unreachable: the last request failed; what is shown is last-known.
 */
export type ConnectionPhase = 'connecting' | 'live' | 'polling' | 'unreachable';

export interface ConnectionReport {
  phase: ConnectionPhase;
  /** Client time (ms) this phase began: "unreachable since 14:03:07". */
  since: number;
  /**
   * Client time (ms) at which the data shown was last confirmed true, by the trading system's
   * clock (corrected for skew): late data looks as old as it is. Null before the first data.
   */
  lastContactAt: number | null;
  /** What went wrong last, in words, while not live. */
  problem: string | null;
  /**
   * The newest trading-system time heard (an event's or a heartbeat's `at`, epoch ms) and when,
   * by this browser's clock, it was true: lets the board tell the system's "now" between messages.
   */
  serverClock: { serverAt: number; clientAt: number } | null;
  /**
   * How often the client had to start over from a snapshot after the first one (a gap it could
   * not fill, a restart, invalid data). Zero across a stream drop means no event was lost.
   */
  resyncs: number;
}

export interface StreamPosition {
  instance: string;
  eventId: number;
}

/** Where the client puts what it learns; the query cache in the app, a recorder in tests. */
export interface StreamSink {
  /** Where the held data stands: the trading system's instance and the last event folded in. */
  position(): StreamPosition | null;
  replace(parts: SnapshotParts): void;
  apply(items: ParsedEvent[]): void;
  report(connection: ConnectionReport): void;
  /** Data arrived that could not even be positioned: keep last-known and say what was wrong. */
  invalid(problem: string): void;
  /** Whether any section still holds last-known data under a problem. */
  hasProblems(): boolean;
}

export interface StreamClientOptions {
  baseUrl: string;
  /** Polling interval while the stream is down; requests never go faster than this. */
  pollMs: number;
  /** A stream that does not open, or says nothing (not even a heartbeat), for this long is lost. */
  silenceMs?: number;
  /** Ceiling of the exponential backoff while the API is unreachable. */
  maxBackoffMs?: number;
  /** Per-request deadline: a slow API counts as unreachable rather than hanging the board. */
  requestTimeoutMs?: number;
  /** While polling, every Nth request is an attempt to reopen the stream instead of a poll. */
  streamRetryEvery?: number;
  /** After invalid data, re-sync from a snapshot at most this often (a persistent fault must not storm). */
  resyncEveryMs?: number;
  fetch?: typeof fetch;
  createEventSource?: (url: string) => EventSourceLike;
  now?: () => number;
  random?: () => number;
}

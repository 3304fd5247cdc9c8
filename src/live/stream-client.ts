import { idOf, parseEvent, parseEventPage, parseSnapshotParts } from './parse.ts';
import type { ParsedEvent, SnapshotParts } from './parse.ts';
import { parseJsonText } from '../../contract/validate.ts';
import type { ParseResult } from '../../contract/validate.ts';
import { describeFailure, requestText } from './request.ts';

/**
 * How the dashboard is hearing from the trading API right now:
 * - connecting: nothing heard yet;
 * - live: the event stream is open and delivering;
 * - polling: the stream is lost but the API answers polls (no event is missed, only later);
 * - unreachable: the last request failed; what is shown is last-known.
 */
export type ConnectionPhase = 'connecting' | 'live' | 'polling' | 'unreachable';

export interface ConnectionReport {
  phase: ConnectionPhase;
  /** Client time (ms) this phase began: "unreachable since 14:03:07". */
  since: number;
  /** Client time (ms) of the last successful contact, null before the first. */
  lastContactAt: number | null;
  /** What went wrong last, in words, while not live. */
  problem: string | null;
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
}

export interface EventSourceLike {
  onopen: ((this: EventSourceLike, ev: Event) => unknown) | null;
  onmessage: ((this: EventSourceLike, ev: MessageEvent<string>) => unknown) | null;
  onerror: ((this: EventSourceLike, ev: Event) => unknown) | null;
  close(): void;
}

export interface StreamClientOptions {
  baseUrl: string;
  /** Polling interval while the stream is down; requests never go faster than this. */
  pollMs: number;
  /** A stream that delivers nothing for this long is treated as lost (the server emits every second). */
  silenceMs: number;
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

export class StreamClient {
  private readonly sink: StreamSink;
  private readonly opts: Required<StreamClientOptions>;
  private source: EventSourceLike | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  private stopped = true;
  private failures = 0;
  private requestsSinceStreamTry = 0;
  private snapshotsTaken = 0;
  private lastForcedResync = -Infinity;
  private report: ConnectionReport;

  constructor(sink: StreamSink, options: StreamClientOptions) {
    this.sink = sink;
    this.opts = {
      maxBackoffMs: 5000,
      requestTimeoutMs: 4000,
      streamRetryEvery: 5,
      resyncEveryMs: 10_000,
      fetch: (input, init) => globalThis.fetch(input, init),
      createEventSource: (url) => new EventSource(url) as unknown as EventSourceLike,
      now: () => Date.now(),
      random: Math.random,
      ...options,
    };
    this.report = {
      phase: 'connecting',
      since: this.opts.now(),
      lastContactAt: null,
      problem: null,
      resyncs: 0,
    };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.catchUp();
  }

  stop(): void {
    this.stopped = true;
    this.closeStream();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** `contact`: valid data just arrived, so what is shown is current as of now. */
  private setPhase(phase: ConnectionPhase, problem: string | null, contact = true): void {
    const lastContactAt = contact ? this.opts.now() : this.report.lastContactAt;
    const since = phase === this.report.phase ? this.report.since : this.opts.now();
    const resyncs = Math.max(0, this.snapshotsTaken - 1);
    this.report = { phase, since, lastContactAt, problem, resyncs };
    this.sink.report(this.report);
  }

  private replace(parts: SnapshotParts): void {
    this.snapshotsTaken += 1;
    this.sink.replace(parts);
  }

  /** Fetches what was missed (or a whole snapshot), then tries the stream again. */
  private async catchUp(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    const tryStream = this.requestsSinceStreamTry >= this.opts.streamRetryEvery - 1;
    if (this.sink.position() !== null && tryStream) {
      // The stream replays from our position, so reopening it is itself a catch-up.
      this.requestsSinceStreamTry = 0;
      this.openStream();
      return;
    }
    this.requestsSinceStreamTry += 1;
    try {
      await this.pull();
      if (this.stopped) return;
      this.failures = 0;
      if (this.report.phase === 'connecting' || this.report.phase === 'unreachable') {
        // First contact, or the API is back: go straight for the stream.
        this.setPhase('polling', this.report.problem);
        this.requestsSinceStreamTry = 0;
        this.openStream();
        return;
      }
      this.setPhase('polling', this.report.problem);
      this.schedule(this.opts.pollMs);
    } catch (error) {
      if (this.stopped) return;
      this.failures += 1;
      if (error instanceof InvalidData) {
        // It answers, but with nothing usable: what is shown keeps ageing.
        this.sink.invalid(error.message);
        this.setPhase(this.report.phase === 'connecting' ? 'connecting' : 'polling', error.message, false);
      } else {
        this.setPhase('unreachable', describeFailure(error), false);
      }
      this.schedule(this.backoff());
    }
  }

  private async pull(forceSnapshot = false): Promise<void> {
    const at = this.sink.position();
    if (at === null || forceSnapshot) {
      this.replace(await this.getParsed('status', (d) => parseSnapshotParts(d, 'status snapshot')));
      return;
    }
    const query = `after=${at.eventId}&instance=${encodeURIComponent(at.instance)}`;
    const page = await this.getParsed(`events?${query}`, (d) => parseEventPage(d));
    // Only what follows our position, contiguously; anything else means we cannot trust the
    // page to complete what we hold, and a fresh snapshot is the honest answer. A restarted
    // system answers with another instance: its ids say nothing about ours.
    const fresh = page.events.filter((e) => idOf(e) > at.eventId);
    const contiguous = fresh.every((e, i) => idOf(e) === at.eventId + 1 + i);
    if (page.gap || page.instance !== at.instance || !contiguous) {
      this.replace(await this.getParsed('status', (d) => parseSnapshotParts(d, 'status snapshot')));
    } else if (fresh.length > 0) {
      this.sink.apply(fresh);
      if (fresh.some((e) => e.kind === 'invalid')) this.resyncSoon();
    }
  }

  private async getParsed<T>(path: string, parse: (data: unknown) => ParseResult<T>): Promise<T> {
    const text = await requestText(
      this.opts.fetch,
      `${this.opts.baseUrl}/${path}`,
      this.opts.requestTimeoutMs,
    );
    const json = parseJsonText(text, path === 'status' ? 'status snapshot' : 'missed events');
    const parsed = json.ok ? parse(json.value) : json;
    if (!parsed.ok) throw new InvalidData(parsed.error);
    return parsed.value;
  }

  private openStream(): void {
    this.closeStream();
    const at = this.sink.position();
    const query = at === null ? '' : `?lastEventId=${at.eventId}&instance=${encodeURIComponent(at.instance)}`;
    const source = this.opts.createEventSource(`${this.opts.baseUrl}/stream${query}`);
    this.source = source;
    source.onopen = () => {
      if (this.source !== source) return;
      this.failures = 0;
      this.setPhase('live', null);
      this.armWatchdog();
    };
    source.onmessage = (message) => {
      if (this.source === source) this.onMessage(message);
    };
    source.onerror = () => {
      if (this.source !== source) return;
      // Native EventSource reconnection is blind to HTTP errors and has no backoff of its own:
      // take over, poll meanwhile, and reopen the stream from the last event we hold.
      this.streamLost('the live stream was lost');
    };
  }

  private onMessage(message: MessageEvent<string>): void {
    this.armWatchdog();
    const json = parseJsonText(message.data, 'stream event');
    const parsed = json.ok ? parseEvent(json.value) : json;
    if (!parsed.ok) {
      // Not even positioned: keep last-known data, say so, and re-sync from a valid source.
      this.sink.invalid(parsed.error);
      this.streamLost(parsed.error);
      return;
    }
    const item = parsed.value;
    const id = idOf(item);
    const last = this.sink.position()?.eventId ?? null;
    if (item.kind === 'reset') {
      this.replace(item.parts);
    } else if (last !== null && id <= last) {
      return; // already applied, e.g. by a poll racing the stream
    } else if (last !== null && id > last + 1) {
      void this.resync(`events ${last + 1}–${id - 1} were missing from the stream`);
      return;
    } else {
      this.sink.apply([item]);
      if (item.kind === 'invalid') this.resyncSoon();
    }
    if (this.report.phase !== 'live') this.setPhase('live', null);
    else this.report = { ...this.report, lastContactAt: this.opts.now() };
    this.sink.report(this.report);
  }

  /**
   * An event broke the contract: the section shows its warning, and a fresh snapshot (soon, but
   * never in a storm) tells whether it was a one-off or the data is still bad.
   */
  private resyncSoon(): void {
    const now = this.opts.now();
    if (now - this.lastForcedResync < this.opts.resyncEveryMs) return;
    this.lastForcedResync = now;
    void this.resync('invalid data from the trading API', true);
  }

  /** Fills a gap the stream left (or starts over), then carries on streaming from the new position. */
  private async resync(problem: string, forceSnapshot = false): Promise<void> {
    this.closeStream();
    try {
      await this.pull(forceSnapshot);
      if (!this.stopped) this.openStream();
    } catch {
      this.streamLost(problem);
    }
  }

  private streamLost(problem: string): void {
    this.closeStream();
    if (this.stopped) return;
    this.setPhase(this.report.phase === 'unreachable' ? 'unreachable' : 'polling', problem);
    this.requestsSinceStreamTry = 0;
    this.schedule(this.report.phase === 'unreachable' ? this.backoff() : 0);
  }

  private armWatchdog(): void {
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      this.watchdog = null;
      if (this.source) this.streamLost(`the live stream went silent for ${this.opts.silenceMs / 1000} s`);
    }, this.opts.silenceMs);
  }

  private closeStream(): void {
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = null;
    if (!this.source) return;
    this.source.onopen = this.source.onmessage = this.source.onerror = null;
    this.source.close();
    this.source = null;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.catchUp(), delayMs);
  }

  /** Exponential backoff with jitter, never faster than the poll interval. */
  private backoff(): number {
    const base = Math.min(this.opts.maxBackoffMs, this.opts.pollMs * 2 ** Math.max(0, this.failures - 1));
    return Math.max(this.opts.pollMs, Math.round(base * (0.75 + 0.25 * this.opts.random())));
  }
}

class InvalidData extends Error {}

import { eventPageSchema, snapshotSchema, streamEventSchema } from '../../contract/schemas.ts';
import type { Snapshot, StreamEvent } from '../../contract/schemas.ts';
import { parseJsonOrExplain } from '../../contract/validate.ts';
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
}

export interface StreamPosition {
  instance: string;
  eventId: number;
}

/** Where the client puts what it learns; the query cache in the app, a recorder in tests. */
export interface StreamSink {
  /** Where the held data stands: the trading system's instance and the last event folded in. */
  position(): StreamPosition | null;
  replace(snapshot: Snapshot): void;
  apply(events: StreamEvent[]): void;
  report(connection: ConnectionReport): void;
  /** Data arrived but was not valid: keep last-known and say what was wrong. */
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
  private report: ConnectionReport;

  constructor(sink: StreamSink, options: StreamClientOptions) {
    this.sink = sink;
    this.opts = {
      maxBackoffMs: 5000,
      requestTimeoutMs: 4000,
      streamRetryEvery: 5,
      fetch: (input, init) => globalThis.fetch(input, init),
      createEventSource: (url) => new EventSource(url) as unknown as EventSourceLike,
      now: () => Date.now(),
      random: Math.random,
      ...options,
    };
    this.report = { phase: 'connecting', since: this.opts.now(), lastContactAt: null, problem: null };
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

  private setPhase(phase: ConnectionPhase, problem: string | null): void {
    const contact = phase === 'live' || phase === 'polling' ? this.opts.now() : this.report.lastContactAt;
    const since = phase === this.report.phase ? this.report.since : this.opts.now();
    this.report = { phase, since, lastContactAt: contact, problem };
    this.sink.report(this.report);
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
        this.sink.invalid(error.message);
        this.setPhase(this.report.phase === 'connecting' ? 'connecting' : 'polling', error.message);
      } else {
        this.setPhase('unreachable', describeFailure(error));
      }
      this.schedule(this.backoff());
    }
  }

  private async pull(): Promise<void> {
    const at = this.sink.position();
    if (at === null) {
      this.sink.replace(await this.getValidated('status', snapshotSchema, 'status snapshot'));
      return;
    }
    const query = `after=${at.eventId}&instance=${encodeURIComponent(at.instance)}`;
    const page = await this.getValidated(`events?${query}`, eventPageSchema, 'missed events');
    // A restarted system answers with another instance: its ids say nothing about ours.
    // Only what follows our position, contiguously; anything else means we cannot trust the
    // page to complete what we hold, and a fresh snapshot is the honest answer.
    const fresh = page.events.filter((e) => e.id > at.eventId);
    const contiguous = fresh.every((e, i) => e.id === at.eventId + 1 + i);
    if (page.gap || page.instance !== at.instance || !contiguous)
      this.sink.replace(await this.getValidated('status', snapshotSchema, 'status snapshot'));
    else if (fresh.length > 0) this.sink.apply(fresh);
  }

  private async getValidated<T>(
    path: string,
    schema: Parameters<typeof parseJsonOrExplain<T>>[1],
    what: string,
  ) {
    const text = await requestText(
      this.opts.fetch,
      `${this.opts.baseUrl}/${path}`,
      this.opts.requestTimeoutMs,
    );
    const parsed = parseJsonOrExplain(text, schema, what);
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
    const parsed = parseJsonOrExplain(message.data, streamEventSchema, 'stream event');
    if (!parsed.ok) {
      // Keep last-known data and say so; a fresh catch-up re-syncs from a valid source.
      this.sink.invalid(parsed.error);
      this.streamLost(parsed.error);
      return;
    }
    const event = parsed.value;
    const last = this.sink.position()?.eventId ?? null;
    if (this.report.phase !== 'live') this.setPhase('live', null);
    else this.report = { ...this.report, lastContactAt: this.opts.now() };
    if (event.type === 'reset') {
      this.sink.replace(event.snapshot);
    } else if (last !== null && event.id <= last) {
      return; // already applied, e.g. by a poll racing the stream
    } else if (last !== null && event.id > last + 1) {
      void this.resync(`events ${last + 1}–${event.id - 1} were missing from the stream`);
      return;
    } else {
      this.sink.apply([event]);
    }
    this.sink.report(this.report);
  }

  /** Fills a gap the stream left, then carries on streaming from the new position. */
  private async resync(problem: string): Promise<void> {
    this.closeStream();
    try {
      await this.pull();
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

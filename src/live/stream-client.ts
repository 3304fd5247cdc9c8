import { parseJsonText } from '../../contract/validate.ts';
import type { ParseResult } from '../../contract/validate.ts';
import { ClockOffset } from './clock-offset.ts';
import { EventStream } from './event-stream.ts';
import type { EventSourceLike } from './event-stream.ts';
import { backoffDelay } from './backoff.ts';
import type { ConnectionPhase, ConnectionReport, StreamClientOptions, StreamSink } from './stream-types.ts';
import { idOf, parseEventPage, parseSnapshotParts } from './parse.ts';
import type { ParsedEvent, SnapshotParts } from './parse.ts';
import { describeFailure, requestText } from './request.ts';

export class StreamClient {
  private readonly sink: StreamSink;
  private readonly opts: Required<StreamClientOptions>;
  private readonly clock = new ClockOffset();
  private stream: EventStream | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private healer: ReturnType<typeof setInterval> | null = null;
  private stopped = true;
  private failures = 0;
  private requestsSinceStreamTry = 0;
  private snapshotsTaken = 0;
  /** The next pull takes a whole snapshot (invalid data seen, or a position we cannot pass). */
  private snapshotDue = false;
  private lastForcedResync = -Infinity;
  private stuck: { eventId: number; times: number } | null = null;
  private serverClock: ConnectionReport['serverClock'] = null;
  private report: ConnectionReport;

  constructor(sink: StreamSink, options: StreamClientOptions) {
    this.sink = sink;
    this.opts = {
      silenceMs: 4500, // two heartbeats (every 2 s) missed, and a little slack
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
      serverClock: null,
    };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.catchUp();
    // A section broken by bad data heals only with a valid snapshot, and after the fault clears
    // nothing may come that would trigger one (an unchanged trading state sends no event): so
    // while a problem stands, look again every so often.
    this.healer = setInterval(() => {
      if (this.sink.hasProblems()) this.resyncSoon();
    }, this.opts.resyncEveryMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.healer) clearInterval(this.healer);
    this.healer = null;
    this.closeStream();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** `contactAt`: when the data now shown was true (client ms), or null when nothing new arrived. */
  private setPhase(phase: ConnectionPhase, problem: string | null, contactAt: number | null): void {
    const previous = this.report.lastContactAt;
    const lastContactAt = contactAt === null ? previous : Math.max(previous ?? contactAt, contactAt);
    const since = phase === this.report.phase ? this.report.since : this.opts.now();
    const resyncs = Math.max(0, this.snapshotsTaken - 1);
    this.report = { phase, since, lastContactAt, problem, resyncs, serverClock: this.serverClock };
    this.sink.report(this.report);
  }

  /** When something stamped `serverAt` by the trading system was true, by this browser's clock. */
  private truthAt(serverAt: string): number {
    const now = this.opts.now();
    this.clock.sample(serverAt, now);
    const clientAt = Math.min(now, this.clock.toClient(serverAt) ?? now);
    const server = Date.parse(serverAt);
    if (!this.serverClock || server >= this.serverClock.serverAt)
      this.serverClock = { serverAt: server, clientAt };
    return clientAt;
  }

  private replace(parts: SnapshotParts): number {
    if (this.sink.position()?.instance !== parts.instance) {
      this.clock.reset(); // another life, another clock
      this.serverClock = null;
    }
    this.snapshotsTaken += 1;
    this.stuck = null;
    this.sink.replace(parts);
    return this.truthAt(parts.asOf);
  }

  /** Fetches what was missed (or a whole snapshot), then tries the stream again. */
  private async catchUp(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    const tryStream = this.requestsSinceStreamTry >= this.opts.streamRetryEvery - 1;
    if (this.sink.position() !== null && tryStream && !this.snapshotDue) {
      // The stream replays from our position, so reopening it is itself a catch-up.
      this.requestsSinceStreamTry = 0;
      this.openStream();
      return;
    }
    this.requestsSinceStreamTry += 1;
    try {
      const contact = await this.pull();
      if (this.stopped) return;
      this.failures = 0;
      const wasDown = this.report.phase === 'connecting' || this.report.phase === 'unreachable';
      this.setPhase('polling', wasDown ? null : this.report.problem, contact);
      if (wasDown) {
        // First contact, or the API is back: go straight for the stream.
        this.requestsSinceStreamTry = 0;
        this.openStream();
      } else {
        this.schedule(this.opts.pollMs);
      }
    } catch (error) {
      if (this.stopped) return;
      this.failures += 1;
      if (error instanceof InvalidData) {
        // It answers, but with nothing usable: what is shown keeps ageing.
        this.sink.invalid(error.message);
        this.cannotPass();
        this.setPhase(this.report.phase === 'connecting' ? 'connecting' : 'polling', error.message, null);
      } else {
        this.setPhase('unreachable', describeFailure(error), null);
      }
      this.schedule(this.backoff());
    }
  }

  /** Brings the held state up to date over plain requests; returns when that state was true. */
  private async pull(): Promise<number> {
    const at = this.sink.position();
    if (at === null || this.snapshotDue) {
      this.snapshotDue = false;
      return this.replace(await this.getParsed('status', (d) => parseSnapshotParts(d, 'status snapshot')));
    }
    const query = `after=${at.eventId}&instance=${encodeURIComponent(at.instance)}`;
    const page = await this.getParsed(`events?${query}`, (d) => parseEventPage(d));
    // Only what follows our position, contiguously; anything else means we cannot trust the
    // page to complete what we hold, and a fresh snapshot is the honest answer. A restarted
    // system answers with another instance: its ids say nothing about ours.
    const fresh = page.events.filter((e) => idOf(e) > at.eventId);
    const contiguous = fresh.every((e, i) => idOf(e) === at.eventId + 1 + i);
    if (page.gap || page.instance !== at.instance || !contiguous) {
      return this.replace(await this.getParsed('status', (d) => parseSnapshotParts(d, 'status snapshot')));
    }
    if (fresh.length === 0) return this.opts.now(); // nothing changed, as of this answer
    this.sink.apply(fresh);
    if (fresh.some((e) => e.kind === 'invalid')) this.resyncSoon();
    const last = fresh.at(-1);
    return last && last.kind !== 'reset'
      ? this.truthAt(last.kind === 'change' ? last.event.at : last.at)
      : this.opts.now();
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
    this.stream = new EventStream(
      `${this.opts.baseUrl}/stream${query}`,
      this.opts.createEventSource,
      this.opts.silenceMs,
      {
        opened: () => {
          this.failures = 0;
          this.setPhase('live', null, null);
        },
        item: (item) => this.onItem(item),
        heartbeat: (at) => this.setPhase('live', null, this.truthAt(at)),
        unreadable: (problem) => {
          this.sink.invalid(problem);
          this.cannotPass();
          this.streamLost(problem);
        },
        lost: (problem) => this.streamLost(problem),
      },
    );
  }

  private onItem(item: ParsedEvent): void {
    const id = idOf(item);
    const last = this.sink.position()?.eventId ?? null;
    let contact: number;
    if (item.kind === 'reset') {
      contact = this.replace(item.parts);
    } else if (last !== null && id <= last) {
      return; // already applied, e.g. by a poll racing the stream
    } else if (last !== null && id > last + 1) {
      void this.resync(`events ${last + 1}–${id - 1} were missing from the stream`);
      return;
    } else {
      this.sink.apply([item]);
      this.stuck = null;
      if (item.kind === 'invalid') this.resyncSoon();
      contact = this.truthAt(item.kind === 'change' ? item.event.at : item.at);
    }
    this.setPhase('live', null, contact);
  }

  /**
   * The same unreadable thing at the same position twice: the event after it can never be
   * read, so stop replaying it and start over from a snapshot.
   */
  private cannotPass(): void {
    const eventId = this.sink.position()?.eventId ?? -1;
    this.stuck =
      this.stuck?.eventId === eventId ? { eventId, times: this.stuck.times + 1 } : { eventId, times: 1 };
    if (this.stuck.times >= 2) this.snapshotDue = true;
  }

  /**
   * An event broke the contract: its section shows the warning, and a fresh snapshot (soon, but
   * never in a storm) tells whether it was a one-off or the data is still bad.
   */
  private resyncSoon(): void {
    const now = this.opts.now();
    if (now - this.lastForcedResync < this.opts.resyncEveryMs) return;
    this.lastForcedResync = now;
    this.snapshotDue = true;
    // While streaming, re-sync right away; while polling, the next poll takes the snapshot.
    if (this.stream) void this.resync('invalid data from the trading API');
  }

  /** Fills a gap the stream left (or starts over), then carries on streaming from the new position. */
  private async resync(problem: string): Promise<void> {
    this.closeStream();
    try {
      const contact = await this.pull();
      if (this.stopped) return;
      this.setPhase(this.report.phase, this.report.problem, contact);
      this.openStream();
    } catch {
      this.streamLost(problem);
    }
  }

  private streamLost(problem: string): void {
    this.closeStream();
    if (this.stopped) return;
    const unreachable = this.report.phase === 'unreachable';
    this.setPhase(unreachable ? 'unreachable' : 'polling', problem, null);
    this.requestsSinceStreamTry = 0;
    this.schedule(unreachable ? this.backoff() : 0);
  }

  private closeStream(): void {
    this.stream?.close();
    this.stream = null;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.catchUp(), delayMs);
  }

  private backoff(): number {
    return backoffDelay(this.failures, this.opts.pollMs, this.opts.maxBackoffMs, this.opts.random);
  }
}

class InvalidData extends Error {}

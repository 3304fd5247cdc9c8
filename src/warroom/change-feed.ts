import { changeSchema } from '../../contract/store-schemas.ts';
import type { Change } from '../../contract/store-schemas.ts';
import { parseJsonText, parseOrExplain } from '../../contract/validate.ts';
import { backoffDelay } from '../live/backoff.ts';
import { SseParser } from './sse-parser.ts';
import { storeReads } from './store-client.ts';
import type { StoreFetch } from './store-client.ts';

/** connecting: nothing yet; live: streaming; polling: stream lost, `changes?after=` answers; unreachable. */
export type FeedPhase = 'connecting' | 'live' | 'polling' | 'unreachable';

export interface FeedReport {
  phase: FeedPhase;
  /** Client ms the phase began. */
  since: number;
  problem: string | null;
}

export interface ChangeFeedSink {
  /** The store's id and the last change folded in; null before the incidents were first read. */
  position(): { storeId: string; changeId: number } | null;
  /** Reads the incidents afresh: at start, or when the store's database is not the one we knew. */
  restart(): Promise<void>;
  apply(changes: Change[]): void;
  report(report: FeedReport): void;
}

export interface ChangeFeedOptions {
  baseUrl: string;
  /** Polling interval while the stream is down (a change is seen within it). */
  pollMs?: number;
  /** The store sends a keep-alive every 5 s: this long without a byte and the stream is lost. */
  silenceMs?: number;
  maxBackoffMs?: number;
  /** While polling, every Nth round reopens the stream instead. */
  streamRetryEvery?: number;
  fetch?: StoreFetch;
  random?: () => number;
  now?: () => number;
}

const PAGE = 500;

/**
 * The store's change feed, kept to the pattern of the trading API's stream client and much
 * smaller: catch up with `changes?after=`, then stream with `Last-Event-ID`; when the stream is
 * lost, poll, and try the stream again every few polls. Change ids only ever grow (with gaps,
 * on PostgreSQL), so anything at or below the position is a repeat and is skipped.
 */
export class ChangeFeed {
  private readonly sink: ChangeFeedSink;
  private readonly opts: Required<ChangeFeedOptions>;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stream: AbortController | null = null;
  private stopped = true;
  private failures = 0;
  private polls = 0;
  private report: FeedReport;

  constructor(sink: ChangeFeedSink, options: ChangeFeedOptions) {
    this.sink = sink;
    this.opts = {
      pollMs: 1000,
      silenceMs: 12_000,
      maxBackoffMs: 10_000,
      streamRetryEvery: 5,
      fetch: (input, init) => globalThis.fetch(input, init),
      random: Math.random,
      now: () => Date.now(),
      ...options,
    };
    this.report = { phase: 'connecting', since: this.opts.now(), problem: null };
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

  private setPhase(phase: FeedPhase, problem: string | null): void {
    const since = phase === this.report.phase ? this.report.since : this.opts.now();
    this.report = { phase, since, problem };
    this.sink.report(this.report);
  }

  private async catchUp(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    try {
      await this.pull();
      if (this.stopped) return;
      this.failures = 0;
      const wasDown = this.report.phase === 'connecting' || this.report.phase === 'unreachable';
      this.polls += 1;
      if (wasDown || this.polls >= this.opts.streamRetryEvery) return this.openStream();
      this.setPhase('polling', this.report.problem);
      this.schedule(this.opts.pollMs);
    } catch (error) {
      if (this.stopped) return;
      this.failures += 1;
      this.setPhase('unreachable', error instanceof Error ? error.message : String(error));
      this.schedule(backoffDelay(this.failures, this.opts.pollMs, this.opts.maxBackoffMs, this.opts.random));
    }
  }

  private async pull(): Promise<void> {
    for (;;) {
      const at = this.sink.position();
      if (at === null) return this.sink.restart();
      const page = await storeReads.changes(this.opts.baseUrl, at.changeId, this.opts.fetch);
      // Another database (restored, replaced): its ids say nothing about what we hold.
      if (page.storeId !== at.storeId) return this.sink.restart();
      const fresh = page.changes.filter((c) => c.id > at.changeId);
      if (fresh.length > 0) this.sink.apply(fresh);
      if (page.changes.length < PAGE) return;
    }
  }

  private openStream(): void {
    this.closeStream();
    this.polls = 0;
    const at = this.sink.position();
    if (at === null) return this.schedule(0);
    const controller = new AbortController();
    this.stream = controller;
    this.readStream(controller, at.changeId).catch((error: unknown) => {
      if (controller.signal.aborted && this.stream !== controller) return; // closed by us
      this.streamLost(error instanceof Error ? error.message : String(error));
    });
  }

  private async readStream(controller: AbortController, after: number): Promise<void> {
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const arm = (problem: string) => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => controller.abort(new Error(problem)), this.opts.silenceMs);
    };
    const seconds = this.opts.silenceMs / 1000;
    arm(`the store's change stream did not open within ${seconds} s`);
    try {
      const response = await this.opts.fetch(`${this.opts.baseUrl}/stream`, {
        headers: { accept: 'text/event-stream', 'last-event-id': String(after) },
        cache: 'no-store',
        signal: controller.signal,
      });
      if (!response.ok || !response.body)
        throw new Error(`the change stream answered HTTP ${response.status}`);
      this.failures = 0;
      this.setPhase('live', null);
      const parser = new SseParser();
      const reader = response.body.getReader();
      for (;;) {
        arm(`the store's change stream went silent for ${seconds} s`);
        const { done, value } = await reader.read();
        if (done) throw new Error('the store closed the change stream');
        const changes = parser.push(value).map((m) => this.parseChange(m.data));
        const position = this.sink.position()?.changeId ?? after;
        const fresh = changes.filter((c) => c.id > position);
        if (fresh.length > 0) this.sink.apply(fresh);
      }
    } catch (error) {
      // An abort carries the watchdog's reason; anything else is the connection's own failure.
      const reason: unknown = controller.signal.reason;
      throw controller.signal.aborted && reason instanceof Error ? reason : error;
    } finally {
      clearTimeout(watchdog);
    }
  }

  private parseChange(data: string): Change {
    const json = parseJsonText(data, 'store change');
    const parsed = json.ok ? parseOrExplain(changeSchema, json.value, 'store change') : json;
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.value;
  }

  private streamLost(problem: string): void {
    this.closeStream();
    if (this.stopped) return;
    this.setPhase(this.report.phase === 'unreachable' ? 'unreachable' : 'polling', problem);
    this.schedule(0);
  }

  private closeStream(): void {
    const stream = this.stream;
    this.stream = null;
    stream?.abort();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.catchUp(), delayMs);
  }
}

import { heartbeatSchema } from '../../contract/schemas.ts';
import { parseJsonText } from '../../contract/validate.ts';
import type { ParseResult } from '../../contract/validate.ts';
import { parseEvent } from './parse.ts';
import type { ParsedEvent } from './parse.ts';

export interface EventSourceLike {
  onopen: ((this: EventSourceLike, ev: Event) => unknown) | null;
  onmessage: ((this: EventSourceLike, ev: MessageEvent<string>) => unknown) | null;
  onerror: ((this: EventSourceLike, ev: Event) => unknown) | null;
  close(): void;
}

export interface EventStreamHandlers {
  opened(): void;
  /** A change, a reset, or a positioned-but-invalid event. */
  item(item: ParsedEvent): void;
  /** The server says it is alive and nothing changed, as of `at`. */
  heartbeat(at: string): void;
  /** Something arrived that cannot be positioned: not JSON, or no valid id. */
  unreadable(problem: string): void;
  /** The stream is gone: an error, no opening in time, or silence. */
  lost(problem: string): void;
}

/**
 * One EventSource connection, watched. It must open within `silenceMs` and then say something
 * (an event or a heartbeat) at least every `silenceMs`; otherwise it is reported lost and closed.
 * Native reconnection is never used: the owner decides when and from where to reconnect.
 */
export class EventStream {
  private source: EventSourceLike | null;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  private readonly silenceMs: number;
  private readonly on: EventStreamHandlers;

  constructor(
    url: string,
    create: (url: string) => EventSourceLike,
    silenceMs: number,
    on: EventStreamHandlers,
  ) {
    this.silenceMs = silenceMs;
    this.on = on;
    const source = create(url);
    this.source = source;
    this.arm(`the live stream did not open within ${silenceMs / 1000} s`);
    source.onopen = () => {
      this.arm(`the live stream went silent for ${silenceMs / 1000} s`);
      on.opened();
    };
    source.onmessage = (message) => this.message(message.data);
    source.onerror = () => this.fail('the live stream was lost');
  }

  close(): void {
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = null;
    if (!this.source) return;
    this.source.onopen = this.source.onmessage = this.source.onerror = null;
    this.source.close();
    this.source = null;
  }

  private message(text: string): void {
    if (!this.source) return;
    this.arm(`the live stream went silent for ${this.silenceMs / 1000} s`);
    const json = parseJsonText(text, 'stream event');
    if (!json.ok) return this.on.unreadable(json.error);
    const heartbeat = heartbeatSchema.safeParse(json.value);
    if (heartbeat.success) return this.on.heartbeat(heartbeat.data.at);
    const parsed: ParseResult<ParsedEvent> = parseEvent(json.value);
    if (parsed.ok) this.on.item(parsed.value);
    else this.on.unreadable(parsed.error);
  }

  private arm(problem: string): void {
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => this.fail(problem), this.silenceMs);
  }

  private fail(problem: string): void {
    if (!this.source) return;
    this.close();
    this.on.lost(problem);
  }
}

// The event history: ids, time stamps, a bounded replay buffer and live listeners. Ids are
// contiguous, so an id maps straight to a buffer index.
import { iso } from './time.ts';
import type { EventBody, StreamEvent } from './types.ts';

export interface EventPage {
  events: StreamEvent[];
  lastEventId: number;
  gap: boolean;
}

export type Listener = (event: StreamEvent) => void;

export const DEFAULT_RETAINED_EVENTS = 10_000;
export const DEFAULT_PAGE_LIMIT = 500;

export class EventLog {
  readonly retain: number;
  #events: StreamEvent[] = [];
  #lastId = 0;
  #listeners = new Set<Listener>();

  constructor(retain = DEFAULT_RETAINED_EVENTS) {
    if (!Number.isInteger(retain) || retain < 1)
      throw new RangeError(`retainEvents must be >= 1, got ${retain}`);
    this.retain = retain;
  }

  get lastId(): number {
    return this.#lastId;
  }

  append(at: number, body: EventBody): StreamEvent {
    const event = { id: this.#lastId + 1, at: iso(at), ...body } as StreamEvent;
    this.#lastId = event.id;
    this.#events.push(event);
    // Trim in batches: dropping one element per append would shift the whole array each time.
    if (this.#events.length >= 2 * this.retain) this.#events.splice(0, this.#events.length - this.retain);
    // A copy, so that a listener may unsubscribe (or subscribe another) while being called.
    for (const listener of [...this.#listeners]) listener(event);
    return event;
  }

  get #firstRetainedId(): number {
    return Math.max(1, this.#lastId - this.retain + 1);
  }

  /**
   * The retained events with id > afterId, oldest first, at most `limit`. When events after
   * `afterId` were already dropped, nothing is returned and `gap` is set: the reader must take
   * a new snapshot instead.
   */
  after(afterId: number, limit = DEFAULT_PAGE_LIMIT): EventPage {
    const lastEventId = this.#lastId;
    const from = Math.max(0, Math.floor(afterId)) + 1;
    if (from > lastEventId) return { events: [], lastEventId, gap: false };
    if (from < this.#firstRetainedId) return { events: [], lastEventId, gap: true };
    const offset = this.#events[0]?.id ?? 1;
    const start = from - offset;
    const count = Math.max(1, Math.floor(limit));
    return { events: this.#events.slice(start, start + count), lastEventId, gap: false };
  }

  /** Every retained event, oldest first. */
  retained(): StreamEvent[] {
    const offset = this.#events[0]?.id ?? 1;
    return this.#events.slice(Math.max(0, this.#firstRetainedId - offset));
  }

  subscribe(listener: Listener): () => void {
    // Wrapped so that subscribing the same function twice yields two independent subscriptions.
    const entry: Listener = (event) => listener(event);
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }
}

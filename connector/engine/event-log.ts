// The connector's history of canonical events for one system: contiguous ids from 1, a bounded
// replay buffer for clients that resume, and live listeners. (The simulator's model keeps its
// own, pure one; this one belongs to the server side and knows nothing of the model.)
import type { Snapshot, StreamEvent } from '../../contract/schemas.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type EventBody = DistributiveOmit<Exclude<StreamEvent, { type: 'reset' }>, 'id' | 'at'>;

export interface Page {
  events: StreamEvent[];
  lastEventId: number;
  gap: boolean;
}

export class CanonicalLog {
  #events: StreamEvent[] = [];
  #lastId = 0;
  #listeners = new Set<(event: StreamEvent) => void>();
  readonly retain: number;

  constructor(retain = 10_000) {
    this.retain = retain;
  }

  get lastId(): number {
    return this.#lastId;
  }

  append(at: number, body: EventBody): StreamEvent {
    return this.#push({ id: this.#lastId + 1, at: new Date(at).toISOString(), ...body } as StreamEvent);
  }

  /**
   * A whole snapshot as the next event, for what changes cannot say: a venue or a service that
   * is gone (changes only add and update). Its snapshot carries its own id, as a reset must.
   */
  appendReset(at: number, snapshot: (eventId: number) => Snapshot): StreamEvent {
    const id = this.#lastId + 1;
    return this.#push({ type: 'reset', id, at: new Date(at).toISOString(), snapshot: snapshot(id) });
  }

  #push(event: StreamEvent): StreamEvent {
    this.#lastId = event.id;
    this.#events.push(event);
    if (this.#events.length >= 2 * this.retain) this.#events.splice(0, this.#events.length - this.retain);
    for (const listener of [...this.#listeners]) listener(event);
    return event;
  }

  /** Events with id > afterId, oldest first; `gap` when some were no longer retained. */
  after(afterId: number, limit: number): Page {
    const lastEventId = this.#lastId;
    const from = Math.max(0, Math.floor(afterId)) + 1;
    if (from > lastEventId) return { events: [], lastEventId, gap: false };
    const first = this.#events[0]?.id ?? lastEventId + 1;
    if (from < first) return { events: [], lastEventId, gap: true };
    const start = from - first;
    return { events: this.#events.slice(start, start + Math.max(1, limit)), lastEventId, gap: false };
  }

  subscribe(listener: (event: StreamEvent) => void): () => void {
    const entry = (event: StreamEvent) => listener(event);
    this.#listeners.add(entry);
    return () => void this.#listeners.delete(entry);
  }
}

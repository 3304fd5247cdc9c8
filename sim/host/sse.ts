import type { ServerResponse } from 'node:http';
import { SseResponse, sseMessage } from '../../http-kit/sse.ts';

const HEARTBEAT_MS = 2000;

/**
 * One open Server-Sent Events response. Messages leave in the order they were queued, each no
 * earlier than its `notBefore` time, so a delay (the `slow` fault) can hold them back but never
 * reorder them.
 */
export class SseConnection {
  readonly #out: SseResponse;
  readonly #queue: { text: string; notBefore: number }[] = [];
  #flushTimer: ReturnType<typeof setTimeout> | null = null;

  /** `heartbeat` gives the id-less message sent every 2 s (the contract's Heartbeat) and its delay. */
  constructor(res: ServerResponse, onClose: () => void, heartbeat: () => { data: string; delayMs: number }) {
    this.#out = new SseResponse(res, {
      keepAliveMs: HEARTBEAT_MS,
      // Heartbeats queue like any message, so the `slow` fault delays them too.
      beat: () => {
        const beat = heartbeat();
        this.#enqueue(sseMessage(null, beat.data), beat.delayMs);
      },
      onClose: () => {
        if (this.#flushTimer) clearTimeout(this.#flushTimer);
        onClose();
      },
    });
  }

  get closed(): boolean {
    return this.#out.closed;
  }

  /** Sends one message, after `delayMs`; `data` is written as given (JSON, or deliberately broken). */
  send(id: number, data: string, delayMs = 0): void {
    this.#enqueue(sseMessage(id, data), delayMs);
  }

  #enqueue(text: string, delayMs: number): void {
    if (this.closed) return;
    this.#queue.push({ text, notBefore: Date.now() + delayMs });
    this.#flush();
  }

  #flush(): void {
    if (this.#flushTimer) return;
    for (let next = this.#queue[0]; next && !this.closed; next = this.#queue[0]) {
      const wait = next.notBefore - Date.now();
      if (wait > 0) {
        this.#flushTimer = setTimeout(() => {
          this.#flushTimer = null;
          this.#flush();
        }, wait);
        return;
      }
      this.#queue.shift();
      this.#out.write(next.text);
    }
  }

  /** Cuts the connection without a goodbye, as a dropped network path would. */
  drop(): void {
    this.#out.drop();
  }
}

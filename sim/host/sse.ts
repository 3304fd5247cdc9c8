import type { ServerResponse } from 'node:http';

const HEARTBEAT_MS = 2000;

/**
 * One open Server-Sent Events response. Messages leave in the order they were queued, each no
 * earlier than its `notBefore` time, so a delay (the `slow` fault) can hold them back but never
 * reorder them.
 */
export class SseConnection {
  private readonly res: ServerResponse;
  private readonly keepAlive: ReturnType<typeof setInterval>;
  private readonly queue: { text: string; notBefore: number }[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  closed = false;

  /** `heartbeat` gives the id-less message sent every 2 s (the contract's Heartbeat) and its delay. */
  constructor(res: ServerResponse, onClose: () => void, heartbeat: () => { data: string; delayMs: number }) {
    this.res = res;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // Tell buffering proxies (nginx) to pass events through as they come.
      'x-accel-buffering': 'no',
    });
    // Reconnect hint for clients that use native reconnection; the dashboard manages its own.
    res.write('retry: 1000\n\n');
    // Heartbeats carry no id, so they never move a client's position; they prove the
    // connection alive while the system is quiet, and keep proxies from cutting it.
    this.keepAlive = setInterval(() => {
      const beat = heartbeat();
      this.enqueue(`data: ${beat.data}\n\n`, beat.delayMs);
    }, HEARTBEAT_MS);
    res.on('close', () => {
      this.closed = true;
      clearInterval(this.keepAlive);
      if (this.flushTimer) clearTimeout(this.flushTimer);
      onClose();
    });
  }

  /** Sends one message, after `delayMs`; `data` is written as given (JSON, or deliberately broken). */
  send(id: number, data: string, delayMs = 0): void {
    this.enqueue(`id: ${id}\ndata: ${data.replaceAll('\n', '\ndata: ')}\n\n`, delayMs);
  }

  private enqueue(text: string, delayMs: number): void {
    if (this.closed) return;
    this.queue.push({ text, notBefore: Date.now() + delayMs });
    this.flush();
  }

  private flush(): void {
    if (this.flushTimer) return;
    for (let next = this.queue[0]; next && !this.closed; next = this.queue[0]) {
      const wait = next.notBefore - Date.now();
      if (wait > 0) {
        this.flushTimer = setTimeout(() => {
          this.flushTimer = null;
          this.flush();
        }, wait);
        return;
      }
      this.queue.shift();
      this.res.write(next.text);
    }
  }

  /** Cuts the connection without a goodbye, as a dropped network path would. */
  drop(): void {
    clearInterval(this.keepAlive);
    this.res.socket?.destroy();
  }
}

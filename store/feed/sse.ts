// One open Server-Sent Events response.
import type { ServerResponse } from 'node:http';

const KEEP_ALIVE_MS = 5000;

export class SseStream {
  readonly #res: ServerResponse;
  readonly #keepAlive: ReturnType<typeof setInterval>;
  closed = false;

  constructor(res: ServerResponse, onClose: () => void) {
    this.#res = res;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // Tell buffering proxies (nginx) to pass messages through as they come.
      'x-accel-buffering': 'no',
    });
    // EventSource reconnects after this many ms, sending the last id it saw: the replay covers the gap.
    res.write('retry: 1000\n\n');
    // Comments keep idle connections from being cut by proxies; EventSource ignores them.
    this.#keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    res.on('close', () => {
      this.closed = true;
      clearInterval(this.#keepAlive);
      onClose();
    });
  }

  /** One message; `data` is one line of JSON. */
  send(id: number, data: string): void {
    if (!this.closed) this.#res.write(`id: ${id}\ndata: ${data}\n\n`);
  }

  close(): void {
    clearInterval(this.#keepAlive);
    this.#res.end();
  }
}

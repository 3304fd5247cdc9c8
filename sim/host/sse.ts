import type { ServerResponse } from 'node:http';

const KEEP_ALIVE_MS = 5000;

/** One open Server-Sent Events response. */
export class SseConnection {
  private readonly res: ServerResponse;
  private readonly keepAlive: ReturnType<typeof setInterval>;
  closed = false;

  constructor(res: ServerResponse, onClose: () => void) {
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
    // Comments keep idle connections from being cut by proxies; EventSource ignores them.
    this.keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    res.on('close', () => {
      this.closed = true;
      clearInterval(this.keepAlive);
      onClose();
    });
  }

  /** Sends one message; `data` is written as given (already JSON, or deliberately broken). */
  send(id: number, data: string): void {
    if (this.closed) return;
    this.res.write(`id: ${id}\ndata: ${data.replaceAll('\n', '\ndata: ')}\n\n`);
  }

  /** Cuts the connection without a goodbye, as a dropped network path would. */
  drop(): void {
    clearInterval(this.keepAlive);
    this.res.socket?.destroy();
  }
}

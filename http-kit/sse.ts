// One open Server-Sent Events response: the headers, the reconnect hint, message framing, a
// keep-alive beat while it is open, and the two ways to end it. What a service sends, when and
// in which order stays with the service.
import type { ServerResponse } from 'node:http';

export interface SseOptions {
  /** How often `beat` runs while the response is open. */
  keepAliveMs: number;
  /**
   * Proves the connection alive while there is nothing to say, and keeps proxies from cutting
   * it: a comment, or an id-less message (which never moves a client's position).
   */
  beat(): void;
  /** Runs once, when the connection has closed, for whatever reason. */
  onClose(): void;
}

/** One message as it goes on the wire; a message with a null id leaves the client's position alone. */
export function sseMessage(id: number | null, data: string): string {
  // A newline inside `data` would end the field; each line becomes a `data:` line of its own.
  const lines = `data: ${data.replaceAll('\n', '\ndata: ')}\n\n`;
  return id === null ? lines : `id: ${id}\n${lines}`;
}

export class SseResponse {
  readonly #res: ServerResponse;
  readonly #keepAlive: ReturnType<typeof setInterval>;
  #closed = false;

  constructor(res: ServerResponse, options: SseOptions) {
    this.#res = res;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // Tell buffering proxies (nginx) to pass messages through as they come.
      'x-accel-buffering': 'no',
    });
    // EventSource reconnects after this many ms, sending the last id it saw, so a replay can
    // cover the gap; the dashboard manages its own reconnection.
    res.write('retry: 1000\n\n');
    this.#keepAlive = setInterval(() => options.beat(), options.keepAliveMs);
    res.on('close', () => {
      this.#closed = true;
      clearInterval(this.#keepAlive);
      options.onClose();
    });
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Writes text already framed (see sseMessage); nothing once the connection has closed. */
  write(text: string): void {
    if (!this.#closed) this.#res.write(text);
  }

  send(id: number | null, data: string): void {
    this.write(sseMessage(id, data));
  }

  /** A comment line: EventSource ignores it, proxies see traffic. */
  comment(text: string): void {
    this.write(`: ${text}\n\n`);
  }

  /** Ends the response cleanly: the client sees the stream close. */
  close(): void {
    clearInterval(this.#keepAlive);
    this.#res.end();
  }

  /** Cuts the connection without a goodbye, as a dropped network path would. */
  drop(): void {
    clearInterval(this.#keepAlive);
    this.#res.socket?.destroy();
  }
}

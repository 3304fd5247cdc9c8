// Reading Server-Sent Events in tests (Node has no global EventSource): messages as they arrive,
// and the end of the stream.
import { WAIT_MS } from './wait.ts';

export interface SseMessage {
  /** The `id:` field of this very message; null when it had none. */
  id: string | null;
  /** The `data:` lines joined by newlines, as EventSource would deliver them. */
  data: string;
}

type ReadOutcome = { done: boolean; value?: Uint8Array } | { error: unknown };

/**
 * Reads messages from an event-stream response as they arrive. Comments and blocks without data
 * (the `retry:` hint) are skipped, as EventSource skips them. One reader per response: the body
 * can be read only once, so later reads continue where earlier ones stopped.
 */
export class SseReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #decoder = new TextDecoder();
  #buffer = '';
  #queue: SseMessage[] = [];
  #pending: Promise<ReadOutcome> | null = null;
  #end: 'closed' | 'error' | null = null;
  received = 0;

  constructor(response: Response) {
    if (!response.body) throw new Error('the response has no body');
    this.#reader = response.body.getReader();
  }

  /** The next `n` messages; fails when they do not all arrive within `timeoutMs` or the stream ends. */
  async read(n: number, timeoutMs = WAIT_MS): Promise<SseMessage[]> {
    const deadline = performance.now() + timeoutMs;
    while (this.#queue.length < n) {
      if (this.#end)
        throw new Error(`the stream ended (${this.#end}) with ${this.#queue.length} of ${n} messages read`);
      if (!(await this.#pump(deadline)))
        throw new Error(`got ${this.#queue.length} of ${n} messages within ${timeoutMs} ms`);
    }
    return this.#queue.splice(0, n);
  }

  /** Waits for the stream to end, reading (and keeping) what still comes; fails after `timeoutMs`. */
  async ended(timeoutMs = WAIT_MS): Promise<'closed' | 'error'> {
    const deadline = performance.now() + timeoutMs;
    while (!this.#end) {
      if (!(await this.#pump(deadline))) throw new Error(`the stream was still open after ${timeoutMs} ms`);
    }
    return this.#end;
  }

  cancel(): void {
    this.#reader.cancel().catch(() => {});
  }

  /** One chunk, or false at the deadline. The read stays pending across calls: none is lost. */
  async #pump(deadline: number): Promise<boolean> {
    // Rejections become values so that a read still pending when a test ends is never unhandled.
    this.#pending ??= this.#reader.read().then(
      (result) => result,
      (error: unknown) => ({ error }),
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), Math.max(0, deadline - performance.now()));
    });
    const outcome = await Promise.race([this.#pending, timeout]);
    clearTimeout(timer);
    if (outcome === null) return false;
    this.#pending = null;
    if ('error' in outcome) this.#end = 'error';
    else if (outcome.done) this.#end = 'closed';
    else this.#take(this.#decoder.decode(outcome.value, { stream: true }));
    return true;
  }

  #take(text: string): void {
    this.#buffer += text.replaceAll('\r\n', '\n');
    for (let end = this.#buffer.indexOf('\n\n'); end >= 0; end = this.#buffer.indexOf('\n\n')) {
      const block = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 2);
      const message = parseBlock(block);
      if (message) {
        this.#queue.push(message);
        this.received += 1;
      }
    }
  }
}

function parseBlock(block: string): SseMessage | null {
  let id: string | null = null;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  return data.length === 0 ? null : { id, data: data.join('\n') };
}

const readers = new WeakMap<Response, SseReader>();

/** The reader of an event-stream response, created on first use. */
export function sseReader(response: Response): SseReader {
  let reader = readers.get(response);
  if (!reader) {
    reader = new SseReader(response);
    readers.set(response, reader);
  }
  return reader;
}

/** The next `n` messages of an event-stream response (continuing after earlier calls). */
export function readSseMessages(response: Response, n: number, timeoutMs = WAIT_MS): Promise<SseMessage[]> {
  return sseReader(response).read(n, timeoutMs);
}

/** Opens the stream and checks that it is one; the caller reads it with readSseMessages. */
export async function openStream(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers } });
  if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
    const text = await response.text();
    throw new Error(`expected an event stream, got ${response.status}: ${text.slice(0, 200)}`);
  }
  return response;
}

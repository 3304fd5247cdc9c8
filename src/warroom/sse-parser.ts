export interface SseMessage {
  id: string | null;
  data: string;
}

/**
 * Splits a Server-Sent Events byte stream into messages, as EventSource does but without it: the
 * change feed reads the stream with fetch so that it can send `Last-Event-ID` itself and hear the
 * store's keep-alive comments (EventSource hides them, and a silent stream is a lost one).
 */
export class SseParser {
  private buffer = '';
  private id: string | null = null;
  private data: string[] = [];
  private readonly decoder = new TextDecoder();

  /** Feeds a chunk; returns the messages it completed. Comments and `retry:` count as signs of life only. */
  push(chunk: Uint8Array | string): SseMessage[] {
    this.buffer += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const out: SseMessage[] = [];
    const lines = this.buffer.split(/\r\n|\r|\n/);
    this.buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (this.data.length > 0) out.push({ id: this.id, data: this.data.join('\n') });
        this.data = [];
        this.id = null;
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') this.data.push(value);
      else if (field === 'id') this.id = value;
    }
    return out;
  }
}

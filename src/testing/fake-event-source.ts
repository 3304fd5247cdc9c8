import type { EventSourceLike } from '../live/event-stream.ts';

/**
 * jsdom has no EventSource, and msw's sse() cannot run under it; the stream client takes its
 * EventSource from outside, so tests drive one by hand. Real SSE is covered end to end.
 */
export class FakeEventSource implements EventSourceLike {
  static instances: FakeEventSource[] = [];
  onopen: EventSourceLike['onopen'] = null;
  onmessage: EventSourceLike['onmessage'] = null;
  onerror: EventSourceLike['onerror'] = null;
  readonly url: string;
  closed = false;

  constructor(url: string) {
    this.url = url;
    FakeEventSource.instances.push(this);
  }

  static latest(): FakeEventSource {
    const source = FakeEventSource.instances.at(-1);
    if (!source) throw new Error('no EventSource was opened');
    return source;
  }

  static reset(): void {
    FakeEventSource.instances = [];
  }

  open(): void {
    this.onopen?.call(this, new Event('open'));
  }

  emit(data: unknown, id?: number): void {
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    this.onmessage?.call(
      this,
      new MessageEvent('message', { data: text, lastEventId: id === undefined ? '' : String(id) }),
    );
  }

  fail(): void {
    this.onerror?.call(this, new Event('error'));
  }

  close(): void {
    this.closed = true;
  }
}

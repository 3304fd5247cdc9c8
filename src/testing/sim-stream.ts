import { vi } from 'vitest';
import type { Simulator } from '../../sim/model/simulator.ts';
import { FakeEventSource } from './fake-event-source.ts';

/**
 * Serves the simulator model over the fake EventSource the way the HTTP host serves it over
 * SSE: replay after the client's position (or a reset), then every new event as the model
 * emits it. Undo with vi.unstubAllGlobals().
 */
export function installSimStream(sim: Simulator): { dropAll(): void } {
  return installSimStreams({ '': sim });
}

/**
 * The same for several trading systems at once, each under its API base (`/api/systems/hft/v1`):
 * a stream opened under a base is served by that base's simulator; one under no base is refused.
 */
export function installSimStreams(byBase: Readonly<Record<string, Simulator>>): { dropAll(): void } {
  const unsubscribers: (() => void)[] = [];
  const simFor = (url: string) =>
    Object.entries(byBase)
      .filter(([base]) => base === '' || url.startsWith(`${base}/`))
      .sort(([a], [b]) => b.length - a.length)[0]?.[1];

  class SimEventSource extends FakeEventSource {
    constructor(url: string) {
      super(url);
      const sim = simFor(url);
      const params = new URL(url, 'http://dashboard.test').searchParams;
      const after = params.get('lastEventId');
      // Open on the next macrotask, like a real connection, so the client has attached handlers.
      setTimeout(() => {
        if (this.closed) return;
        if (!sim) return this.fail();
        this.open();
        const page = after === null ? null : sim.eventPage(Number(after), params.get('instance'));
        if (page === null || page.gap) {
          const snapshot = sim.snapshot();
          this.emit({ type: 'reset', id: snapshot.eventId, at: snapshot.asOf, snapshot }, snapshot.eventId);
        } else {
          for (const event of page.events) this.emit(event, event.id);
        }
        unsubscribers.push(sim.subscribe((event) => !this.closed && this.emit(event, event.id)));
      }, 0);
    }
  }

  FakeEventSource.reset();
  vi.stubGlobal('EventSource', SimEventSource);
  return {
    dropAll() {
      for (const source of FakeEventSource.instances) if (!source.closed) source.fail();
      unsubscribers.splice(0).forEach((u) => u());
    },
  };
}

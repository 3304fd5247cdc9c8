// Shared set-up for the model's tests: a simulator on a manual clock that records every event.
import { ManualClock } from './clock.ts';
import { Simulator } from './simulator.ts';
import type { SimulatorOptions } from './simulator.ts';
import type { Alert, MetricWindow, StreamEvent } from './types.ts';

/** 2025-01-01T00:00:00Z: on every step, window and health-check boundary. */
export const START = Date.UTC(2025, 0, 1);

type EventOf<T extends StreamEvent['type']> = Extract<StreamEvent, { type: T }>;

export function harness(seed = 1, opts: Partial<Omit<SimulatorOptions, 'seed' | 'clock'>> = {}) {
  const clock = new ManualClock(START);
  const sim = new Simulator({ seed, clock, ...opts });
  const events: StreamEvent[] = [];
  sim.subscribe((event) => events.push(event));

  const ofType = <T extends StreamEvent['type']>(type: T): EventOf<T>[] =>
    events.filter((e): e is EventOf<T> => e.type === type);

  return {
    clock,
    sim,
    events,
    ofType,
    /** Advance simulated time by `ms` and let the model catch up. */
    run(ms: number): void {
      clock.advance(ms);
      sim.tick();
    },
    /** Milliseconds since START. */
    elapsed: (): number => clock.now() - START,
    windows: (): MetricWindow[] => ofType('metrics.window').map((e) => e.window),
    /** Windows that closed after `fromMs` (epoch). */
    windowsAfter: (fromMs: number): MetricWindow[] =>
      ofType('metrics.window')
        .map((e) => e.window)
        .filter((w) => Date.parse(w.start) >= fromMs),
    firings: (name: string): Alert[] =>
      ofType('alert.firing')
        .map((e) => e.alert)
        .filter((a) => a.name === name),
    alert: (id: string): Alert | undefined => sim.snapshot().alerts.find((a) => a.id === id),
    service: (id: string) => sim.snapshot().services.find((s) => s.id === id),
    venue: (id: string) => sim.snapshot().venues.find((v) => v.id === id),
  };
}

export type Harness = ReturnType<typeof harness>;

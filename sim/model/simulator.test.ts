import { describe, expect, test } from 'vitest';
import { snapshotSchema, streamEventSchema } from '../../contract/schemas.ts';
import { ManualClock } from './clock.ts';
import { OFFERED_CONTROLS, Simulator } from './simulator.ts';
import { START, harness } from './test-harness.ts';
import type { StreamEvent } from './types.ts';

/** Runs a scripted minute, feeding the clock in slices of `sliceMs` (the last slice may be shorter). */
function scriptedRun(seed: number, sliceMs: number) {
  const clock = new ManualClock(START);
  const sim = new Simulator({ seed, clock });
  const events: StreamEvent[] = [];
  sim.subscribe((e) => events.push(e));
  const runUntil = (elapsedMs: number): void => {
    while (clock.now() < START + elapsedMs) {
      clock.advance(Math.min(sliceMs, START + elapsedMs - clock.now()));
      sim.tick();
    }
  };
  runUntil(10_000);
  sim.startScenario({ name: 'exchange-outage', venueId: 'okx' });
  runUntil(20_000);
  sim.setTradingState('HALTED', 'alice', 'drill');
  sim.startScenario({ name: 'latency-degradation' });
  runUntil(45_000);
  sim.stopScenario('exchange-outage');
  sim.setTradingState('ACTIVE', 'alice', 'drill over');
  runUntil(60_000);
  return { events, snapshot: sim.snapshot() };
}

describe('Simulator determinism', () => {
  test('same seed and same clock advance give the same events and snapshot, however the advance is split', () => {
    const whole = scriptedRun(7, 60_000);
    for (const slice of [100, 37, 1_000]) {
      const split = scriptedRun(7, slice);
      expect(split.events).toEqual(whole.events);
      expect(split.snapshot).toEqual(whole.snapshot);
    }
    expect(whole.events.length).toBeGreaterThan(150);
  });

  test('a different seed gives a different series', () => {
    const a = scriptedRun(7, 60_000);
    const b = scriptedRun(8, 60_000);
    const series = (r: typeof a) => r.events.flatMap((e) => (e.type === 'metrics.window' ? [e.window] : []));
    expect(series(b)).not.toEqual(series(a));
  });
});

describe('Simulator events and snapshots', () => {
  test('everything emitted and the snapshot match the contract; no reset ever comes from the model', () => {
    const h = harness(3);
    expect(h.events).toEqual([]); // construction emits nothing
    h.sim.startScenario({ name: 'security-breach' });
    h.sim.startScenario({ name: 'db-pool-exhaustion' });
    h.run(30_000);
    h.sim.setTradingState('REDUCING', 'bob', 'limit');
    h.run(30_000);
    const types = new Set(h.events.map((e) => e.type));
    expect([...types].sort()).toEqual(
      [
        'alert.firing',
        'metrics.window',
        'orders.changed',
        'service.changed',
        'services.checked',
        'trading-state.changed',
        'venues.changed',
      ].sort(),
    );
    for (const event of h.events) expect(streamEventSchema.parse(event)).toEqual(event);
    const snapshot = h.sim.snapshot();
    expect(snapshotSchema.parse(snapshot)).toEqual(snapshot);
    expect(snapshot.eventId).toBe(h.sim.lastEventId);
    expect(snapshot.system).toEqual({
      id: 'sim',
      name: 'Simulated trading system',
      controls: [...OFFERED_CONTROLS],
      environment: 'simulator',
    });
    // The snapshot's list is a copy: changing it changes nothing in the model.
    snapshot.system.controls.pop();
    expect(h.sim.snapshot().system.controls).toEqual([...OFFERED_CONTROLS]);
  });

  test('ids rise by one, and times never go back', () => {
    const h = harness(4);
    h.run(5_050);
    h.sim.setTradingState('HALTED', 'carol', 'check');
    h.run(10_000);
    h.events.forEach((e, i) => expect(e.id).toBe(i + 1));
    const times = h.events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(h.events.find((e) => e.type === 'trading-state.changed')?.at).toBe(
      new Date(START + 5_050).toISOString(),
    );
  });

  test('emits a window every second, venues and health on their cadence', () => {
    const h = harness(5);
    h.run(10_000);
    expect(h.ofType('metrics.window').map((e) => e.at)).toEqual(
      Array.from({ length: 10 }, (_, i) => new Date(START + 1_000 * (i + 1)).toISOString()),
    );
    expect(h.ofType('services.checked').map((e) => e.checkedAt)).toEqual([
      new Date(START + 5_000).toISOString(),
      new Date(START + 10_000).toISOString(),
    ]);
    expect(h.ofType('venues.changed')).toHaveLength(10);
    const w = h.windows().at(-1);
    expect(w?.throughput).toBeGreaterThan(1_800);
    expect(w?.latencyP99?.value).toBeGreaterThan(15);
    expect(w?.latencyP99?.value).toBeLessThan(35);
  });

  test('eventsAfter pages through the history and reports a gap past the retained buffer', () => {
    const h = harness(6, { retainEvents: 50 });
    h.run(60_000);
    const last = h.sim.lastEventId;
    expect(last).toBeGreaterThan(100);
    const page = h.sim.eventsAfter(last - 10);
    expect(page).toEqual({ events: h.events.slice(-10), lastEventId: last, gap: false });
    expect(h.sim.eventsAfter(last - 50, 5).events.map((e) => e.id)).toEqual(
      [1, 2, 3, 4, 5].map((i) => last - 50 + i),
    );
    expect(h.sim.eventsAfter(last - 51)).toEqual({ events: [], lastEventId: last, gap: true });
  });

  test('eventPage treats a position from another life of the system as a gap', () => {
    const h = harness(6, { instance: 'life-2' });
    h.run(5_000);
    const last = h.sim.lastEventId;
    expect(h.sim.eventPage(last - 3, 'life-2')).toEqual({
      instance: 'life-2',
      events: h.events.slice(-3),
      lastEventId: last,
      gap: false,
    });
    // The client's ids came from before a restart: another instance, or ids this life has not reached.
    expect(h.sim.eventPage(last - 3, 'life-1')).toEqual({
      instance: 'life-2',
      events: [],
      lastEventId: last,
      gap: true,
    });
    expect(h.sim.eventPage(last + 500, 'life-2').gap).toBe(true);
    expect(h.sim.eventPage(last - 3, null).gap).toBe(false);
  });

  test('snapshot carries the instance and environment it was given', () => {
    const h = harness(7, { instance: 'life-2', system: { id: 'x', name: 'X' } });
    expect(h.sim.snapshot().instance).toBe('life-2');
    h.sim.setEnvironment('drill');
    expect(h.sim.snapshot().system).toEqual({
      id: 'x',
      name: 'X',
      controls: [...OFFERED_CONTROLS],
      environment: 'drill',
    });
    expect(harness(7).sim.snapshot().instance).toBe('sim-seed-7');
  });

  test('an hour of simulated time stays practical and keeps memory bounded', () => {
    const h = harness(8);
    h.sim.startScenario({ name: 'risk-alert-storm' });
    h.run(3_600_000);
    const snapshot = h.sim.snapshot();
    expect(snapshot.metrics.windows).toHaveLength(300);
    expect(snapshot.asOf).toBe(new Date(START + 3_600_000).toISOString());
    expect(h.sim.eventsAfter(0).gap).toBe(true);
    expect(h.sim.eventsAfter(h.sim.lastEventId - 10_000).gap).toBe(false);
  }, 30_000);
});

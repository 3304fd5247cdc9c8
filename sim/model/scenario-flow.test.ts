import { describe, expect, test } from 'vitest';
import { degradationCrossingMs, degradedP99Us } from './latency-curve.ts';
import { START, harness } from './test-harness.ts';
import type { MetricWindow } from './types.ts';

const p99 = (w: MetricWindow | undefined): number => w?.latencyP99?.value ?? NaN;
const errorRate = (ws: MetricWindow[]): number =>
  ws.reduce((s, w) => s + w.errors, 0) / ws.reduce((s, w) => s + w.orders, 0);

describe('latency-degradation', () => {
  for (const seed of [1, 2, 3]) {
    test(`p99 follows the predicted climb and LatencyP99High escalates on time (seed ${seed})`, () => {
      const h = harness(seed);
      h.run(10_000);
      const since = h.clock.now();
      h.sim.startScenario({ name: 'latency-degradation' });
      h.run(30_000);
      const windows = h.windowsAfter(since);
      // Each window's p99 lies between the curve at its start and at its end, give or take sampling noise.
      for (const w of windows) {
        expect(p99(w)).toBeGreaterThan(0.85 * degradedP99Us(Date.parse(w.start) - since));
        expect(p99(w)).toBeLessThan(1.15 * degradedP99Us(Date.parse(w.end) - since));
      }
      const firstAbove = (us: number): number =>
        Date.parse(windows.find((w) => p99(w) > us)?.end ?? 'never') - since;
      for (const us of [50, 100]) {
        const predicted = Math.ceil(degradationCrossingMs(us) / 1_000) * 1_000; // end of the window it falls in
        expect(Math.abs(firstAbove(us) - predicted)).toBeLessThanOrEqual(1_000);
      }
      const firings = h.firings('LatencyP99High');
      expect(firings.map((a) => a.severity)).toEqual(['warning', 'critical']);
      expect(Date.parse(firings[0]?.since ?? '') - since).toBe(firstAbove(50));
      expect(
        Date.parse(h.ofType('alert.firing').filter((e) => e.alert.severity === 'critical')[0]?.at ?? '') -
          since,
      ).toBe(firstAbove(100));
      expect(p99(windows.at(-1))).toBeGreaterThan(200);
      expect(h.service('matching-engine')?.health).toBe('DEGRADED');

      h.sim.stopScenario('latency-degradation');
      h.run(2_000);
      expect(p99(h.windows().at(-1))).toBeLessThan(35);
      expect(h.alert('LatencyP99High')).toBeUndefined();
    });
  }
});

describe('error-storm', () => {
  test('the error rate rises above 1 % and ErrorRateHigh goes critical; it clears when stopped', () => {
    const h = harness(4);
    h.run(10_000);
    expect(errorRate(h.windows())).toBeLessThan(0.002);
    h.sim.startScenario({ name: 'error-storm' });
    h.run(10_000);
    for (const w of h.windowsAfter(START + 10_000)) expect(w.errorRate).toBeGreaterThan(0.01);
    expect(h.alert('ErrorRateHigh')?.severity).toBe('critical');
    expect(h.service('order-gateway')?.health).toBe('DEGRADED');
    h.sim.stopScenario('error-storm');
    h.run(5_000);
    expect(h.windows().at(-1)?.errorRate).toBeLessThan(0.005);
    expect(h.alert('ErrorRateHigh')).toBeUndefined();
    expect(h.service('order-gateway')?.health).toBe('UP');
  });
});

describe('db-pool-exhaustion', () => {
  test('the database degrades then goes down on an exhausted pool, dragging latency and errors up', () => {
    const h = harness(5);
    h.run(10_000);
    h.sim.startScenario({ name: 'db-pool-exhaustion' });
    h.run(30_000);
    const database = h
      .ofType('service.changed')
      .map((e) => e.service)
      .filter((s) => s.id === 'database');
    expect([...new Set(database.map((s) => s.health))]).toEqual(['DEGRADED', 'DOWN']);
    expect(database.at(-1)?.detail).toMatch(/connection pool exhausted \(200\/200\).*too many connections/);
    expect(h.service('order-gateway')).toMatchObject({
      health: 'DEGRADED',
      detail: 'waiting for database connections',
    });
    expect(h.alert('ServiceDown:database')?.severity).toBe('critical');
    const exhausted = h.windowsAfter(START + 30_000);
    expect(Math.min(...exhausted.map(p99))).toBeGreaterThan(100);
    expect(errorRate(exhausted)).toBeGreaterThan(0.01);

    h.sim.stopScenario('db-pool-exhaustion');
    h.run(5_000);
    expect(h.service('database')).toMatchObject({ health: 'UP', detail: null });
    expect(h.service('order-gateway')?.health).toBe('UP');
    expect(p99(h.windows().at(-1))).toBeLessThan(35);
  });
});

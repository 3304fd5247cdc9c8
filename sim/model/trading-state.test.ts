import { describe, expect, test } from 'vitest';
import { START, harness } from './test-harness.ts';
import type { TradingStateName } from './types.ts';

const notional = (h: ReturnType<typeof harness>): number =>
  h.sim.snapshot().positions.reduce((sum, p) => sum + p.notional, 0);

describe('trading state machine', () => {
  test('starts ACTIVE, set by the system at start of day', () => {
    const { sim } = harness();
    expect(sim.snapshot().tradingState).toEqual({
      state: 'ACTIVE',
      changedAt: new Date(START).toISOString(),
      changedBy: 'system',
      reason: 'start of day',
    });
  });

  test('KILLED cancels every open order at once and blocks all flow; ACTIVE resumes it', () => {
    const h = harness(2);
    h.run(10_000);
    expect(h.sim.snapshot().openOrders).toBeGreaterThan(50);
    h.sim.setTradingState('KILLED', 'dave', 'runaway algo');
    const killed = h.sim.snapshot();
    expect(killed.openOrders).toBe(0);
    expect(killed.venues.every((v) => v.openOrders === 0)).toBe(true);
    expect(h.ofType('trading-state.changed').at(-1)?.tradingState).toEqual({
      state: 'KILLED',
      changedAt: new Date(START + 10_000).toISOString(),
      changedBy: 'dave',
      reason: 'runaway algo',
    });
    h.run(10_000);
    expect(h.sim.snapshot().openOrders).toBe(0);
    for (const w of h.windowsAfter(START + 10_000))
      expect(w).toMatchObject({ orders: 0, throughput: 0, latencyP99: null });
    expect(h.ofType('orders.changed').at(-1)?.openOrders).toBe(0);

    h.sim.setTradingState('ACTIVE', 'dave', 'fixed');
    h.run(10_000);
    expect(h.windows().at(-1)?.throughput).toBeGreaterThan(1_800);
    expect(h.sim.snapshot().openOrders).toBeGreaterThan(50);
  });

  test('HALTED stops new orders but keeps the open ones', () => {
    const h = harness(3);
    h.run(10_000);
    h.sim.setTradingState('HALTED', 'erin', 'investigating');
    const before = h.sim.snapshot();
    h.run(10_000);
    const after = h.sim.snapshot();
    expect(after.openOrders).toBeGreaterThan(50);
    expect(after.venues.map((v) => v.openOrders)).toEqual(before.venues.map((v) => v.openOrders));
    expect(after.positions.map((p) => p.quantity)).toEqual(before.positions.map((p) => p.quantity));
    for (const w of h.windowsAfter(START + 10_000))
      expect(w).toMatchObject({ throughput: 0, latencyP99: null });
  });

  test('REDUCING halves the total position notional over 300 s', () => {
    const h = harness(4);
    h.run(10_000);
    const start = notional(h);
    h.sim.setTradingState('REDUCING', 'frank', 'risk alert storm');
    h.run(150_000);
    expect(notional(h) / start).toBeCloseTo(0.75, 1);
    h.run(150_000);
    expect(notional(h) / start).toBeCloseTo(0.5, 1);
    const w = h.windows().at(-1);
    expect(w?.throughput).toBeGreaterThan(0);
    expect(w?.throughput).toBeLessThan(1_000);
    h.run(60_000);
    expect(notional(h) / start).toBeCloseTo(0.5, 1); // and no further
  });

  test('a change to the current state emits nothing; an unknown state is refused', () => {
    const h = harness(5);
    h.sim.setTradingState('ACTIVE', 'gina', 'again');
    expect(h.events).toEqual([]);
    expect(() => h.sim.setTradingState('PANIC' as TradingStateName, 'gina', 'oops')).toThrow(RangeError);
  });
});

import { describe, expect, test } from 'vitest';
import { DB_POOL_SIZE } from './effects.ts';
import { CANONICAL_SHAPE, systemShape } from './shape.ts';
import { START, harness } from './test-harness.ts';

let keys = 0;
const key = () => `shape-key-${++keys}`;

describe('the canonical shape is the default', () => {
  test('a simulator given the canonical shape explicitly tells the same story, event for event', () => {
    const plain = harness(5);
    const shaped = harness(5, { shape: { ...CANONICAL_SHAPE } });
    for (const h of [plain, shaped]) {
      h.sim.startScenario({ name: 'latency-degradation' });
      h.sim.startScenario({ name: 'security-breach' });
      h.run(30_000);
    }
    expect(shaped.events).toEqual(plain.events);
    expect(shaped.sim.snapshot()).toEqual(plain.sim.snapshot());
  });

  test('bad shapes are refused before anything runs', () => {
    expect(() => systemShape({ venues: [] })).toThrow(/at least one venue/);
    expect(() =>
      systemShape({
        venues: [
          { id: 'a', name: 'A' },
          { id: 'a', name: 'B' },
        ],
      }),
    ).toThrow(/unique/);
    const latency = { baseP99Us: 100, plateauUs: 50, warningUs: 1, criticalUs: 2 };
    expect(() => systemShape({ latency })).toThrow(/latency profile/);
  });
});

describe('venues and services of a system of its own', () => {
  const venues = [
    { id: 'binance', name: 'Binance' },
    { id: 'bybit', name: 'Bybit' },
  ];
  const services = [
    { id: 'data-pipeline', name: 'Data pipeline', follows: ['market-data-handler'] },
    { id: 'execution-engine', name: 'Execution engine', follows: ['order-gateway', 'order-router'] },
  ];

  test('only its venues are traded; positions sit on them alone', () => {
    const h = harness(3, { shape: { venues } });
    h.run(2_000);
    const snapshot = h.sim.snapshot();
    expect(snapshot.venues.map((v) => v.id)).toEqual(['binance', 'bybit']);
    expect(new Set(snapshot.positions.map((p) => p.venueId))).toEqual(new Set(['binance', 'bybit']));
    expect(h.sim.venueIds).toEqual(['binance', 'bybit']);
  });

  test('a service is as healthy as the worst of the parts it follows, and says why', () => {
    const h = harness(3, { shape: { venues, services } });
    h.sim.startScenario({ name: 'exchange-outage', venueId: 'bybit' });
    h.run(15_000);
    expect(h.sim.snapshot().services.map((s) => [s.id, s.health, s.detail])).toEqual([
      ['data-pipeline', 'DEGRADED', 'no market data from Bybit'],
      ['execution-engine', 'DEGRADED', 'routing around disconnected Bybit'],
    ]);
    h.sim.startScenario({ name: 'system-crash' });
    h.run(5_000);
    expect(h.sim.snapshot().services.map((s) => s.health)).toEqual(['DOWN', 'DOWN']);
  });
});

describe('a latency profile', () => {
  // An HFT strategy whose orders cross the network: p99 in normal trading 0.4 ms, alerts at 1 and 10 ms.
  const latency = { baseP99Us: 400, plateauUs: 15_000, warningUs: 1_000, criticalUs: 10_000 };

  test('puts normal latencies where the system has them, and its alerts at its own levels', () => {
    const h = harness(4, { shape: { latency } });
    h.run(10_000);
    const p99s = h.windows().map((w) => w.latencyP99?.value ?? NaN);
    expect(Math.min(...p99s)).toBeGreaterThan(300);
    expect(Math.max(...p99s)).toBeLessThan(550);
    expect(h.sim.snapshot().alerts).toEqual([]);

    h.sim.startScenario({ name: 'latency-degradation' });
    h.run(40_000);
    expect(h.alert('LatencyP99High')).toMatchObject({
      severity: 'critical',
      summary: 'Order latency p99 above 10000 µs',
    });
  });
});

describe('extra controls', () => {
  const lav = { extraControls: ['routing-conservative', 'regime-manual'] as const };

  test('are not offered by the canonical system', () => {
    const h = harness(1);
    const result = h.sim.command({
      key: key(),
      controlId: 'routing-conservative',
      reason: 'r',
      operator: 'o',
    });
    expect(result.kind).toBe('not-offered');
  });

  test('are offered, in the contract order, by a system whose shape brings them', () => {
    const h = harness(1, { shape: lav });
    expect(h.sim.snapshot().system.controls).toEqual([
      'kill-switch',
      'halt',
      'resume',
      'reduce-positions',
      'venue-cancel-all',
      'venue-disable',
      'venue-reconnect',
      'routing-conservative',
      'regime-manual',
    ]);
  });

  test('routing-conservative: no flow to a venue with stale quotes, until the timeout runs out', () => {
    const h = harness(2, { shape: lav });
    h.sim.startScenario({ name: 'exchange-outage', venueId: 'okx' });
    h.run(3_000); // okx is DEGRADED: a little flow still goes there
    expect(h.sim.details().routing).toEqual({
      mode: 'NORMAL',
      until: null,
      weights: { binance: 1, bybit: 1, okx: 0.2, kraken: 1 },
    });
    const sent = h.sim.command({
      key: key(),
      controlId: 'routing-conservative',
      params: { timeoutS: 60 },
      reason: 'fill rate drop',
      operator: 'lav',
    });
    expect(sent.kind).toBe('executed');
    const until = START + 3_000 + 60_000;
    expect(h.sim.details().routing).toEqual({
      mode: 'CONSERVATIVE',
      until,
      weights: { binance: 1, bybit: 1, okx: 0, kraken: 1 },
    });
    h.run(60_000);
    expect(h.sim.details().routing.mode).toBe('NORMAL');
    expect(h.sim.executedCommands().map((c) => c.controlId)).toEqual(['routing-conservative']);
  });

  test('regime-manual: the regime is fixed by hand for its duration; a bad regime runs nothing', () => {
    const h = harness(2, { shape: lav });
    const bad = h.sim.command({
      key: key(),
      controlId: 'regime-manual',
      params: { regime: 'normal expansion' },
      reason: 'r',
      operator: 'lav',
    });
    expect(bad).toMatchObject({ kind: 'bad-request', message: expect.stringMatching(/params.regime/) });
    h.run(1_000);
    const fixed = h.sim.command({
      key: key(),
      controlId: 'regime-manual',
      params: { regime: 'NORMAL_EXPANSION', durationS: 600 },
      reason: 'sentinel down',
      operator: 'lav',
    });
    expect(fixed.kind).toBe('executed');
    expect(h.sim.details().regimeOverride).toEqual({
      regime: 'NORMAL_EXPANSION',
      since: START + 1_000,
      until: START + 601_000,
    });
    h.run(600_000);
    expect(h.sim.details().regimeOverride).toBeNull();
  });
});

describe('details beyond the snapshot', () => {
  test('holdings: the same quantities as the snapshot, with an entry price and unrealised PnL', () => {
    const h = harness(6);
    h.run(120_000);
    const { holdings } = h.sim.details();
    const positions = h.sim.snapshot().positions;
    expect(
      holdings.map(({ symbol, venueId, quantity, notional }) => ({ symbol, venueId, quantity, notional })),
    ).toEqual(positions);
    for (const holding of holdings) {
      const expected = (holding.markPrice - holding.entryPrice) * holding.quantity;
      expect(Math.abs(holding.unrealizedPnl - expected)).toBeLessThan(Math.abs(expected) * 0.05 + 5);
      expect(holding.bookQuantity).toBe(holding.quantity);
    }
    expect(holdings.some((holding) => holding.unrealizedPnl !== 0)).toBe(true);
  });

  test('an intruder’s fills show as a difference between the venue and our own book', () => {
    const h = harness(6);
    h.sim.startScenario({ name: 'security-breach' });
    h.run(60_000);
    const differing = h.sim.details().holdings.filter((holding) => holding.bookQuantity !== holding.quantity);
    expect(differing.length).toBeGreaterThan(0);
  });

  test('the database pool: steady use normally, then leaked connections and a queue', () => {
    const h = harness(1);
    h.run(1_000);
    expect(h.sim.details().dbPool).toEqual({ used: 40, size: DB_POOL_SIZE, waiting: 0 });
    h.sim.startScenario({ name: 'db-pool-exhaustion' });
    h.run(30_000);
    const pool = h.sim.details().dbPool;
    expect(pool.used).toBe(DB_POOL_SIZE);
    expect(pool.waiting).toBeGreaterThan(0);
  });

  test('which exchanges are down, whatever our sessions to them say', () => {
    const h = harness(1);
    expect(h.sim.details().exchangesDown).toEqual([]);
    h.sim.startScenario({ name: 'exchange-outage', venueId: 'bybit' });
    expect(h.sim.details().exchangesDown).toEqual(['bybit']);
    expect(h.venue('bybit')?.connection).toBe('CONNECTED'); // the session has not noticed yet
  });

  test('a disabled venue says when it comes back', () => {
    const h = harness(1);
    h.run(1_000);
    h.sim.command({
      key: key(),
      controlId: 'venue-disable',
      venueId: 'kraken',
      params: { durationS: 120 },
      reason: 'r',
      operator: 'o',
    });
    expect(h.sim.details().disabledUntil).toEqual({ kraken: START + 121_000 });
  });
});

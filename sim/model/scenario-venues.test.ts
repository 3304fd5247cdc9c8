import { describe, expect, test } from 'vitest';
import { START, harness } from './test-harness.ts';

const at = (ms: number): string => new Date(START + ms).toISOString();

describe('exchange-outage', () => {
  test('the venue goes silent, degrades, drops its session and alerts; it recovers when stopped', () => {
    const h = harness(2);
    h.run(10_000);
    const stuckOrders = h.venue('bybit')?.openOrders;
    h.sim.startScenario({ name: 'exchange-outage', venueId: 'bybit' });
    h.run(1_000);
    expect(h.venue('bybit')).toMatchObject({ connection: 'CONNECTED', lastMarketDataAt: at(10_000) });
    h.run(100);
    expect(h.venue('bybit')?.connection).toBe('DEGRADED');
    // Reported at once, not at the next window's close.
    const report = h.ofType('venues.changed').at(-1);
    expect(report?.at).toBe(at(11_100));
    expect(report?.venues.find((v) => v.id === 'bybit')?.connection).toBe('DEGRADED');
    h.run(1_000);
    // Orders still routed to the silent exchange fail: the error rate rises a little.
    const early = h.windowsAfter(START + 10_000).slice(0, 2);
    expect(early.reduce((s, w) => s + w.errors, 0) / early.reduce((s, w) => s + w.orders, 0)).toBeGreaterThan(
      0.003,
    );
    h.run(3_900);
    expect(h.alert('MarketDataStale:bybit')).toMatchObject({
      severity: 'warning',
      subject: 'bybit',
      since: at(16_000),
    });
    h.run(4_000);
    expect(h.venue('bybit')?.connection).toBe('DEGRADED');
    h.run(100);
    expect(h.venue('bybit')).toMatchObject({ connection: 'DISCONNECTED', lastMarketDataAt: at(10_000) });
    h.run(10_000);
    expect(h.alert('ExchangeDisconnected:bybit')).toMatchObject({
      severity: 'critical',
      subject: 'bybit',
      since: at(21_000),
    });
    expect(h.venue('bybit')?.openOrders).toBe(stuckOrders); // stuck: neither filled nor cancelled
    expect(h.venue('okx')).toMatchObject({ connection: 'CONNECTED', lastMarketDataAt: at(30_100) });
    expect(h.service('market-data-handler')).toMatchObject({
      health: 'DEGRADED',
      detail: 'no market data from Bybit',
    });

    h.sim.stopScenario('exchange-outage');
    h.run(1_000);
    expect(h.venue('bybit')).toMatchObject({ connection: 'CONNECTED', lastMarketDataAt: at(31_100) });
    expect(h.sim.snapshot().alerts).toEqual([]);
    h.run(4_000);
    expect(h.service('market-data-handler')?.health).toBe('UP');
  });

  test('silences the first venue when none is named', () => {
    const h = harness(2);
    h.sim.startScenario({ name: 'exchange-outage' });
    h.run(12_000);
    expect(h.venue('binance')?.connection).toBe('DISCONNECTED');
    expect(h.venue('kraken')?.connection).toBe('CONNECTED');
  });
});

describe('system-crash', () => {
  test('the API stops answering, services go down and no order flows; stopping brings it back', () => {
    const h = harness(3);
    h.run(10_000);
    h.sim.startScenario({ name: 'system-crash' });
    expect(h.sim.apiAnswering).toBe(false);
    h.run(5_000);
    const snapshot = h.sim.snapshot();
    expect(snapshot.services.every((s) => s.health === 'DOWN')).toBe(true);
    expect(snapshot.alerts.filter((a) => a.name === 'ServiceDown')).toHaveLength(snapshot.services.length);
    expect(h.windowsAfter(START + 10_000)).toHaveLength(5);
    for (const w of h.windowsAfter(START + 10_000))
      expect(w).toMatchObject({ orders: 0, throughput: 0, latencyP99: null });

    h.sim.stopScenario('system-crash');
    expect(h.sim.apiAnswering).toBe(true);
    h.run(5_000);
    expect(h.sim.snapshot().services.every((s) => s.health === 'UP')).toBe(true);
    expect(h.sim.snapshot().alerts.filter((a) => a.name === 'ServiceDown')).toEqual([]);
    expect(h.windows().at(-1)?.throughput).toBeGreaterThan(1_800);
  });
});

import { describe, expect, test } from 'vitest';
import { START, harness } from './test-harness.ts';

describe('risk-alert-storm', () => {
  for (const seed of [1, 2, 3]) {
    test(`the risk manager raises more than 20 RiskLimitBreach alerts in 5 minutes, some flapping (seed ${seed})`, () => {
      const h = harness(seed);
      h.run(10_000);
      h.sim.startScenario({ name: 'risk-alert-storm' });
      h.run(300_000);
      const firings = h.firings('RiskLimitBreach');
      expect(firings.length).toBeGreaterThan(20);
      expect(firings.every((a) => a.severity === 'warning' && a.subject === 'risk-manager')).toBe(true);
      // Limits oscillating near their boundaries clear and fire again.
      const cleared = h.ofType('alert.cleared').filter((e) => e.alertId.startsWith('RiskLimitBreach:'));
      expect(cleared.length).toBeGreaterThan(5);
      expect(new Set(firings.map((a) => a.id)).size).toBeLessThan(firings.length);
      expect(h.service('risk-manager')?.health).toBe('DEGRADED');

      h.sim.stopScenario('risk-alert-storm');
      h.run(5_000);
      expect(h.sim.snapshot().alerts.filter((a) => a.name === 'RiskLimitBreach')).toEqual([]);
      expect(h.service('risk-manager')?.health).toBe('UP');
    });
  }
});

describe('security-breach', () => {
  test('unknown orders pile up on several venues and positions move with no strategy trading', () => {
    const h = harness(6);
    h.run(10_000);
    // Halted, our strategy places, fills and cancels nothing: whatever moves now is not ours.
    h.sim.setTradingState('HALTED', 'ops', 'breach drill');
    const before = h.sim.snapshot();
    h.sim.startScenario({ name: 'security-breach' });
    h.run(30_000);
    const after = h.sim.snapshot();

    const grown = after.venues.filter((v, i) => v.openOrders > (before.venues[i]?.openOrders ?? 0));
    expect(grown.length).toBeGreaterThanOrEqual(2);
    const unknown = after.openOrders - before.openOrders;
    expect(unknown).toBeGreaterThan(30);
    const alert = h.alert('UnknownOrders');
    expect(alert?.severity).toBe('critical');
    expect(alert?.summary).toMatch(new RegExp(`^${unknown} unknown orders`));

    const moved = after.positions.filter((p, i) => p.quantity !== before.positions[i]?.quantity);
    expect(new Set(moved.map((p) => p.venueId))).toEqual(new Set(grown.map((v) => v.id)));
    expect(h.windowsAfter(START + 10_000).every((w) => w.orders === 0)).toBe(true);
    expect(h.service('position-keeper')?.health).toBe('DEGRADED');

    h.sim.stopScenario('security-breach');
    h.run(5_000);
    expect(h.sim.snapshot().openOrders).toBe(before.openOrders);
    expect(h.alert('UnknownOrders')).toBeUndefined();
  });
});

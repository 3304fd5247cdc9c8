import { describe, expect, test } from 'vitest';
import { eventFixtures, snapshotFixture } from '../../contract/fixtures.ts';
import type { MetricWindow } from '../../contract/schemas.ts';
import { applyEvent, applyEvents, MAX_METRIC_WINDOWS } from './apply-event.ts';

const base = snapshotFixture;

describe('applyEvent', () => {
  test('every event advances the position and the as-of time', () => {
    const next = applyEvent(base, eventFixtures['services.checked']);
    expect(next.eventId).toBe(eventFixtures['services.checked'].id);
    expect(next.asOf).toBe(eventFixtures['services.checked'].at);
  });

  test('a reset replaces everything', () => {
    const other = { ...structuredClone(base), instance: 'other', eventId: 7 };
    expect(applyEvent(base, { type: 'reset', id: 7, at: other.asOf, snapshot: other })).toBe(other);
  });

  test('services: a change replaces one service; a check stamps all', () => {
    const changed = eventFixtures['service.changed'];
    const next = applyEvent(base, changed);
    expect(next.services.find((s) => s.id === changed.service.id)).toEqual(changed.service);
    expect(next.services).toHaveLength(new Set([...base.services.map((s) => s.id), changed.service.id]).size);
    const checked = applyEvent(base, eventFixtures['services.checked']);
    expect(checked.services.every((s) => s.lastCheckAt === eventFixtures['services.checked'].checkedAt)).toBe(
      true,
    );
  });

  test('venues are merged by id', () => {
    const event = eventFixtures['venues.changed'];
    const next = applyEvent(base, event);
    for (const venue of event.venues) expect(next.venues.find((v) => v.id === venue.id)).toEqual(venue);
    const untouched = base.venues.filter((v) => !event.venues.some((e) => e.id === v.id));
    for (const venue of untouched) expect(next.venues).toContainEqual(venue);
  });

  test('alerts fire (upserted by id) and clear', () => {
    const firing = eventFixtures['alert.firing'];
    const fired = applyEvent(base, firing);
    expect(fired.alerts.filter((a) => a.id === firing.alert.id)).toEqual([firing.alert]);
    const cleared = applyEvent(fired, { ...eventFixtures['alert.cleared'], alertId: firing.alert.id });
    expect(cleared.alerts.some((a) => a.id === firing.alert.id)).toBe(false);
  });

  test('trading state and orders are replaced', () => {
    const halted = applyEvent(base, eventFixtures['trading-state.changed']);
    expect(halted.tradingState).toEqual(eventFixtures['trading-state.changed'].tradingState);
    const orders = applyEvent(base, eventFixtures['orders.changed']);
    expect(orders.openOrders).toBe(eventFixtures['orders.changed'].openOrders);
    expect(orders.positions).toEqual(eventFixtures['orders.changed'].positions);
  });

  test('metric windows are appended and bounded', () => {
    const window: MetricWindow = eventFixtures['metrics.window'].window;
    const events = Array.from({ length: MAX_METRIC_WINDOWS + 50 }, (_, i) => ({
      ...eventFixtures['metrics.window'],
      id: base.eventId + 1 + i,
      window: { ...window, orders: i },
    }));
    const next = applyEvents(base, events);
    expect(next.metrics.windows).toHaveLength(MAX_METRIC_WINDOWS);
    expect(next.metrics.windows.at(-1)?.orders).toBe(MAX_METRIC_WINDOWS + 49);
  });

  test('the input snapshot is never mutated', () => {
    // The fixtures are deep-frozen: any in-place change would throw.
    for (const event of Object.values(eventFixtures)) expect(() => applyEvent(base, event)).not.toThrow();
  });
});

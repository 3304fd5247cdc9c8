import { describe, expect, test } from 'vitest';
import { eventFixtures, snapshotFixture } from '../../contract/fixtures.ts';
import type { StreamEvent } from '../../contract/schemas.ts';
import { applyAll, applyParsed, fromSnapshot, MAX_METRIC_WINDOWS } from './apply-event.ts';
import type { LiveState } from './live-state.ts';
import { parseEvent, parseSnapshotParts } from './parse.ts';
import type { ParsedEvent, SnapshotParts } from './parse.ts';

const parts = (raw: unknown): SnapshotParts => {
  const parsed = parseSnapshotParts(raw, 'status snapshot');
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};
const item = (raw: unknown): ParsedEvent => {
  const parsed = parseEvent(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};
const base: LiveState = fromSnapshot(parts(snapshotFixture), null, 1000);
const change = (e: StreamEvent) => applyParsed(base, item(e), 2000);

describe('fromSnapshot', () => {
  test('a valid snapshot fills every section and reports no problem', () => {
    expect(base).toMatchObject({
      instance: snapshotFixture.instance,
      eventId: snapshotFixture.eventId,
      tradingState: snapshotFixture.tradingState,
      venues: snapshotFixture.venues,
      orders: { openOrders: snapshotFixture.openOrders, positions: snapshotFixture.positions },
      problems: {},
    });
  });

  test('an invalid section keeps its last-known value and says what was wrong; the others move on', () => {
    const raw = structuredClone(snapshotFixture) as unknown as Record<string, unknown>;
    (raw.venues as Record<string, unknown>[])[0]!.connection = 'UP';
    raw.eventId = 60;
    const next = fromSnapshot(parts(raw), base, 5000);
    expect(next.venues).toBe(base.venues);
    expect(next.problems.venues).toEqual({
      message: expect.stringMatching(
        /^status snapshot: venues\[0\]\.connection: expected one of CONNECTED, DEGRADED, DISCONNECTED, got "UP"/,
      ),
      since: 1000, // valid until the last valid data came (1000), not since the bad data came (5000)
    });
    expect(next.eventId).toBe(60);
    expect(next.problems.metrics).toBeUndefined();
    // Still bad later: the problem keeps the time the section was last valid.
    expect(fromSnapshot(parts(raw), next, 9000).problems.venues?.since).toBe(1000);
    // Good again: the problem is gone.
    expect(fromSnapshot(parts(snapshotFixture), next, 9000).problems).toEqual({});
  });

  test('a section never received valid is null, not invented', () => {
    const raw = { ...structuredClone(snapshotFixture), tradingState: { state: 'PAUSED' } };
    const next = fromSnapshot(parts(raw), null, 1000);
    expect(next.tradingState).toBeNull();
    expect(next.problems.tradingState?.message).toMatch(/tradingState\.state: expected one of ACTIVE/);
  });
});

describe('applyParsed', () => {
  test('every change advances the position and the as-of time', () => {
    const next = change(eventFixtures['services.checked']);
    expect(next.eventId).toBe(eventFixtures['services.checked'].id);
    expect(next.asOf).toBe(eventFixtures['services.checked'].at);
  });

  test('services: a change replaces one service; a check stamps all', () => {
    const changed = eventFixtures['service.changed'];
    expect(change(changed).services?.find((s) => s.id === changed.service.id)).toEqual(changed.service);
    const checked = change(eventFixtures['services.checked']);
    expect(
      checked.services?.every((s) => s.lastCheckAt === eventFixtures['services.checked'].checkedAt),
    ).toBe(true);
  });

  test('venues are merged by id', () => {
    const event = eventFixtures['venues.changed'];
    const next = change(event);
    for (const venue of event.venues) expect(next.venues?.find((v) => v.id === venue.id)).toEqual(venue);
    for (const venue of base.venues!.filter((v) => !event.venues.some((e) => e.id === v.id)))
      expect(next.venues).toContainEqual(venue);
  });

  test('alerts fire (upserted by id) and clear', () => {
    const firing = eventFixtures['alert.firing'];
    const fired = change(firing);
    expect(fired.alerts?.filter((a) => a.id === firing.alert.id)).toEqual([firing.alert]);
    const cleared = applyParsed(
      fired,
      item({ ...eventFixtures['alert.cleared'], alertId: firing.alert.id }),
      3000,
    );
    expect(cleared.alerts?.some((a) => a.id === firing.alert.id)).toBe(false);
  });

  test('trading state and orders are replaced', () => {
    expect(change(eventFixtures['trading-state.changed']).tradingState).toEqual(
      eventFixtures['trading-state.changed'].tradingState,
    );
    expect(change(eventFixtures['orders.changed']).orders).toEqual({
      openOrders: eventFixtures['orders.changed'].openOrders,
      positions: eventFixtures['orders.changed'].positions,
    });
  });

  test('metric windows are appended and bounded', () => {
    const template = eventFixtures['metrics.window'];
    const items = Array.from({ length: MAX_METRIC_WINDOWS + 50 }, (_, i) =>
      item({ ...template, id: base.eventId + 1 + i, window: { ...template.window, orders: i } }),
    );
    const next = applyAll(base, items, 2000);
    expect(next.metrics?.windows).toHaveLength(MAX_METRIC_WINDOWS);
    expect(next.metrics?.windows.at(-1)?.orders).toBe(MAX_METRIC_WINDOWS + 49);
  });

  test('an invalid event moves the position and marks only its section', () => {
    const bad = { ...eventFixtures['venues.changed'], venues: [{ id: 'x', connection: 'UP' }] };
    const next = applyParsed(base, item(bad), 7000);
    expect(next.eventId).toBe(bad.id);
    expect(next.venues).toBe(base.venues);
    expect(next.problems).toEqual({
      venues: { message: expect.stringMatching(/^stream event: venues\[0\]/), since: 1000 },
    });
  });

  test('only a change carrying its whole section clears that section’s problem', () => {
    const broken = applyParsed(
      base,
      item({ ...eventFixtures['venues.changed'], venues: [{ id: 'x' }] }),
      7000,
    );
    const partial = applyParsed(
      broken,
      item({ ...eventFixtures['venues.changed'], id: broken.eventId + 1 }),
      8000,
    );
    expect(partial.problems.venues).toBeDefined();
    const badState = applyParsed(
      base,
      item({ ...eventFixtures['trading-state.changed'], tradingState: {} }),
      7000,
    );
    expect(badState.problems.tradingState).toBeDefined();
    const healed = applyParsed(
      badState,
      item({ ...eventFixtures['trading-state.changed'], id: badState.eventId + 1 }),
      8000,
    );
    expect(healed.problems.tradingState).toBeUndefined();
  });

  test('an event of a type this dashboard does not know moves the position and touches nothing', () => {
    const next = applyParsed(base, item({ id: base.eventId + 1, at: base.asOf, type: 'order.filled' }), 7000);
    expect(next.eventId).toBe(base.eventId + 1);
    expect(next.problems).toEqual({});
  });

  test('the input state is never mutated', () => {
    const frozen = structuredClone(base);
    for (const event of Object.values(eventFixtures)) applyParsed(base, item(event), 2000);
    expect(base).toEqual(frozen);
  });
});

describe('what the war-room server cannot read of the system', () => {
  const problem = {
    section: 'positions',
    problem: 'warden /positions: HTTP 500',
    since: '2025-03-14T09:30:08.000Z',
  } as const;

  test('a snapshot naming a source problem keeps the section, and its panel says why, as of the last valid data', () => {
    const state = fromSnapshot(parts({ ...snapshotFixture, problems: [problem] }), base, 5000);
    expect(state.orders).toEqual(base.orders);
    expect(state.problems.orders).toEqual({
      message: 'warden /positions: HTTP 500',
      since: 5000,
      origin: 'source',
    });
  });

  test('the problems event replaces the last one: a section read again is clear, our own parse problems stay', () => {
    const withProblem = applyParsed(
      base,
      item({ ...eventFixtures['sources.problems'], problems: [problem] }),
      3000,
    );
    expect(withProblem.problems.orders?.origin).toBe('source');
    const ownProblem = {
      ...withProblem,
      problems: { ...withProblem.problems, venues: { message: 'venues[0]: bad', since: 1 } },
    };
    const cleared = applyParsed(
      ownProblem,
      item({ ...eventFixtures['sources.problems'], id: 51, problems: [] }),
      4000,
    );
    expect(cleared.problems.orders).toBeUndefined();
    expect(cleared.problems.venues).toEqual({ message: 'venues[0]: bad', since: 1 });
  });

  test('a problems list that breaks the contract costs nothing: the snapshot is still taken', () => {
    const state = fromSnapshot(parts({ ...snapshotFixture, problems: 'oops' }), null, 5000);
    expect(state.problems).toEqual({});
    expect(state.venues).toEqual(snapshotFixture.venues);
  });
});

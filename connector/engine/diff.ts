// What changed between two canonical pictures of a system, as the contract's events. The
// connector reads whole documents; the dashboard wants changes: this is where one becomes the
// other, so that a quiet system sends nothing but heartbeats.
import type { Alert, Position, Service, TradingState, Venue } from '../../contract/schemas.ts';
import type { EventBody } from './event-log.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function tradingStateEvents(before: TradingState | null, after: TradingState | null): EventBody[] {
  return after && !same(before, after) ? [{ type: 'trading-state.changed', tradingState: after }] : [];
}

/** A service whose health or detail changed; then, when services were checked again, that they were. */
export function serviceEvents(
  before: readonly Service[],
  after: readonly Service[],
  checkedAt: string | null,
  checkedBefore: string | null,
): EventBody[] {
  const old = new Map(before.map((s) => [s.id, s]));
  const changed = after.filter((s) => {
    const was = old.get(s.id);
    return !was || was.health !== s.health || was.detail !== s.detail || was.name !== s.name;
  });
  const checked: EventBody[] =
    checkedAt !== null && checkedAt !== checkedBefore ? [{ type: 'services.checked', checkedAt }] : [];
  return [...changed.map((service): EventBody => ({ type: 'service.changed', service })), ...checked];
}

/** Whether something listed before is missing now (by id). */
export function gone(before: readonly { id: string }[], after: readonly { id: string }[]): boolean {
  const now = new Set(after.map((x) => x.id));
  return before.some((x) => !now.has(x.id));
}

export function venueEvents(before: readonly Venue[], after: readonly Venue[]): EventBody[] {
  const old = new Map(before.map((v) => [v.id, v]));
  const changed = after.filter((v) => !same(old.get(v.id), v));
  return changed.length > 0 ? [{ type: 'venues.changed', venues: changed }] : [];
}

export function alertEvents(before: readonly Alert[], after: readonly Alert[]): EventBody[] {
  const now = new Set(after.map((a) => a.id));
  const was = new Map(before.map((a) => [a.id, a]));
  return [
    ...before.filter((a) => !now.has(a.id)).map((a): EventBody => ({ type: 'alert.cleared', alertId: a.id })),
    ...after
      .filter((a) => !same(was.get(a.id), a))
      .map((alert): EventBody => ({ type: 'alert.firing', alert })),
  ];
}

export function orderEvents(
  before: { openOrders: number; positions: readonly Position[] },
  after: { openOrders: number; positions: readonly Position[] },
): EventBody[] {
  // The orders and positions only: the pictures passed in carry every other section too.
  const print = (p: typeof before) => [p.openOrders, p.positions];
  return same(print(before), print(after))
    ? []
    : [{ type: 'orders.changed', openOrders: after.openOrders, positions: [...after.positions] }];
}

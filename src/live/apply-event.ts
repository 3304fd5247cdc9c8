import type { Snapshot, StreamEvent } from '../../contract/schemas.ts';

/** The dashboard keeps no more metric windows than the server sends in a snapshot. */
export const MAX_METRIC_WINDOWS = 300;

function upsertById<T extends { id: string }>(list: readonly T[], items: readonly T[]): T[] {
  const next = [...list];
  for (const item of items) {
    const at = next.findIndex((x) => x.id === item.id);
    if (at === -1) next.push(item);
    else next[at] = item;
  }
  return next;
}

/**
 * Folds one stream event into a snapshot. Pure: the query cache holds the result, so every
 * panel reads the same truth and React re-renders only what changed by reference.
 */
export function applyEvent(snapshot: Snapshot, event: StreamEvent): Snapshot {
  if (event.type === 'reset') return event.snapshot;
  const next: Snapshot = { ...snapshot, eventId: event.id, asOf: event.at };
  switch (event.type) {
    case 'service.changed':
      next.services = upsertById(snapshot.services, [event.service]);
      break;
    case 'services.checked':
      next.services = snapshot.services.map((s) => ({ ...s, lastCheckAt: event.checkedAt }));
      break;
    case 'venues.changed':
      next.venues = upsertById(snapshot.venues, event.venues);
      break;
    case 'metrics.window': {
      const windows = [...snapshot.metrics.windows, event.window];
      next.metrics = { ...snapshot.metrics, windows: windows.slice(-MAX_METRIC_WINDOWS) };
      break;
    }
    case 'trading-state.changed':
      next.tradingState = event.tradingState;
      break;
    case 'alert.firing':
      next.alerts = upsertById(snapshot.alerts, [event.alert]);
      break;
    case 'alert.cleared':
      next.alerts = snapshot.alerts.filter((a) => a.id !== event.alertId);
      break;
    case 'orders.changed':
      next.openOrders = event.openOrders;
      next.positions = event.positions;
      break;
  }
  return next;
}

export function applyEvents(snapshot: Snapshot, events: readonly StreamEvent[]): Snapshot {
  return events.reduce(applyEvent, snapshot);
}

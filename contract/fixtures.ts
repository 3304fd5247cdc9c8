// Valid contract data for tests: one snapshot, one stream event of each type (a reset of that
// snapshot, id 41, then changes 42 to 49), an events page, a simulator state, and a trading control
// as requested, received and executed. Every value is deep-frozen so that a test
// that changes one fails loudly instead of leaking into the next: `structuredClone` it first.
import type {
  AlertClearedEvent,
  AlertFiringEvent,
  ControlReceipt,
  ControlRequest,
  ExecutedCommand,
  Operator,
  EventPage,
  MetricsWindowEvent,
  OrdersChangedEvent,
  SourceProblemsEvent,
  ResetEvent,
  ServiceChangedEvent,
  ServicesCheckedEvent,
  SimState,
  Snapshot,
  StreamEvent,
  StreamEventType,
  TradingStateChangedEvent,
  VenuesChangedEvent,
} from './schemas.ts';

// The war-room store's shapes (contract/war-room-store.yaml) have their fixtures beside their schemas.
export * from './store-schemas-fixtures.ts';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

export const snapshotFixture: Snapshot = deepFreeze({
  system: {
    id: 'sim-1',
    name: 'Simulated equities desk',
    controls: ['kill-switch', 'halt', 'resume', 'venue-cancel-all'],
    environment: 'simulator',
  },
  instance: 'sim-1-20250314T080000Z',
  asOf: '2025-03-14T09:30:05.000Z',
  eventId: 41,
  tradingState: {
    state: 'ACTIVE',
    changedAt: '2025-03-14T08:00:00.000Z',
    changedBy: 'system',
    reason: 'Market open',
  },
  services: [
    {
      id: 'oms',
      name: 'Order management',
      health: 'UP',
      lastCheckAt: '2025-03-14T09:30:04.000Z',
      detail: null,
    },
    {
      id: 'risk',
      name: 'Risk engine',
      health: 'DEGRADED',
      lastCheckAt: '2025-03-14T09:30:04.000Z',
      detail: 'Limit checks taking 800 ms',
    },
  ],
  venues: [
    {
      id: 'xnas',
      name: 'Nasdaq',
      connection: 'CONNECTED',
      enabled: true,
      lastMarketDataAt: '2025-03-14T09:30:04.950Z',
      openOrders: 12,
    },
    {
      id: 'xnys',
      name: 'NYSE',
      connection: 'DEGRADED',
      enabled: true,
      lastMarketDataAt: '2025-03-14T09:29:58.000Z',
      openOrders: 3,
    },
    {
      id: 'bats',
      name: 'Cboe BZX',
      connection: 'DISCONNECTED',
      enabled: false,
      lastMarketDataAt: null,
      openOrders: 0,
    },
  ],
  metrics: {
    windowMs: 1000,
    windows: [
      {
        start: '2025-03-14T09:30:03.000Z',
        end: '2025-03-14T09:30:04.000Z',
        latencyP99: { value: 850, unit: 'us' },
        errorRate: 0.002,
        throughput: 500,
        orders: 500,
        errors: 1,
      },
      {
        start: '2025-03-14T09:30:04.000Z',
        end: '2025-03-14T09:30:05.000Z',
        latencyP99: null,
        errorRate: 0,
        throughput: 0,
        orders: 0,
        errors: 0,
      },
    ],
  },
  alerts: [
    {
      id: 'alert-7',
      name: 'RiskCheckSlow',
      severity: 'warning',
      summary: 'Risk checks above 500 ms p99',
      since: '2025-03-14T09:29:00.000Z',
      subject: 'risk',
    },
  ],
  openOrders: 15,
  positions: [
    { symbol: 'AAPL', venueId: 'xnas', quantity: 1200, notional: 210_000 },
    { symbol: 'MSFT', venueId: 'xnys', quantity: -300, notional: 123_450.5 },
  ],
});

// A reset carries the id of its snapshot; the changes after it count on from there.
const resetEvent: ResetEvent = {
  id: snapshotFixture.eventId,
  at: '2025-03-14T09:30:05.100Z',
  type: 'reset',
  snapshot: snapshotFixture,
};

const serviceChangedEvent: ServiceChangedEvent = {
  id: 42,
  at: '2025-03-14T09:30:05.200Z',
  type: 'service.changed',
  service: {
    id: 'risk',
    name: 'Risk engine',
    health: 'DOWN',
    lastCheckAt: '2025-03-14T09:30:05.200Z',
    detail: 'Connection pool exhausted',
  },
};

const servicesCheckedEvent: ServicesCheckedEvent = {
  id: 43,
  at: '2025-03-14T09:30:05.300Z',
  type: 'services.checked',
  checkedAt: '2025-03-14T09:30:05.300Z',
};

const venuesChangedEvent: VenuesChangedEvent = {
  id: 44,
  at: '2025-03-14T09:30:06.000Z',
  type: 'venues.changed',
  venues: [
    {
      id: 'xnys',
      name: 'NYSE',
      connection: 'DISCONNECTED',
      enabled: true,
      lastMarketDataAt: '2025-03-14T09:29:58.000Z',
      openOrders: 3,
    },
  ],
};

const metricsWindowEvent: MetricsWindowEvent = {
  id: 45,
  at: '2025-03-14T09:30:06.000Z',
  type: 'metrics.window',
  window: {
    start: '2025-03-14T09:30:05.000Z',
    end: '2025-03-14T09:30:06.000Z',
    latencyP99: { value: 12.5, unit: 'ms' },
    errorRate: 0.08,
    throughput: 450,
    orders: 450,
    errors: 36,
  },
};

const tradingStateChangedEvent: TradingStateChangedEvent = {
  id: 46,
  at: '2025-03-14T09:30:07.000Z',
  type: 'trading-state.changed',
  tradingState: {
    state: 'HALTED',
    changedAt: '2025-03-14T09:30:07.000Z',
    changedBy: 'j.doe',
    reason: 'Risk engine down',
  },
};

const alertFiringEvent: AlertFiringEvent = {
  id: 47,
  at: '2025-03-14T09:30:07.500Z',
  type: 'alert.firing',
  alert: {
    id: 'alert-8',
    name: 'VenueDisconnected',
    severity: 'critical',
    summary: 'NYSE disconnected',
    since: '2025-03-14T09:30:06.000Z',
    subject: 'xnys',
  },
};

const alertClearedEvent: AlertClearedEvent = {
  id: 48,
  at: '2025-03-14T09:30:08.000Z',
  type: 'alert.cleared',
  alertId: 'alert-7',
};

const ordersChangedEvent: OrdersChangedEvent = {
  id: 49,
  at: '2025-03-14T09:30:08.500Z',
  type: 'orders.changed',
  openOrders: 12,
  positions: [{ symbol: 'AAPL', venueId: 'xnas', quantity: 1100, notional: 192_500 }],
};

const sourceProblemsEvent: SourceProblemsEvent = {
  id: 50,
  at: '2025-03-14T09:30:09.000Z',
  type: 'sources.problems',
  problems: [{ section: 'venues', problem: 'api /venues: HTTP 500', since: '2025-03-14T09:30:08.900Z' }],
};

/** One event of each type, keyed by type. */
export const eventFixtures: { readonly [K in StreamEventType]: Extract<StreamEvent, { type: K }> } =
  deepFreeze({
    reset: resetEvent,
    'service.changed': serviceChangedEvent,
    'services.checked': servicesCheckedEvent,
    'venues.changed': venuesChangedEvent,
    'metrics.window': metricsWindowEvent,
    'trading-state.changed': tradingStateChangedEvent,
    'alert.firing': alertFiringEvent,
    'alert.cleared': alertClearedEvent,
    'orders.changed': ordersChangedEvent,
    'sources.problems': sourceProblemsEvent,
  });

/** The same events as a stream would deliver them: ids 41 to 50, oldest first. */
export const streamEventFixtures: readonly StreamEvent[] = deepFreeze(Object.values(eventFixtures));

export const eventPageFixture: EventPage = deepFreeze({
  instance: snapshotFixture.instance,
  events: streamEventFixtures.filter((event) => event.type !== 'reset'),
  lastEventId: 50,
  gap: false,
});

export const simStateFixture: SimState = deepFreeze({
  seed: 42,
  now: '2025-03-14T09:30:08.500Z',
  speed: 1,
  paused: false,
  scenarios: ['normal', 'exchange-outage'],
  fault: { kind: 'slow', delayMs: 2000 },
  lastEventId: 49,
});

/** A venue-disable for an hour, as the dashboard sends it (Idempotency-Key and token go in headers). */
export const controlRequestFixture: ControlRequest = deepFreeze({
  reason: 'INC-7: okx rejecting orders',
  venueId: 'okx',
  params: { durationS: 3600 },
});

/** The receipt of a halt, accepted: the dashboard waits to observe HALTED before calling it confirmed. */
export const controlReceiptFixture: ControlReceipt = deepFreeze({
  commandId: 'cmd-1',
  idempotencyKey: '6f1c2a9e-5b7d-4c1e-9a3f-2d8e7b6a5c4f',
  controlId: 'halt',
  venueId: null,
  outcome: 'accepted',
  operator: 'commander',
  receivedAt: '2025-03-14T09:30:07.250Z',
  expectedTradingState: 'HALTED',
});

export const operatorFixture: Operator = deepFreeze({
  operator: 'commander',
  controls: ['kill-switch', 'halt', 'resume', 'venue-cancel-all'],
});

export const executedCommandFixture: ExecutedCommand = deepFreeze({
  commandId: 'cmd-1',
  idempotencyKey: controlReceiptFixture.idempotencyKey,
  controlId: 'halt',
  venueId: null,
  operator: 'commander',
  reason: 'INC-7: runaway order rate',
  executedAt: controlReceiptFixture.receivedAt,
});

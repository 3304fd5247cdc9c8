// The RTES engine's two reads as pure functions of the model. /metrics is the Prometheus text
// exposition the seed greps (`error_rate`, `latency`, `latency_us`, `throughput`); /health is
// assumed JSON. RTES is an exchange simulator: it has no venues, positions or remote halt, and
// its alerts are rules evaluated over these metrics, so none of those is served.
import type { ModelTotals, Snapshot } from '../../model/simulator.ts';
import type { Health, TradingStateName } from '../../model/types.ts';
import type { MetricFamily } from '../kit/prometheus.ts';
import { tradingFamilies } from '../kit/trading-metrics.ts';

export const RTES_HEALTH: Record<Health, 'healthy' | 'degraded' | 'down'> = {
  UP: 'healthy',
  DEGRADED: 'degraded',
  DOWN: 'down',
};
const STATES: Record<TradingStateName, string> = {
  ACTIVE: 'active',
  REDUCING: 'reducing',
  HALTED: 'halted',
  KILLED: 'killed',
};

export function rtesHealth(s: Snapshot, startedAt: number) {
  const now = Date.parse(s.asOf);
  const status = s.services.some((c) => c.health === 'DOWN')
    ? 'unhealthy'
    : s.services.some((c) => c.health === 'DEGRADED')
      ? 'degraded'
      : 'healthy';
  return {
    status,
    timestamp: s.asOf,
    uptime_seconds: Math.max(0, Math.floor((now - startedAt) / 1000)),
    components: Object.fromEntries(
      s.services.map((c) => [
        c.id,
        { status: RTES_HEALTH[c.health], detail: c.detail, last_check: c.lastCheckAt },
      ]),
    ),
  };
}

/** The seed greps `latency`; the histogram and up gauge are assumed, in the engine's style. */
export const RTES_METRIC_NAMES = {
  latency: 'rtes_order_latency_seconds',
  orders: 'rtes_orders_total',
  errors: 'rtes_errors_total',
  up: { name: 'rtes_component_up', label: 'component' },
} as const;

const oneHot = <T extends string>(
  label: string,
  values: readonly T[],
  current: T,
  extra: Record<string, string> = {},
) => values.map((value) => ({ labels: { ...extra, [label]: value }, value: value === current ? 1 : 0 }));

export function rtesMetrics(s: Snapshot, totals: ModelTotals): MetricFamily[] {
  const w = s.metrics.windows.at(-1);
  const healthValues = ['healthy', 'degraded', 'down'] as const;
  return [
    {
      name: 'rtes_latency_us',
      help: 'Order processing latency over the last closed one-second window, in microseconds.',
      type: 'gauge',
      samples: w?.latencyP99 ? [{ labels: { quantile: '0.99' }, value: w.latencyP99.value }] : [],
    },
    {
      name: 'rtes_error_rate',
      help: 'Share of orders that failed in the last closed one-second window (0 to 1).',
      type: 'gauge',
      samples: w ? [{ value: w.errorRate }] : [],
    },
    {
      name: 'rtes_throughput_orders_per_second',
      help: 'Orders processed per second in the last closed one-second window.',
      type: 'gauge',
      samples: w ? [{ value: w.throughput }] : [],
    },
    {
      name: 'rtes_window_end_timestamp_seconds',
      help: 'When the last one-second metrics window closed (Unix time).',
      type: 'gauge',
      samples: w ? [{ value: Date.parse(w.end) / 1000 }] : [],
    },
    {
      name: 'rtes_open_orders',
      help: 'Orders resting in the book.',
      type: 'gauge',
      samples: [{ value: s.openOrders }],
    },
    {
      name: 'rtes_component_status',
      help: 'Health of each engine component: 1 for its current status, 0 for the others.',
      type: 'gauge',
      samples: s.services.flatMap((c) =>
        oneHot('status', healthValues, RTES_HEALTH[c.health], { component: c.id }),
      ),
    },
    {
      name: 'rtes_trading_state',
      help: 'Trading state of the engine: 1 for the current one, 0 for the others.',
      type: 'gauge',
      samples: oneHot('state', Object.values(STATES), STATES[s.tradingState.state]),
    },
    ...tradingFamilies(s, totals, RTES_METRIC_NAMES),
  ];
}

// The SMC API's exporter (assumed), in prometheus_client style with the `smc_` prefix, and the
// emergency halt the trading engine reads from Redis as a gauge of its own.
import type { ModelTotals, Snapshot } from '../../model/simulator.ts';
import type { MetricFamily } from '../kit/prometheus.ts';
import { tradingFamilies } from '../kit/trading-metrics.ts';
import type { HaltWatchStatus } from './redis-watch.ts';

export const SMC_METRIC_NAMES = {
  latency: 'smc_order_latency_seconds',
  orders: 'smc_orders_total',
  errors: 'smc_order_errors_total',
  up: { name: 'smc_component_up', label: 'component' },
  venues: {
    heartbeat: 'smc_exchange_last_market_data_timestamp_seconds',
    connected: 'smc_exchange_connected',
    label: 'exchange',
  },
} as const;

export function smcPrometheus(s: Snapshot, totals: ModelTotals, watch: HaltWatchStatus): MetricFamily[] {
  return [
    ...tradingFamilies(s, totals, SMC_METRIC_NAMES),
    {
      name: 'smc_emergency_halt_active',
      help: 'Whether the emergency_halt key is set in Redis (1) or not (0), as last read.',
      type: 'gauge',
      samples: [{ value: watch.key?.present ? 1 : 0 }],
    },
    {
      name: 'smc_redis_connected',
      help: 'Whether the trading engine can read Redis (1) or not (0).',
      type: 'gauge',
      samples: [{ value: watch.connected ? 1 : 0 }],
    },
  ];
}

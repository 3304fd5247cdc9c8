// The canonical simulated system's /metrics: the same families every personality serves, in
// neutral `sim_` names, for drills and tests that read the canonical system through Prometheus.
import type { ModelTotals, Snapshot } from '../model/simulator.ts';
import type { MetricFamily } from '../personalities/kit/prometheus.ts';
import { tradingFamilies } from '../personalities/kit/trading-metrics.ts';

export const SIM_METRIC_NAMES = {
  latency: 'sim_order_latency_seconds',
  orders: 'sim_orders_total',
  errors: 'sim_order_errors_total',
  up: { name: 'sim_service_up', label: 'service' },
  venues: {
    heartbeat: 'sim_venue_last_market_data_timestamp_seconds',
    connected: 'sim_venue_connected',
    label: 'venue',
  },
} as const;

export const simPrometheus = (s: Snapshot, totals: ModelTotals): MetricFamily[] =>
  tradingFamilies(s, totals, SIM_METRIC_NAMES);

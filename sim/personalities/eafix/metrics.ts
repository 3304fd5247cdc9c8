// The execution engine's exporter (assumed), as Python's prometheus_client would name it:
// `eafix_` prefix, `_total` counters, a histogram in seconds; venues labelled `venue`.
import type { ModelTotals, Snapshot } from '../../model/simulator.ts';
import type { MetricFamily } from '../kit/prometheus.ts';
import { tradingFamilies } from '../kit/trading-metrics.ts';

export const EAFIX_METRIC_NAMES = {
  latency: 'eafix_order_execution_seconds',
  orders: 'eafix_orders_total',
  errors: 'eafix_order_failures_total',
  up: { name: 'eafix_service_up', label: 'service' },
  venues: {
    heartbeat: 'eafix_market_data_last_tick_timestamp_seconds',
    connected: 'eafix_venue_connected',
    label: 'venue',
  },
} as const;

export const eafixPrometheus = (s: Snapshot, totals: ModelTotals): MetricFamily[] =>
  tradingFamilies(s, totals, EAFIX_METRIC_NAMES);

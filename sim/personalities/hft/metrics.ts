// The HFT system's Prometheus exporter (assumed: the seed shows none), in a C++ exporter's
// snake_case with the system's prefix; exchanges labelled `exchange` as its admin API names them.
import type { ModelTotals, Snapshot } from '../../model/simulator.ts';
import type { MetricFamily } from '../kit/prometheus.ts';
import { tradingFamilies } from '../kit/trading-metrics.ts';

export const HFT_METRIC_NAMES = {
  latency: 'hft_order_latency_seconds',
  orders: 'hft_orders_total',
  errors: 'hft_order_errors_total',
  up: { name: 'hft_component_up', label: 'component' },
  venues: {
    heartbeat: 'hft_exchange_last_market_data_timestamp_seconds',
    connected: 'hft_exchange_connected',
    label: 'exchange',
  },
} as const;

export const hftPrometheus = (s: Snapshot, totals: ModelTotals): MetricFamily[] =>
  tradingFamilies(s, totals, HFT_METRIC_NAMES);

// The Executioner's exporter (assumed: the seed shows none), as Node's prom-client would name
// it with a `lavadaf_` prefix: the shared trading families, and what the seed's playbooks watch —
// the fill rate, the Risk Warden's alerts, the Sentinel's consumer lag.
import type { ModelTotals, Snapshot } from '../../model/simulator.ts';
import type { MetricFamily } from '../kit/prometheus.ts';
import { tradingFamilies } from '../kit/trading-metrics.ts';

export const LAV_METRIC_NAMES = {
  latency: 'lavadaf_order_latency_seconds',
  orders: 'lavadaf_orders_total',
  errors: 'lavadaf_order_errors_total',
  up: { name: 'lavadaf_service_up', label: 'service' },
  venues: {
    heartbeat: 'lavadaf_venue_last_market_data_timestamp_seconds',
    connected: 'lavadaf_venue_online',
    label: 'venue',
  },
} as const;

export const CONSUMER = { group: 'market-sentinel', topic: 'market-regime' } as const;

/** What the exporter reads beside the model: the Sentinel's consumer lag and last regime update. */
export interface SentinelGauges {
  consumerLag: number;
  /** When the Sentinel last published a regime (epoch ms). */
  regimeUpdatedAt: number;
}

export function lavPrometheus(s: Snapshot, totals: ModelTotals, sentinel: SentinelGauges): MetricFamily[] {
  const w = s.metrics.windows.at(-1);
  return [
    ...tradingFamilies(s, totals, LAV_METRIC_NAMES),
    {
      name: 'lavadaf_fill_ratio',
      help: 'Share of orders filled in the last closed one-second window (0 to 1).',
      type: 'gauge',
      samples: w && w.orders > 0 ? [{ value: 1 - w.errors / w.orders }] : [],
    },
    {
      name: 'lavadaf_risk_alerts_total',
      help: 'Risk limit alerts the Risk Warden raised since start.',
      type: 'counter',
      samples: [{ value: totals.alertsRaised.RiskLimitBreach ?? 0 }],
    },
    {
      name: 'lavadaf_consumer_lag_messages',
      help: 'Messages the consumer group has yet to read from its topic.',
      type: 'gauge',
      samples: [{ labels: { ...CONSUMER }, value: sentinel.consumerLag }],
    },
    {
      name: 'lavadaf_regime_updated_timestamp_seconds',
      help: 'When the Market Sentinel last published a market regime (Unix time, seconds).',
      type: 'gauge',
      samples: [{ value: sentinel.regimeUpdatedAt / 1000 }],
    },
  ];
}

// The metric families every trading system's exporter serves, from the model's own totals:
// an order-latency histogram in seconds, order and error counters (throughput is their rate),
// per-venue market-data heartbeats and connection gauges, a per-service up gauge. Each system
// names them in its own style (see TradingMetricNames); the values are the same model's.
import type { ModelTotals, Snapshot } from '../../model/simulator.ts';
import { histogramSamples } from './prometheus.ts';
import type { MetricFamily } from './prometheus.ts';

export interface TradingMetricNames {
  /** A histogram of order latency, in seconds. */
  latency: string;
  orders: string;
  errors: string;
  /** Per-service up gauge and the label naming the service. */
  up: { name: string; label: string };
  /** Per-venue families and the label naming the venue; absent for a system without venues. */
  venues?: { heartbeat: string; connected: string; label: string };
}

/** 12.5 µs is 0.0000125 s, not 0.000012499999999999999. */
const seconds = (us: number) => Number((us / 1e6).toPrecision(12));

export function tradingFamilies(s: Snapshot, totals: ModelTotals, names: TradingMetricNames): MetricFamily[] {
  const { latency } = totals;
  const families: MetricFamily[] = [
    {
      name: names.latency,
      help: 'Order latency, from arrival to acknowledgement, in seconds.',
      type: 'histogram',
      samples: histogramSamples({
        bounds: latency.boundsUs.map(seconds),
        cumulative: latency.cumulative,
        sum: seconds(latency.sumUs),
      }),
    },
    {
      name: names.orders,
      help: 'Orders processed since start.',
      type: 'counter',
      samples: [{ value: totals.orders }],
    },
    {
      name: names.errors,
      help: 'Orders that failed (rejected or timed out) since start.',
      type: 'counter',
      samples: [{ value: totals.errors }],
    },
    {
      name: names.up.name,
      help: 'Whether each service answers its health check (1) or is down (0).',
      type: 'gauge',
      samples: s.services.map((c) => ({
        labels: { [names.up.label]: c.id },
        value: c.health === 'DOWN' ? 0 : 1,
      })),
    },
  ];
  if (!names.venues) return families;
  const { heartbeat, connected, label } = names.venues;
  return [
    ...families,
    {
      name: heartbeat,
      help: 'When the last market-data message arrived from each venue (Unix time, seconds).',
      type: 'gauge',
      samples: s.venues.flatMap((v) =>
        v.lastMarketDataAt === null
          ? []
          : [{ labels: { [label]: v.id }, value: Date.parse(v.lastMarketDataAt) / 1000 }],
      ),
    },
    {
      name: connected,
      help: 'Whether the session to each venue is connected (1) or not (0).',
      type: 'gauge',
      samples: s.venues.map((v) => ({
        labels: { [label]: v.id },
        value: v.connection === 'DISCONNECTED' ? 0 : 1,
      })),
    },
  ];
}

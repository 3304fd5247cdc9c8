// The Executioner's reads as pure functions of the model: trading state, venues with their
// routing shares, order flow and fill rate, routing mode, failed orders.
import type { ModelDetails, Snapshot } from '../../model/simulator.ts';
import type { StreamEvent } from '../../model/types.ts';
import { isoZ } from '../kit/formats.ts';
import { LAV_TRADING, LAV_VENUE } from './vocabulary.ts';

export function lavTradingStatus(s: Snapshot) {
  const t = s.tradingState;
  return { state: LAV_TRADING[t.state], since: t.changedAt, changed_by: t.changedBy, reason: t.reason };
}

/** Each venue's share of new orders (0..1), from the model's routing weights. */
function shares(d: ModelDetails): Record<string, number> {
  const total = Object.values(d.routing.weights).reduce((a, b) => a + b, 0);
  return Object.fromEntries(
    Object.entries(d.routing.weights).map(([id, w]) => [
      id,
      total === 0 ? 0 : Math.round((w / total) * 1000) / 1000,
    ]),
  );
}

export function lavVenuesHealth(s: Snapshot, d: ModelDetails) {
  const now = Date.parse(s.asOf);
  const share = shares(d);
  return {
    venues: s.venues.map((v) => {
      const until = d.disabledUntil[v.id];
      return {
        venue_id: v.id,
        name: v.name,
        status: LAV_VENUE[v.connection],
        enabled: v.enabled,
        disabled_until: until === undefined ? null : isoZ(until),
        last_market_data: v.lastMarketDataAt,
        market_data_age_ms:
          v.lastMarketDataAt === null ? null : Math.max(0, now - Date.parse(v.lastMarketDataAt)),
        open_orders: v.openOrders,
        routing_share: share[v.id] ?? 0,
      };
    }),
    checked_at: s.asOf,
  };
}

const fillRate = (w: Snapshot['metrics']['windows'][number] | undefined) =>
  w === undefined || w.orders === 0 ? null : Math.round((1 - w.errors / w.orders) * 10_000) / 10_000;

function lavWindow(w: Snapshot['metrics']['windows'][number] | undefined) {
  return {
    window_start: w?.start ?? null,
    window_end: w?.end ?? null,
    latency_p99_us: w?.latencyP99?.value ?? null,
    error_rate: w?.errorRate ?? null,
    throughput_per_second: w?.throughput ?? null,
    fill_rate: fillRate(w),
    orders: w?.orders ?? 0,
    errors: w?.errors ?? 0,
  };
}

/** The last closed window; with `history` > 0, the last that many windows too (oldest first). */
export function lavMetrics(s: Snapshot, history = 0) {
  const latest = lavWindow(s.metrics.windows.at(-1));
  return history > 0 ? { ...latest, history: s.metrics.windows.slice(-history).map(lavWindow) } : latest;
}

export function lavRoutingDiagnostics(s: Snapshot, d: ModelDetails) {
  const w = s.metrics.windows.at(-1);
  const share = shares(d);
  return {
    mode: d.routing.mode,
    mode_expires_at: d.routing.until === null ? null : isoZ(d.routing.until),
    fill_rate: fillRate(w),
    orders_per_second: w?.throughput ?? null,
    error_rate: w?.errorRate ?? null,
    venues: s.venues.map((v) => ({
      venue_id: v.id,
      status: LAV_VENUE[v.connection],
      enabled: v.enabled,
      routing_share: share[v.id] ?? 0,
      routable: (d.routing.weights[v.id] ?? 0) > 0,
    })),
    checked_at: s.asOf,
  };
}

/** Failed orders, newest first: one record per order the metrics windows counted as failed. */
export function lavFailedOrders(events: readonly StreamEvent[], limit: number) {
  const out = [];
  for (let i = events.length - 1; i >= 0 && out.length < limit; i--) {
    const e = events[i];
    if (e?.type !== 'metrics.window') continue;
    const end = Date.parse(e.window.end);
    for (let k = 0; k < e.window.errors && out.length < limit; k++)
      out.push({
        order_id: `ord-${end}-${k + 1}`,
        status: 'FAILED',
        reason: 'REJECTED',
        failed_at: e.window.end,
      });
  }
  return out;
}

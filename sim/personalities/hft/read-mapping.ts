// The HFT system's read endpoints as pure functions of the model: snake_case fields, epoch-µs
// time stamps (`*_us`), latencies in milliseconds (`*_ms`, the unit of its 1 ms / 10 ms
// thresholds), money in USD (`*_usd`). None of these shapes is in the seed but the positions
// total; they are what such a C++ engine's admin API plausibly serves (see docs/simulator.md).
import type { ModelDetails, Snapshot } from '../../model/simulator.ts';
import type { Alert, Health, MetricWindow, TradingStateName } from '../../model/types.ts';
import { epochMs, epochUs } from '../kit/formats.ts';

export const HFT_TRADING_STATE: Record<TradingStateName, string> = {
  ACTIVE: 'running',
  REDUCING: 'reducing',
  HALTED: 'halted',
  KILLED: 'killed',
};
export const HFT_COMPONENT_STATUS: Record<Health, string> = { UP: 'ok', DEGRADED: 'degraded', DOWN: 'down' };
export const HFT_EXCHANGE_STATUS = {
  CONNECTED: 'connected',
  DEGRADED: 'degraded',
  DISCONNECTED: 'disconnected',
};
/** The HFT system's alert names (the seed names "High Latency" and "Exchange Disconnected"). */
export const HFT_ALERT_NAMES: Record<string, string> = {
  LatencyP99High: 'High Latency',
  ErrorRateHigh: 'Elevated Error Rate',
  MarketDataStale: 'Market Data Stale',
  ExchangeDisconnected: 'Exchange Disconnected',
  ServiceDown: 'Component Down',
  RiskLimitBreach: 'Risk Limit Breach',
  UnknownOrders: 'Unknown Orders Detected',
};

const us = (iso: string | null) => (iso === null ? null : epochUs(epochMs(iso)));
const ms3 = (valueUs: number) => Math.round(valueUs) / 1000;

export function hftStatus(s: Snapshot) {
  const t = s.tradingState;
  const killed = t.state === 'KILLED';
  return {
    system: 'hft_system',
    trading_state: HFT_TRADING_STATE[t.state],
    killswitch: {
      engaged: killed,
      reason: killed ? t.reason : null,
      engaged_at_us: killed ? us(t.changedAt) : null,
      engaged_by: killed ? t.changedBy : null,
    },
    state_changed_at_us: us(t.changedAt),
    state_changed_by: t.changedBy,
    state_reason: t.reason,
    open_orders: s.openOrders,
    timestamp_us: us(s.asOf),
  };
}

export function hftHealth(s: Snapshot) {
  const worst = s.services.some((c) => c.health === 'DOWN')
    ? 'unhealthy'
    : s.services.some((c) => c.health === 'DEGRADED')
      ? 'degraded'
      : 'healthy';
  return {
    status: worst,
    components: s.services.map((c) => ({
      name: c.id,
      status: HFT_COMPONENT_STATUS[c.health],
      detail: c.detail,
      last_check_us: us(c.lastCheckAt),
    })),
    timestamp_us: us(s.asOf),
  };
}

export function hftExchanges(s: Snapshot) {
  const now = epochMs(s.asOf);
  return {
    exchanges: s.venues.map((v) => ({
      name: v.id,
      status: HFT_EXCHANGE_STATUS[v.connection],
      enabled: v.enabled,
      last_market_data_us: us(v.lastMarketDataAt),
      market_data_age_ms: v.lastMarketDataAt === null ? null : Math.max(0, now - epochMs(v.lastMarketDataAt)),
      open_orders: v.openOrders,
    })),
    timestamp_us: us(s.asOf),
  };
}

function hftWindow(w: MetricWindow) {
  return {
    window_start_us: us(w.start),
    window_end_us: us(w.end),
    latency_p99_ms: w.latencyP99 === null ? null : ms3(w.latencyP99.value),
    error_rate: w.errorRate,
    throughput_ops: w.throughput,
    orders: w.orders,
    errors: w.errors,
  };
}

/** The last closed one-second window at the top, the last `history` windows below it. */
export function hftMetrics(s: Snapshot, history = 60) {
  const windows = s.metrics.windows;
  const latest = windows.at(-1);
  const empty = {
    window_start_us: null,
    window_end_us: null,
    latency_p99_ms: null,
    error_rate: null,
    throughput_ops: null,
    orders: 0,
    errors: 0,
  };
  return {
    ...(latest ? hftWindow(latest) : empty),
    window_ms: s.metrics.windowMs,
    history: windows.slice(-history).map(hftWindow),
    timestamp_us: us(s.asOf),
  };
}

export function hftPositions(details: ModelDetails) {
  const positions = details.holdings.map((h) => ({
    symbol: h.symbol,
    exchange: h.venueId,
    side: h.quantity > 0 ? 'long' : h.quantity < 0 ? 'short' : 'flat',
    quantity: h.quantity,
    avg_entry_price: h.entryPrice,
    mark_price: h.markPrice,
    notional_usd: h.notional,
    unrealized_pnl_usd: h.unrealizedPnl,
  }));
  const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;
  return {
    positions,
    total_unrealized_pnl_usd: sum(positions.map((p) => p.unrealized_pnl_usd)),
    total_notional_usd: sum(positions.map((p) => p.notional_usd)),
    timestamp_us: epochUs(details.at),
  };
}

/** The model's latency alert says µs; the HFT system says ms. */
function alertMessage(a: Alert, levels: { warningUs: number; criticalUs: number }): string {
  if (a.name !== 'LatencyP99High') return a.summary;
  const limit = a.severity === 'critical' ? levels.criticalUs : levels.warningUs;
  return `P99 order latency above ${limit / 1000} ms`;
}

export function hftAlerts(s: Snapshot, levels: { warningUs: number; criticalUs: number }) {
  return {
    alerts: s.alerts.map((a) => ({
      id: a.id,
      name: HFT_ALERT_NAMES[a.name] ?? a.name,
      severity: a.severity,
      message: alertMessage(a, levels),
      subject: a.subject,
      since_us: us(a.since),
    })),
    timestamp_us: us(s.asOf),
  };
}

export function hftConfig(s: Snapshot, details: ModelDetails) {
  return {
    exchanges: Object.fromEntries(
      s.venues.map((v) => {
        const until = details.disabledUntil[v.id];
        return [v.id, { enabled: v.enabled, disabled_until_us: until === undefined ? null : epochUs(until) }];
      }),
    ),
  };
}

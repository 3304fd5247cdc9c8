// EAFIX's reads as pure functions of the model, in the style of its Python services: snake_case,
// `datetime.isoformat()` times (µs and +00:00), lists as top-level JSON arrays (the seed pipes
// /api/positions into `jq '.[] | select(.status == "open")'`).
import type { ModelDetails, Snapshot } from '../../model/simulator.ts';
import type { Health, MetricWindow, Service, TradingStateName } from '../../model/types.ts';
import { pythonIso } from '../kit/formats.ts';
import type { Execution, Signal } from './history.ts';

export const EAFIX_HEALTH: Record<Health, string> = {
  UP: 'healthy',
  DEGRADED: 'degraded',
  DOWN: 'unhealthy',
};
export const EAFIX_TRADING: Record<TradingStateName, string> = {
  ACTIVE: 'active',
  REDUCING: 'reduce_only',
  HALTED: 'stopped',
  KILLED: 'killed',
};
const py = (iso: string) => pythonIso(Date.parse(iso));

function overall(services: readonly Service[]): string {
  if (services.some((s) => s.health === 'DOWN')) return 'unhealthy';
  return services.some((s) => s.health === 'DEGRADED') ? 'degraded' : 'healthy';
}

export function eafixHealthz(service: Service) {
  return {
    status: EAFIX_HEALTH[service.health],
    service: service.id,
    detail: service.detail,
    checked_at: py(service.lastCheckAt),
  };
}

export function eafixTradingStatus(s: Snapshot) {
  const t = s.tradingState;
  return {
    trading_enabled: t.state === 'ACTIVE' || t.state === 'REDUCING',
    state: EAFIX_TRADING[t.state],
    changed_at: py(t.changedAt),
    changed_by: t.changedBy,
    reason: t.reason,
  };
}

/** The gateway's /health: every service's check and whether trading is on. */
export function eafixHealth(s: Snapshot) {
  return {
    status: overall(s.services),
    timestamp: py(s.asOf),
    services: Object.fromEntries(
      s.services.map((svc) => [
        svc.id,
        { status: EAFIX_HEALTH[svc.health], detail: svc.detail, checked_at: py(svc.lastCheckAt) },
      ]),
    ),
    trading: eafixTradingStatus(s),
  };
}

export function eafixPositions(details: ModelDetails) {
  return details.holdings.map((h) => ({
    id: `${h.symbol}@${h.venueId}`,
    symbol: h.symbol,
    venue: h.venueId,
    side: h.quantity > 0 ? 'long' : h.quantity < 0 ? 'short' : 'flat',
    quantity: Math.abs(h.quantity),
    avg_price: h.entryPrice,
    current_price: h.markPrice,
    notional: h.notional,
    unrealized_pnl: h.unrealizedPnl,
    status: h.quantity === 0 ? 'closed' : 'open',
  }));
}

/** Our book against the broker's: a difference is a fill nobody here made. */
export function eafixReconcile(details: ModelDetails) {
  const mismatches = details.holdings
    .filter((h) => h.bookQuantity !== h.quantity)
    .map((h) => ({
      symbol: h.symbol,
      venue: h.venueId,
      internal_quantity: h.bookQuantity,
      broker_quantity: h.quantity,
      difference: Number((h.quantity - h.bookQuantity).toFixed(3)),
    }));
  return {
    status: mismatches.length === 0 ? 'matched' : 'mismatch',
    checked_at: pythonIso(details.at),
    positions_checked: details.holdings.length,
    mismatches,
  };
}

export function eafixVenues(s: Snapshot) {
  return s.venues.map((v) => ({
    venue: v.id,
    name: v.name,
    status: v.connection.toLowerCase(),
    enabled: v.enabled,
    last_tick_at: v.lastMarketDataAt === null ? null : py(v.lastMarketDataAt),
    open_orders: v.openOrders,
  }));
}

function eafixWindow(w: MetricWindow) {
  return {
    window_start: py(w.start),
    window_end: py(w.end),
    order_latency_p99_us: w.latencyP99?.value ?? null,
    error_rate_pct: Math.round(w.errorRate * 1e6) / 1e4,
    orders_per_second: w.throughput,
    orders: w.orders,
    errors: w.errors,
  };
}

/** The last closed window; with `history` > 0, the last that many windows too (oldest first). */
export function eafixMetrics(s: Snapshot, history = 0) {
  const latest = s.metrics.windows.at(-1);
  if (!latest) return null;
  return history > 0
    ? { ...eafixWindow(latest), history: s.metrics.windows.slice(-history).map(eafixWindow) }
    : eafixWindow(latest);
}

export function eafixAlerts(s: Snapshot) {
  return s.alerts.map((a) => ({
    id: a.id,
    name: a.name,
    severity: a.severity,
    message: a.summary,
    subject: a.subject,
    started_at: py(a.since),
  }));
}

export const eafixExecution = (e: Execution) => ({
  id: e.id,
  symbol: e.symbol,
  venue: e.venue,
  side: e.side,
  quantity: e.quantity,
  price: e.price,
  executed_at: pythonIso(e.at),
});

export const eafixSignal = (sig: Signal) => ({
  id: sig.id,
  symbol: sig.symbol,
  direction: sig.direction,
  strength: sig.strength,
  price: sig.price,
  generated_at: pythonIso(sig.at),
  source: sig.source,
});

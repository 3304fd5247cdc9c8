// The SMC agent's reads as pure functions of the model, in the style of its Python API:
// snake_case, lower-case enums, times as Unix seconds with a fraction (`time.time()`). The seed
// shows /health and /v1/status only by URL; every body here is assumed.
import type { ModelDetails, Snapshot } from '../../model/simulator.ts';
import type { Health, TradingStateName } from '../../model/types.ts';
import { epochSeconds } from '../kit/formats.ts';
import { HALT_BY, HALT_KEY } from './halt-rule.ts';
import type { HaltWatchStatus } from './redis-watch.ts';

export const SMC_HEALTH: Record<Health, string> = { UP: 'healthy', DEGRADED: 'degraded', DOWN: 'unhealthy' };
export const SMC_TRADING: Record<TradingStateName, string> = {
  ACTIVE: 'active',
  REDUCING: 'reducing',
  HALTED: 'halted',
  KILLED: 'killed',
};
const secs = (iso: string | null) => (iso === null ? null : epochSeconds(Date.parse(iso)));

function redisSection(watch: HaltWatchStatus) {
  return {
    status: watch.url === null ? 'not_configured' : watch.connected ? 'connected' : 'disconnected',
    url: watch.url,
    error: watch.url !== null && !watch.connected ? watch.lastError : null,
    last_read: watch.lastReadAt === null ? null : epochSeconds(watch.lastReadAt),
  };
}

function haltSection(s: Snapshot, watch: HaltWatchStatus) {
  return {
    key: HALT_KEY,
    /** Whether the engine can see the key at all: without Redis, a halt set there goes unnoticed. */
    watching: watch.connected,
    key_present: watch.key?.present ?? null,
    value: watch.key?.value ?? null,
    ttl_seconds: watch.key?.ttlSeconds ?? null,
    active: s.tradingState.state === 'HALTED' && s.tradingState.changedBy === HALT_BY,
  };
}

export function smcHealth(s: Snapshot, watch: HaltWatchStatus) {
  const redis = redisSection(watch);
  const worst = s.services.some((c) => c.health === 'DOWN')
    ? 'unhealthy'
    : s.services.some((c) => c.health === 'DEGRADED') || redis.status === 'disconnected'
      ? 'degraded'
      : 'healthy';
  return {
    status: worst,
    timestamp: secs(s.asOf),
    components: Object.fromEntries(s.services.map((c) => [c.id, SMC_HEALTH[c.health]])),
    redis,
    emergency_halt: haltSection(s, watch),
  };
}

export function smcStatus(s: Snapshot, watch: HaltWatchStatus) {
  const t = s.tradingState;
  return {
    trading: {
      status: SMC_TRADING[t.state],
      changed_at: secs(t.changedAt),
      changed_by: t.changedBy,
      reason: t.reason,
      emergency_halt: haltSection(s, watch).active,
    },
    exchanges: s.venues.map((v) => ({
      name: v.id,
      status: v.connection.toLowerCase(),
      enabled: v.enabled,
      last_market_data: secs(v.lastMarketDataAt),
      open_orders: v.openOrders,
    })),
    open_orders: s.openOrders,
    timestamp: secs(s.asOf),
  };
}

export function smcMetrics(s: Snapshot) {
  const w = s.metrics.windows.at(-1);
  return {
    window_start: w ? secs(w.start) : null,
    window_end: w ? secs(w.end) : null,
    order_latency_p99_us: w?.latencyP99?.value ?? null,
    error_rate: w?.errorRate ?? null,
    throughput_per_second: w?.throughput ?? null,
    orders: w?.orders ?? 0,
    errors: w?.errors ?? 0,
    timestamp: secs(s.asOf),
  };
}

export function smcPositions(d: ModelDetails) {
  const positions = d.holdings.map((h) => ({
    symbol: h.symbol,
    exchange: h.venueId,
    size: h.quantity,
    entry_price: h.entryPrice,
    mark_price: h.markPrice,
    notional: h.notional,
    unrealized_pnl: h.unrealizedPnl,
  }));
  const total = Math.round(positions.reduce((sum, p) => sum + p.unrealized_pnl, 0) * 100) / 100;
  return { positions, total_unrealized_pnl: total, timestamp: epochSeconds(d.at) };
}

export function smcAlerts(s: Snapshot) {
  return {
    alerts: s.alerts.map((a) => ({
      id: a.id,
      name: a.name,
      severity: a.severity,
      message: a.summary,
      subject: a.subject,
      since: secs(a.since),
    })),
    timestamp: secs(s.asOf),
  };
}

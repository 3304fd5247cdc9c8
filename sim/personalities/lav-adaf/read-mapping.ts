// LAV/ADAF's reads as pure functions of the model: the three services' health, the Sentinel's
// regime and database pool, the Risk Warden's risk views, the Executioner's venues, routing and
// order flow.
import type { ModelDetails, Snapshot } from '../../model/simulator.ts';
import type { Service, StreamEvent } from '../../model/types.ts';
import { isoZ } from '../kit/formats.ts';
import {
  DAILY_VOL,
  DETECTED_REGIME,
  LAV_HEALTH,
  LAV_SEVERITY,
  LAV_TRADING,
  LAV_VENUE,
  NAV_USD,
  Z99,
  screamingSnake,
} from './vocabulary.ts';

const DEPENDENCIES = ['gateway', 'postgres'];

export function lavHealth(s: Snapshot, id: string) {
  const own: Service | undefined = s.services.find((svc) => svc.id === id);
  return {
    service: id,
    status: own ? LAV_HEALTH[own.health] : 'DOWN',
    detail: own?.detail ?? null,
    checked_at: own?.lastCheckAt ?? s.asOf,
    dependencies: Object.fromEntries(
      s.services
        .filter((svc) => DEPENDENCIES.includes(svc.id))
        .map((svc) => [svc.id, LAV_HEALTH[svc.health]]),
    ),
  };
}

export function lavRegime(d: ModelDetails, updatedAt: number) {
  const manual = d.regimeOverride;
  return {
    regime: manual?.regime ?? DETECTED_REGIME,
    source: manual ? 'MANUAL' : 'DETECTED',
    manual_until: manual ? isoZ(manual.until) : null,
    updated_at: isoZ(updatedAt),
  };
}

export function lavPoolStatus(d: ModelDetails) {
  const { used, size, waiting } = d.dbPool;
  const utilization = Math.round((used / size) * 1000) / 1000;
  return {
    pool: 'postgres',
    total: size,
    active: used,
    idle: size - used,
    waiting,
    utilization,
    status: used >= size ? 'EXHAUSTED' : utilization >= 0.9 ? 'WARNING' : 'OK',
    checked_at: isoZ(d.at),
  };
}

/** Every limit breach the Risk Warden flagged, newest first (from the model's alert history). */
export function lavViolations(events: readonly StreamEvent[], limit: number) {
  const out = [];
  for (let i = events.length - 1; i >= 0 && out.length < limit; i--) {
    const e = events[i];
    if (e?.type !== 'alert.firing' || e.alert.name !== 'RiskLimitBreach') continue;
    // The alert's id is RiskLimitBreach:<symbol>@<venue>:<limit kind>.
    const [, where = '', kind = ''] = e.alert.id.split(':');
    const [symbol = '', venue = ''] = where.split('@');
    out.push({
      id: `viol-${e.id}`,
      limit_type: kind.replace(/-/g, '_').toUpperCase(),
      symbol,
      venue,
      severity: LAV_SEVERITY[e.alert.severity],
      message: e.alert.summary,
      detected_at: e.at,
    });
  }
  return out;
}

interface RiskLine {
  position_id: string;
  symbol: string;
  venue: string;
  quantity: number;
  notional_usd: number;
  var_usd: number;
  unrealized_pnl_usd: number;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** One-day 99 % VaR of each position, largest first (notional × daily vol × z; no diversification). */
function riskLines(d: ModelDetails): RiskLine[] {
  return d.holdings
    .map((h) => ({
      position_id: `${h.symbol}@${h.venueId}`,
      symbol: h.symbol,
      venue: h.venueId,
      quantity: h.quantity,
      notional_usd: h.notional,
      var_usd: round2(h.notional * DAILY_VOL * Z99),
      unrealized_pnl_usd: h.unrealizedPnl,
    }))
    .sort((a, b) => b.var_usd - a.var_usd);
}

export function lavAttribution(d: ModelDetails) {
  const lines = riskLines(d);
  const total = round2(lines.reduce((sum, l) => sum + l.var_usd, 0));
  return {
    as_of: isoZ(d.at),
    nav_usd: NAV_USD,
    total_var_usd: total,
    var_pct_nav: Math.round((total / NAV_USD) * 1e6) / 1e4,
    contributions: lines.map((l) => ({
      position_id: l.position_id,
      symbol: l.symbol,
      venue: l.venue,
      notional_usd: l.notional_usd,
      var_usd: l.var_usd,
      contribution_pct: total === 0 ? 0 : Math.round((l.var_usd / total) * 10_000) / 100,
    })),
  };
}

export function lavRiskRanked(d: ModelDetails) {
  const lines = riskLines(d);
  const top = lines[0]?.var_usd ?? 0;
  return lines.map((l, i) => ({
    rank: i + 1,
    ...l,
    risk_score: top === 0 ? 0 : Math.round((l.var_usd / top) * 1000) / 1000,
  }));
}

export function lavAlerts(s: Snapshot) {
  return {
    alerts: s.alerts.map((a) => ({
      id: a.id,
      type: screamingSnake(a.name),
      severity: LAV_SEVERITY[a.severity],
      message: a.summary,
      subject: a.subject,
      since: a.since,
    })),
  };
}

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

export function lavMetrics(s: Snapshot) {
  const w = s.metrics.windows.at(-1);
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

// The Risk Warden's reads as pure functions of the model: limit violations from the alert
// history, one-day VaR by position against an assumed NAV, the system's alerts.
import type { ModelDetails, Snapshot } from '../../model/simulator.ts';
import type { StreamEvent } from '../../model/types.ts';
import { isoZ } from '../kit/formats.ts';
import { DAILY_VOL, LAV_SEVERITY, NAV_USD, Z99, screamingSnake } from './vocabulary.ts';

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

// The trading system's own alert rules. Latencies are in µs, so the default thresholds are those
// of a low-latency engine: p99 warning at 50 µs, critical at 100 µs; error rate 0.5 % / 1 %. A
// system whose latencies live elsewhere brings its own levels in its latency profile.
import type { AlertSpec } from './alert-book.ts';
import { DEFAULT_LATENCY } from './latency-curve.ts';
import type { LatencyProfile } from './latency-curve.ts';
import type { AlertSeverity, MetricWindow, Service, Venue } from './types.ts';

export const LATENCY_WARNING_US = DEFAULT_LATENCY.warningUs;
export const LATENCY_CRITICAL_US = DEFAULT_LATENCY.criticalUs;
export const ERROR_RATE_WARNING = 0.005;
export const ERROR_RATE_CRITICAL = 0.01;
/** Market data older than this raises MarketDataStale for the venue. */
export const STALE_AFTER_MS = 5_000;

function leveled(value: number, warning: number, critical: number): AlertSeverity | null {
  return value > critical ? 'critical' : value > warning ? 'warning' : null;
}

export function latencyAlerts(window: MetricWindow, levels: LatencyProfile = DEFAULT_LATENCY): AlertSpec[] {
  const p99 = window.latencyP99?.value;
  if (p99 === undefined) return [];
  const severity = leveled(p99, levels.warningUs, levels.criticalUs);
  if (!severity) return [];
  const limit = severity === 'critical' ? levels.criticalUs : levels.warningUs;
  const summary = `Order latency p99 above ${limit} µs`;
  return [{ id: 'LatencyP99High', name: 'LatencyP99High', severity, summary, subject: null }];
}

export function errorRateAlerts(window: MetricWindow): AlertSpec[] {
  const severity = leveled(window.errorRate, ERROR_RATE_WARNING, ERROR_RATE_CRITICAL);
  if (!severity) return [];
  const limit = severity === 'critical' ? ERROR_RATE_CRITICAL : ERROR_RATE_WARNING;
  const summary = `Order error rate above ${limit * 100} %`;
  return [{ id: 'ErrorRateHigh', name: 'ErrorRateHigh', severity, summary, subject: null }];
}

export function staleMarketDataAlerts(venues: readonly Venue[], t: number): AlertSpec[] {
  return venues
    .filter((v) => v.lastMarketDataAt === null || t - Date.parse(v.lastMarketDataAt) > STALE_AFTER_MS)
    .map((v) => ({
      id: `MarketDataStale:${v.id}`,
      name: 'MarketDataStale',
      severity: 'warning',
      summary: `No market data from ${v.name} for over ${STALE_AFTER_MS / 1000} s`,
      subject: v.id,
    }));
}

export function disconnectedAlerts(venues: readonly Venue[]): AlertSpec[] {
  return venues
    .filter((v) => v.connection === 'DISCONNECTED')
    .map((v) => ({
      id: `ExchangeDisconnected:${v.id}`,
      name: 'ExchangeDisconnected',
      severity: 'critical',
      summary: `Session to ${v.name} dropped`,
      subject: v.id,
    }));
}

export function serviceDownAlerts(services: readonly Service[]): AlertSpec[] {
  return services
    .filter((s) => s.health === 'DOWN')
    .map((s) => ({
      id: `ServiceDown:${s.id}`,
      name: 'ServiceDown',
      severity: 'critical',
      summary: `${s.name} is down${s.detail ? `: ${s.detail}` : ''}`,
      subject: s.id,
    }));
}

export function unknownOrdersAlerts(unknown: readonly { venueId: string; count: number }[]): AlertSpec[] {
  const total = unknown.reduce((sum, u) => sum + u.count, 0);
  if (total === 0) return [];
  const where = unknown.map((u) => u.venueId).join(', ');
  const summary = `${total} unknown orders (placed by no strategy) on ${where}`;
  return [{ id: 'UnknownOrders', name: 'UnknownOrders', severity: 'critical', summary, subject: null }];
}

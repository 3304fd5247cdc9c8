// LAV/ADAF's words for the model's states: upper-case enums throughout (the seed writes
// NORMAL_EXPANSION and CONSERVATIVE), ISO 8601 times with Z, durations in seconds.
import type { AlertSeverity, Connection, Health, TradingStateName } from '../../model/types.ts';

export const LAV_HEALTH: Record<Health, string> = { UP: 'HEALTHY', DEGRADED: 'DEGRADED', DOWN: 'DOWN' };
export const LAV_TRADING: Record<TradingStateName, string> = {
  ACTIVE: 'TRADING',
  REDUCING: 'REDUCING',
  HALTED: 'HALTED',
  KILLED: 'KILLED',
};
export const LAV_VENUE: Record<Connection, string> = {
  CONNECTED: 'ONLINE',
  DEGRADED: 'DEGRADED',
  DISCONNECTED: 'OFFLINE',
};
export const LAV_SEVERITY: Record<AlertSeverity, string> = { warning: 'WARNING', critical: 'CRITICAL' };

/** The Market Sentinel's regimes: NORMAL_EXPANSION is the seed's; the others are assumed. */
export const REGIMES = [
  'NORMAL_EXPANSION',
  'NORMAL_CONTRACTION',
  'HIGH_VOLATILITY',
  'LOW_LIQUIDITY',
  'CRISIS',
] as const;
/** What the detector finds in the simulated market, which stays calm. */
export const DETECTED_REGIME = 'NORMAL_EXPANSION';

/** `LatencyP99High` → `LATENCY_P99_HIGH`. */
export const screamingSnake = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toUpperCase();

/** A NAV against which the Risk Warden states VaR (assumed: the seed gives none). */
export const NAV_USD = 10_000_000;
/** Daily price volatility of the simulated market (0.01 % per √s) and the 99 % one-sided z. */
export const DAILY_VOL = 0.0001 * Math.sqrt(86_400);
export const Z99 = 2.326;

// What the running scenarios do to the trading system at a given simulated moment. Every
// effect is a function of time since the scenario started, so that a scenario's course does
// not depend on how often the model is ticked.
import { DEFAULT_LATENCY, degradationFactor } from './latency-curve.ts';
import type { LatencyProfile } from './latency-curve.ts';
import type { ScenarioBook } from './scenarios.ts';

/** Probability that an order fails in normal trading (0.05 %). */
export const BASE_ERROR_PROB = 0.0005;
/** Extra failure probability during an error storm: several percent. */
export const ERROR_STORM_PROB = 0.04;

export const DB_POOL_SIZE = 200;
/** Pool use when exhaustion starts, and how fast leaked connections pile up. */
const DB_POOL_START = 176;
const DB_POOL_LEAK_PER_S = 1.5;
/** Pool use from which requests queue for a connection and latency and errors climb. */
const DB_POOL_PRESSURE_FROM = 170;
/** At full exhaustion: latency ×5, 2 % of orders refused ("too many connections"). */
const DB_LATENCY_GAIN = 4;
const DB_ERROR_PROB = 0.02;

export interface DbPool {
  used: number;
  size: number;
}

/** Connections a healthy system holds: a steady share of the pool. */
const DB_POOL_NORMAL_USE = 40;

/** The pool as a gauge reads it at any time, with the requests queued for a connection. */
export interface DbPoolGauge extends DbPool {
  waiting: number;
}

export interface Effects {
  crashed: boolean;
  /** Venues whose exchange is down: their market data stops and orders to them fail. */
  silentVenues: readonly string[];
  /** Venues where an intruder places orders and moves positions. */
  breachedVenues: readonly string[];
  latencyFactor: number;
  /** Failure probability of an order before venue routing adds its own. */
  errorProb: number;
  dbPool: DbPool | null;
  errorStorm: boolean;
  latencyDegraded: boolean;
  riskStorm: boolean;
}

/** Connections in use `elapsedMs` into db-pool-exhaustion: near the limit at once, exhausted after 16 s. */
export function dbPoolUsed(elapsedMs: number): number {
  return Math.min(
    DB_POOL_SIZE,
    Math.floor(DB_POOL_START + (DB_POOL_LEAK_PER_S * Math.max(0, elapsedMs)) / 1000),
  );
}

/**
 * The pool gauge at `t`: its normal use, or during db-pool-exhaustion the leaked connections,
 * with what no longer fits queued; a crashed system holds none.
 */
export function dbPoolGauge(book: ScenarioBook, t: number): DbPoolGauge {
  const size = DB_POOL_SIZE;
  if (book.has('system-crash')) return { used: 0, size, waiting: 0 };
  const running = book.get('db-pool-exhaustion');
  if (!running) return { used: DB_POOL_NORMAL_USE, size, waiting: 0 };
  const elapsed = Math.max(0, t - running.since);
  const demand = Math.floor(DB_POOL_START + (DB_POOL_LEAK_PER_S * elapsed) / 1000);
  return { used: dbPoolUsed(elapsed), size, waiting: Math.max(0, demand - size) };
}

export function effectsAt(book: ScenarioBook, t: number, latency: LatencyProfile = DEFAULT_LATENCY): Effects {
  const elapsed = (name: Parameters<ScenarioBook['get']>[0]): number | null => {
    const running = book.get(name);
    return running ? t - running.since : null;
  };
  const degradedFor = elapsed('latency-degradation');
  const poolFor = elapsed('db-pool-exhaustion');
  const dbPool = poolFor === null ? null : { used: dbPoolUsed(poolFor), size: DB_POOL_SIZE };
  const pressure = dbPool
    ? Math.min(1, Math.max(0, (dbPool.used - DB_POOL_PRESSURE_FROM) / (DB_POOL_SIZE - DB_POOL_PRESSURE_FROM)))
    : 0;
  const errorStorm = book.has('error-storm');

  return {
    crashed: book.has('system-crash'),
    silentVenues: book.get('exchange-outage')?.venueIds ?? [],
    breachedVenues: book.get('security-breach')?.venueIds ?? [],
    latencyFactor:
      (degradedFor === null ? 1 : degradationFactor(degradedFor, latency)) * (1 + DB_LATENCY_GAIN * pressure),
    errorProb: BASE_ERROR_PROB + (errorStorm ? ERROR_STORM_PROB : 0) + DB_ERROR_PROB * pressure,
    dbPool,
    errorStorm,
    latencyDegraded: degradedFor !== null,
    riskStorm: book.has('risk-alert-storm'),
  };
}

// What each service's health check finds, given what the scenarios are doing. Details are
// short and stable (no counters that tick every check) except where the number is the news.
import type { Effects } from './effects.ts';
import type { Health, Venue } from './types.ts';

export interface Verdict {
  health: Health;
  detail: string | null;
}

export const SERVICES: readonly { id: string; name: string }[] = [
  { id: 'order-gateway', name: 'Order gateway' },
  { id: 'order-router', name: 'Smart order router' },
  { id: 'risk-manager', name: 'Risk manager' },
  { id: 'matching-engine', name: 'Matching engine' },
  { id: 'market-data-handler', name: 'Market data handler' },
  { id: 'position-keeper', name: 'Position keeper' },
  { id: 'database', name: 'Database' },
];

const SERVICE_IDS = SERVICES.map((s) => s.id);

const UP: Verdict = { health: 'UP', detail: null };
const degraded = (detail: string): Verdict => ({ health: 'DEGRADED', detail });

/** Pool use, as a share of its size, from which the database reports itself degraded. */
export const DB_POOL_DEGRADED_SHARE = 0.9;

function database(effects: Effects): Verdict {
  const pool = effects.dbPool;
  if (!pool) return UP;
  const usage = `${pool.used}/${pool.size}`;
  if (pool.used >= pool.size)
    return { health: 'DOWN', detail: `connection pool exhausted (${usage}): too many connections` };
  if (pool.used >= pool.size * DB_POOL_DEGRADED_SHARE)
    return degraded(`connection pool nearly exhausted (${usage})`);
  return UP;
}

function orderGateway(effects: Effects, db: Verdict): Verdict {
  if (db.health !== 'UP') return degraded('waiting for database connections');
  if (effects.errorStorm) return degraded('rejecting orders at an elevated rate');
  return UP;
}

function marketDataHandler(venues: readonly Venue[]): Verdict {
  const silent = venues.filter((v) => v.connection !== 'CONNECTED').map((v) => v.name);
  return silent.length === 0 ? UP : degraded(`no market data from ${silent.join(', ')}`);
}

function orderRouter(venues: readonly Venue[]): Verdict {
  const down = venues.filter((v) => v.connection === 'DISCONNECTED').map((v) => v.name);
  return down.length === 0 ? UP : degraded(`routing around disconnected ${down.join(', ')}`);
}

/** Health of every service by id. */
export function assessServices(effects: Effects, venues: readonly Venue[]): Map<string, Verdict> {
  const verdicts = new Map<string, Verdict>();
  if (effects.crashed) {
    for (const id of SERVICE_IDS) verdicts.set(id, { health: 'DOWN', detail: 'process not responding' });
    return verdicts;
  }
  const db = database(effects);
  verdicts.set('order-gateway', orderGateway(effects, db));
  verdicts.set('order-router', orderRouter(venues));
  verdicts.set('risk-manager', effects.riskStorm ? degraded('limit checks flooded by breach alerts') : UP);
  verdicts.set('matching-engine', effects.latencyDegraded ? degraded('order processing slowing down') : UP);
  verdicts.set('market-data-handler', marketDataHandler(venues));
  verdicts.set(
    'position-keeper',
    effects.breachedVenues.length > 0 ? degraded('positions moved without matching fills') : UP,
  );
  verdicts.set('database', db);
  return verdicts;
}

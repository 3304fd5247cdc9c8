// What the model knows beyond the contract's snapshot, for the personalities that serve a seed
// system's own API: risk and reconciliation views of the positions, the database pool gauge,
// the routing mode with each venue's share, a manual market regime, when disabled venues come
// back. Times are simulated epoch ms: each personality writes them in its system's format.
import type { DbPoolGauge } from './effects.ts';
import type { Engine } from './engine.ts';
import type { HoldingDetail } from './positions.ts';
import type { RegimeOverride, RoutingMode } from './system-modes.ts';

export type { DbPoolGauge } from './effects.ts';
export type { HoldingDetail } from './positions.ts';
export type { RegimeOverride, RoutingMode } from './system-modes.ts';

export interface ModelDetails {
  /** Simulated time these details are true at (epoch ms). */
  at: number;
  holdings: HoldingDetail[];
  dbPool: DbPoolGauge;
  routing: {
    mode: RoutingMode;
    /** When CONSERVATIVE falls back to NORMAL; null while NORMAL. */
    until: number | null;
    /** Each venue's routing weight before normalising (0: nothing goes there). */
    weights: Record<string, number>;
  };
  regimeOverride: RegimeOverride | null;
  /** Venues disabled by an operator, and when each is enabled again. */
  disabledUntil: Record<string, number>;
  /** Venues whose exchange itself is down now (an outage), whatever our session says. */
  exchangesDown: string[];
}

export function modelDetails(engine: Engine): ModelDetails {
  const routing = engine.modes.routing;
  return {
    at: engine.time,
    holdings: engine.positions.details(),
    dbPool: engine.dbPool(),
    routing: {
      ...routing,
      weights: Object.fromEntries(engine.venues.routingWeights(engine.modes.conservative)),
    },
    regimeOverride: engine.modes.regime,
    disabledUntil: Object.fromEntries(engine.venues.disabledUntil()),
    exchangesDown: [...engine.exchangesDown()],
  };
}

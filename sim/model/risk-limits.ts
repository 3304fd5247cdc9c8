// The risk alert storm: the risk manager's limits sit close to their boundaries and their
// utilisation oscillates (positions and prices swing), so breaches fire, clear and fire again.
// Every limit is built to cross its boundary once per period, which guarantees a storm of well
// over 20 firings in five minutes.
import type { AlertSpec } from './alert-book.ts';
import type { Rng } from './rng.ts';

const LIMIT_KINDS = ['position', 'notional', 'order-rate', 'daily-loss'] as const;
const LIMITS = 10;
const PERIOD_S = { min: 30, max: 90 };
/** Peak utilisation of every limit lies in [1 + MIN_OVERSHOOT, 1 + MAX_OVERSHOOT]. */
const MIN_OVERSHOOT = 0.02;
const MAX_OVERSHOOT = 0.1;
const JITTER = 0.005;

interface Limit {
  symbol: string;
  venueId: string;
  kind: (typeof LIMIT_KINDS)[number];
  centre: number;
  amplitude: number;
  periodMs: number;
  phase: number;
}

export class RiskLimitStorm {
  #rng: Rng;
  #since: number;
  #limits: Limit[] = [];

  constructor(rng: Rng, since: number, books: readonly { symbol: string; venueId: string }[]) {
    this.#rng = rng;
    this.#since = since;
    for (let i = 0; i < LIMITS && books.length > 0; i++) {
      const { symbol, venueId } = rng.pick(books);
      const centre = rng.uniform(0.9, 0.97);
      this.#limits.push({
        symbol,
        venueId,
        kind: rng.pick(LIMIT_KINDS),
        centre,
        amplitude: 1 - centre + rng.uniform(MIN_OVERSHOOT, MAX_OVERSHOOT),
        periodMs: rng.uniform(PERIOD_S.min, PERIOD_S.max) * 1000,
        // Start every limit below its boundary so the first breaches come a little after the start.
        phase: rng.uniform(-Math.PI / 2, 0),
      });
    }
  }

  /** The limits in breach at simulated time `t`. */
  breaches(t: number): AlertSpec[] {
    const specs = new Map<string, AlertSpec>();
    for (const limit of this.#limits) {
      const angle = ((t - this.#since) / limit.periodMs) * 2 * Math.PI + limit.phase;
      const utilisation = limit.centre + limit.amplitude * Math.sin(angle) + this.#rng.normal(0, JITTER);
      if (utilisation < 1) continue;
      const id = `RiskLimitBreach:${limit.symbol}@${limit.venueId}:${limit.kind}`;
      specs.set(id, {
        id,
        name: 'RiskLimitBreach',
        severity: 'warning',
        summary: `${limit.symbol} on ${limit.venueId}: ${limit.kind} limit breached`,
        subject: 'risk-manager',
      });
    }
    return [...specs.values()];
  }
}

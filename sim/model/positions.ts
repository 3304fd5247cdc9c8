// Positions per symbol and venue. While the strategy trades, fills move each quantity as a
// mean-reverting random walk (so an hour-long run stays in a sensible range); prices drift
// slowly; notional = |quantity| × price.
import type { Rng } from './rng.ts';
import type { Position } from './types.ts';

interface Instrument {
  symbol: string;
  price: number;
  /** Typical size of a position, in units of the base asset. */
  typicalQty: number;
  /** Quantities are reported in multiples of the lot. */
  lotDecimals: number;
}

export const INSTRUMENTS: readonly Instrument[] = [
  { symbol: 'BTC-USDT', price: 65_000, typicalQty: 1.5, lotDecimals: 3 },
  { symbol: 'ETH-USDT', price: 3_200, typicalQty: 25, lotDecimals: 2 },
  { symbol: 'SOL-USDT', price: 150, typicalQty: 500, lotDecimals: 1 },
];

/** Mean reversion of quantities: a position's memory is about ten minutes. */
const REVERSION_PER_S = 1 / 600;
/** Price volatility per √second (~0.6 % an hour). */
const PRICE_VOL = 0.0001;
/** An intruder's fills: chance per step that a breached position jumps, and the jump's size. */
const BREACH_JUMP_PROB = 0.05;
const BREACH_JUMP_SHARE = 0.3;

interface Holding {
  instrument: Instrument;
  venueId: string;
  quantity: number;
}

export interface PositionStepInput {
  /** The strategy is trading (ACTIVE): fills move positions. */
  trading: boolean;
  /** Multiplier applied to every position (REDUCING); 1 leaves them alone. */
  shrink: number;
  /** Venues whose exchange is down: nothing fills there. */
  silentVenues: readonly string[];
  breachedVenues: readonly string[];
}

const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));

export class PositionBook {
  #rng: Rng;
  #prices = new Map<string, number>();
  #holdings: Holding[];

  constructor(rng: Rng, venueIds: readonly string[]) {
    this.#rng = rng;
    for (const instrument of INSTRUMENTS) this.#prices.set(instrument.symbol, instrument.price);
    this.#holdings = venueIds.flatMap((venueId) =>
      INSTRUMENTS.map((instrument) => ({
        instrument,
        venueId,
        quantity: rng.normal(0, instrument.typicalQty),
      })),
    );
  }

  step(dtMs: number, input: PositionStepInput): void {
    const dt = dtMs / 1000;
    for (const instrument of INSTRUMENTS) {
      const price = this.#prices.get(instrument.symbol) ?? instrument.price;
      this.#prices.set(instrument.symbol, price * Math.exp(this.#rng.normal(0, PRICE_VOL * Math.sqrt(dt))));
    }
    // Ornstein–Uhlenbeck: the noise is scaled so the long-run spread equals typicalQty.
    const noise = Math.sqrt(2 * REVERSION_PER_S * dt);
    for (const h of this.#holdings) {
      const typical = h.instrument.typicalQty;
      if (input.trading && !input.silentVenues.includes(h.venueId))
        h.quantity += -REVERSION_PER_S * dt * h.quantity + this.#rng.normal(0, typical * noise);
      h.quantity *= input.shrink;
      if (input.breachedVenues.includes(h.venueId) && this.#rng.bernoulli(BREACH_JUMP_PROB))
        h.quantity += this.#rng.normal(0, typical * BREACH_JUMP_SHARE);
    }
  }

  list(): Position[] {
    return this.#holdings.map(({ instrument, venueId, quantity }) => {
      const qty = round(quantity, instrument.lotDecimals);
      const price = this.#prices.get(instrument.symbol) ?? instrument.price;
      return {
        symbol: instrument.symbol,
        venueId,
        quantity: qty === 0 ? 0 : qty,
        notional: round(Math.abs(qty) * price, 2),
      };
    });
  }

  totalNotional(): number {
    return this.list().reduce((sum, p) => sum + p.notional, 0);
  }
}

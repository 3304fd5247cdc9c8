// Positions per symbol and venue. While the strategy trades, fills move each quantity as a
// mean-reverting random walk (so an hour-long run stays in a sensible range); prices drift
// slowly; notional = |quantity| × price. Each holding also keeps its average entry price (for
// unrealised PnL) and how much of it came from fills nobody here made (a security breach), which
// a reconciliation against the venue tells apart; neither draws on the random source.
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
  /** Volume-weighted price of the fills that built the position (the start price at first). */
  entryPrice: number;
  /** The part of `quantity` an intruder's fills put there: the venue holds it, our book does not. */
  foreign: number;
}

/** A holding as seen by a risk or reconciliation view: more than the contract's Position. */
export interface HoldingDetail {
  symbol: string;
  venueId: string;
  quantity: number;
  notional: number;
  markPrice: number;
  entryPrice: number;
  /** (mark − entry) × quantity, in the quote currency (USD). */
  unrealizedPnl: number;
  /** What our own book would show: quantity less the intruder's part. */
  bookQuantity: number;
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

/**
 * Applies a fill of `dq` at `price`: it moves the entry price only when it adds to the
 * position; one that flips it opens the new side at `price`; one that shrinks it leaves it.
 * The quantity changes exactly as `quantity += dq` would.
 */
function fill(h: Holding, dq: number, price: number): void {
  const before = h.quantity;
  h.quantity += dq;
  const after = h.quantity;
  if (before === 0 || Math.sign(after) !== Math.sign(before)) h.entryPrice = price;
  else if (Math.abs(after) > Math.abs(before))
    h.entryPrice = (h.entryPrice * Math.abs(before) + price * Math.abs(dq)) / Math.abs(after);
}

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
        entryPrice: instrument.price,
        foreign: 0,
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
      const price = this.#prices.get(h.instrument.symbol) ?? h.instrument.price;
      if (input.trading && !input.silentVenues.includes(h.venueId))
        fill(h, -REVERSION_PER_S * dt * h.quantity + this.#rng.normal(0, typical * noise), price);
      // Reducing only closes: the entry price of what is left stays.
      h.quantity *= input.shrink;
      if (input.breachedVenues.includes(h.venueId) && this.#rng.bernoulli(BREACH_JUMP_PROB)) {
        const jump = this.#rng.normal(0, typical * BREACH_JUMP_SHARE);
        fill(h, jump, price);
        h.foreign += jump;
      }
    }
  }

  details(): HoldingDetail[] {
    return this.#holdings.map((h) => {
      const { instrument, venueId, quantity, entryPrice } = h;
      const qty = round(quantity, instrument.lotDecimals);
      const price = this.#prices.get(instrument.symbol) ?? instrument.price;
      const book = round(quantity - h.foreign, instrument.lotDecimals);
      return {
        symbol: instrument.symbol,
        venueId,
        quantity: qty === 0 ? 0 : qty,
        notional: round(Math.abs(qty) * price, 2),
        markPrice: round(price, 2),
        entryPrice: round(entryPrice, 2),
        unrealizedPnl: round((price - entryPrice) * quantity, 2) || 0,
        bookQuantity: book === 0 ? 0 : book,
      };
    });
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

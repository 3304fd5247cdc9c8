// The venues: market-data liveness, session state and resting orders. Resting orders follow a
// birth–death process (placed at a steady rate, each filled or cancelled after ~2 s on
// average), which keeps the count fluctuating around MEAN_OPEN_ORDERS.
import type { Rng } from './rng.ts';
import { iso } from './time.ts';
import type { Connection, Venue } from './types.ts';

export interface VenueDef {
  id: string;
  name: string;
}

export const VENUES: readonly VenueDef[] = [
  { id: 'binance', name: 'Binance' },
  { id: 'bybit', name: 'Bybit' },
  { id: 'okx', name: 'OKX' },
  { id: 'kraken', name: 'Kraken' },
];

/**
 * Market data older than this marks the venue DEGRADED (a live feed ticks many times a second,
 * so a silent second is already a symptom); older than the second, its session drops.
 */
export const DEGRADED_AFTER_MS = 1_000;
export const DISCONNECTED_AFTER_MS = 10_000;

const MEAN_OPEN_ORDERS = 25;
const ORDER_LIFETIME_S = 2;
const PLACED_PER_S = MEAN_OPEN_ORDERS / ORDER_LIFETIME_S;
/** An intruder's orders per second on each breached venue; they rest far from the market and stay. */
const UNKNOWN_ORDERS_PER_S = 1;
/** The router moves flow away from a venue with stale quotes, and can't reach one whose session dropped. */
const ROUTING_WEIGHT: Record<Connection, number> = { CONNECTED: 1, DEGRADED: 0.2, DISCONNECTED: 0 };
/** Conservative routing (where a system offers it) sends nothing to a venue whose quotes are stale. */
const CONSERVATIVE_WEIGHT: Record<Connection, number> = { CONNECTED: 1, DEGRADED: 0, DISCONNECTED: 0 };
/** Orders that still reach an exchange that is down: most hang unacknowledged, some are rejected. */
const SILENT_VENUE_REJECT_PROB = 0.03;

interface VenueState {
  id: string;
  name: string;
  connection: Connection;
  enabled: boolean;
  /** When an operator's disable runs out (simulated epoch ms); null while enabled. */
  disabledUntil: number | null;
  lastMarketDataAt: number;
  /** Our strategy's resting orders. */
  own: number;
  /** Orders nobody here placed (security breach). */
  unknown: number;
}

export interface VenueStepInput {
  silentVenues: readonly string[];
  /** Venues where an intruder places orders through our gateway (none while KILLED blocks it). */
  breachedVenues: readonly string[];
  crashed: boolean;
  /** Share of the normal placement rate (trading state). */
  restingFactor: number;
  /** Nothing placed, filled or cancelled by us (HALTED). */
  frozen: boolean;
}

export interface Routing {
  /** False when no venue can take an order. */
  open: boolean;
  /** Probability that a routed order fails at the venue. */
  failProb: number;
}

export class VenueBook {
  #rng: Rng;
  #venues: VenueState[];
  #reported = new Map<string, string>();

  constructor(rng: Rng, startMs: number, venues: readonly VenueDef[] = VENUES) {
    this.#rng = rng;
    // The feed was alive before the model started: last market data "just now".
    this.#venues = venues.map(({ id, name }) => ({
      id,
      name,
      connection: 'CONNECTED',
      enabled: true,
      disabledUntil: null,
      lastMarketDataAt: startMs,
      own: rng.poisson(MEAN_OPEN_ORDERS),
      unknown: 0,
    }));
  }

  get ids(): string[] {
    return this.#venues.map((v) => v.id);
  }

  has(id: string): boolean {
    return this.#venues.some((v) => v.id === id);
  }

  /**
   * Advances every venue; true when a connection state changed or a disable ran out, which is
   * reported at once.
   */
  step(t: number, dtMs: number, input: VenueStepInput): boolean {
    const dt = dtMs / 1000;
    let connectionChanged = false;
    for (const v of this.#venues) {
      const before = v.connection;
      if (v.disabledUntil !== null && t >= v.disabledUntil) {
        v.enabled = true;
        v.disabledUntil = null;
        connectionChanged = true;
      }
      const alive = !input.crashed && !input.silentVenues.includes(v.id);
      if (alive) {
        v.lastMarketDataAt = t;
        v.connection = 'CONNECTED';
      } else {
        const age = t - v.lastMarketDataAt;
        if (age > DISCONNECTED_AFTER_MS) v.connection = 'DISCONNECTED';
        else if (age > DEGRADED_AFTER_MS) v.connection = 'DEGRADED';
      }
      // An exchange that is down or a crashed system acknowledges nothing: resting orders are stuck.
      const stuck = input.frozen || !alive;
      if (!stuck) {
        const placing = v.enabled ? input.restingFactor : 0;
        const placed = this.#rng.poisson(PLACED_PER_S * placing * dt);
        const done = this.#rng.binomial(v.own, dt / ORDER_LIFETIME_S);
        v.own += placed - done;
      }
      if (input.breachedVenues.includes(v.id)) v.unknown += this.#rng.poisson(UNKNOWN_ORDERS_PER_S * dt);
      connectionChanged ||= v.connection !== before;
    }
    return connectionChanged;
  }

  /** Each venue's share of new orders before normalising: 0 for a disabled or unreachable one. */
  routingWeights(conservative = false): Map<string, number> {
    const table = conservative ? CONSERVATIVE_WEIGHT : ROUTING_WEIGHT;
    return new Map(this.#venues.map((v) => [v.id, v.enabled ? table[v.connection] : 0]));
  }

  routing(silentVenues: readonly string[], conservative = false): Routing {
    const weights = this.routingWeights(conservative);
    let weight = 0;
    let failing = 0;
    for (const v of this.#venues) {
      const w = weights.get(v.id) ?? 0;
      weight += w;
      if (silentVenues.includes(v.id)) failing += w * SILENT_VENUE_REJECT_PROB;
    }
    return { open: weight > 0, failProb: weight > 0 ? failing / weight : 0 };
  }

  /** Kill switch: every open order on every venue, ours or not, is cancelled at once. */
  cancelAll(): void {
    for (const v of this.#venues) {
      v.own = 0;
      v.unknown = 0;
    }
  }

  /**
   * An operator's cancel-all on one venue: its open orders, ours or not, go at once. It goes
   * through the order gateway, not the market-data feed, so it works while the exchange's feed is down.
   */
  cancelVenue(id: string): void {
    for (const v of this.#venues.filter((venue) => venue.id === id)) {
      v.own = 0;
      v.unknown = 0;
    }
  }

  /** No new orders to the venue until `untilMs`; its open orders stay where they are. */
  disable(id: string, untilMs: number): void {
    for (const v of this.#venues.filter((venue) => venue.id === id)) {
      v.enabled = false;
      v.disabledUntil = untilMs;
    }
  }

  /**
   * Re-establishes a dropped or degraded session whose exchange is answering; the caller knows
   * whether it is. Returns false when there was nothing to reconnect.
   */
  reconnect(id: string, at: number): boolean {
    const v = this.#venues.find((venue) => venue.id === id);
    if (!v || v.connection === 'CONNECTED') return false;
    v.connection = 'CONNECTED';
    v.lastMarketDataAt = at;
    return true;
  }

  /** The intruder's orders are purged once the breach is contained. */
  clearUnknown(): void {
    for (const v of this.#venues) v.unknown = 0;
  }

  /** When each operator's disable runs out (simulated epoch ms), for the venues disabled now. */
  disabledUntil(): Map<string, number> {
    const until = new Map<string, number>();
    for (const v of this.#venues) if (v.disabledUntil !== null) until.set(v.id, v.disabledUntil);
    return until;
  }

  unknownOrders(): { venueId: string; count: number }[] {
    return this.#venues.filter((v) => v.unknown > 0).map((v) => ({ venueId: v.id, count: v.unknown }));
  }

  totalOpenOrders(): number {
    return this.#venues.reduce((sum, v) => sum + v.own + v.unknown, 0);
  }

  list(): Venue[] {
    return this.#venues.map((v) => ({
      id: v.id,
      name: v.name,
      connection: v.connection,
      enabled: v.enabled,
      lastMarketDataAt: iso(v.lastMarketDataAt),
      openOrders: v.own + v.unknown,
    }));
  }

  /** The venues that changed since the last call (all of them on the first call). */
  takeChanged(): Venue[] {
    return this.list().filter((venue) => {
      const key = `${venue.connection}|${venue.enabled}|${venue.openOrders}|${venue.lastMarketDataAt}`;
      if (this.#reported.get(venue.id) === key) return false;
      this.#reported.set(venue.id, key);
      return true;
    });
  }
}

// After a halt or a kill, the board keeps watching the system's orders and positions: bots have
// kept placing orders after their kill switch fired. For as long as the halt lasts, a new open
// order (or, once killed, any change of position) raises ORDERS AFTER HALT on every screen.
import type { Alert, Position, TradingState } from '../../contract/schemas.ts';

export const ORDERS_AFTER_HALT_ID = 'connector:orders-after-halt';

interface Watch {
  state: 'HALTED' | 'KILLED';
  since: string;
  lowestOpenOrders: number;
  positions: string;
  breach: string | null;
  breachAt: string | null;
}

const print = (positions: readonly Position[]) =>
  JSON.stringify([...positions].map((p) => [p.symbol, p.venueId, p.quantity]).sort());

export class HaltWatch {
  #watch: Watch | null = null;

  /** Feeds the latest picture; returns the alert to show, or null. */
  observe(
    state: TradingState | null,
    openOrders: number,
    positions: readonly Position[],
    at: string,
  ): Alert | null {
    if (state?.state !== 'HALTED' && state?.state !== 'KILLED') {
      this.#watch = null;
      return null;
    }
    const watch = this.#watch;
    if (!watch || watch.state !== state.state) {
      this.#watch = {
        state: state.state,
        since: at,
        lowestOpenOrders: openOrders,
        positions: print(positions),
        breach: null,
        breachAt: null,
      };
      return null;
    }
    // Cancels are allowed under a halt: fewer orders is fine, and the new low is the baseline.
    if (openOrders > watch.lowestOpenOrders && watch.breach === null)
      [watch.breach, watch.breachAt] = [
        `${openOrders - watch.lowestOpenOrders} new open order(s) after the ${state.state === 'KILLED' ? 'kill' : 'halt'}`,
        at,
      ];
    else if (state.state === 'KILLED' && print(positions) !== watch.positions && watch.breach === null)
      [watch.breach, watch.breachAt] = [
        'positions changed after the kill switch: something is still trading',
        at,
      ];
    watch.lowestOpenOrders = Math.min(watch.lowestOpenOrders, openOrders);
    if (watch.breach === null || watch.breachAt === null) return null;
    return {
      id: ORDERS_AFTER_HALT_ID,
      name: 'ORDERS AFTER HALT',
      severity: 'critical',
      summary: `${watch.breach} (${state.state} since ${watch.since}): the system is not obeying its ${state.state === 'KILLED' ? 'kill switch' : 'halt'}`,
      since: watch.breachAt,
      subject: null,
    };
  }
}

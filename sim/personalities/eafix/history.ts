// EAFIX's lists of what happened (executions, signals) read from the model's event history, as
// its services read theirs from their tables. Pure functions of the events, so the same seed
// and clock give the same lists.
//
// An execution is a change of a position between two consecutive order reports (what the fills
// of that second added up to); a signal is a crossing of a fast and a slow moving average of a
// symbol's price, the indicator engine's classic trigger.
import type { StreamEvent } from '../../model/types.ts';

type OrdersChanged = Extract<StreamEvent, { type: 'orders.changed' }>;
type Position = OrdersChanged['positions'][number];

export interface Execution {
  id: string;
  symbol: string;
  venue: string;
  side: 'BUY' | 'SELL';
  quantity: number;
  price: number;
  at: number;
}

export interface Signal {
  id: string;
  symbol: string;
  direction: 'BUY' | 'SELL';
  /** How far apart the averages were when they crossed, scaled to 0..1. */
  strength: number;
  price: number;
  at: number;
  source: 'indicator' | 'test';
}

const reports = (events: readonly StreamEvent[]) =>
  events.filter((e): e is OrdersChanged => e.type === 'orders.changed');
const key = (p: Position) => `${p.symbol}@${p.venueId}`;
const priceOf = (p: Position) =>
  p.quantity === 0 ? null : Math.round((p.notional / Math.abs(p.quantity)) * 100) / 100;

/** Executions newest first, from `since` (epoch ms) on, at most `limit`. */
export function executionsFrom(
  events: readonly StreamEvent[],
  since: number | null,
  limit: number,
): Execution[] {
  const list = reports(events);
  const out: Execution[] = [];
  for (let i = list.length - 1; i > 0 && out.length < limit; i--) {
    const current = list[i];
    const previous = list[i - 1];
    if (!current || !previous) break;
    const at = Date.parse(current.at);
    if (since !== null && at < since) break;
    const before = new Map(previous.positions.map((p) => [key(p), p]));
    current.positions.forEach((p, k) => {
      const was = before.get(key(p));
      if (!was || out.length >= limit) return;
      const dq = Number((p.quantity - was.quantity).toFixed(3));
      const price = priceOf(p) ?? priceOf(was);
      if (dq === 0 || price === null) return;
      out.push({
        id: `exe-${current.id}-${k}`,
        symbol: p.symbol,
        venue: p.venueId,
        side: dq > 0 ? 'BUY' : 'SELL',
        quantity: Math.abs(dq),
        price,
        at,
      });
    });
  }
  return out;
}

const FAST = 2 / (5 + 1);
const SLOW = 2 / (20 + 1);
const WARM_UP = 20;

/** A symbol's price in one report: from the first of its positions that is not flat. */
function prices(report: OrdersChanged): Map<string, number> {
  const found = new Map<string, number>();
  for (const p of report.positions) {
    const price = priceOf(p);
    if (price !== null && !found.has(p.symbol)) found.set(p.symbol, price);
  }
  return found;
}

/** Indicator signals newest first: every crossing of the 5- and 20-report averages of a price. */
export function signalsFrom(events: readonly StreamEvent[]): Signal[] {
  const averages = new Map<string, { fast: number; slow: number; seen: number; above: boolean | null }>();
  const out: Signal[] = [];
  for (const report of reports(events)) {
    for (const [symbol, price] of prices(report)) {
      const a = averages.get(symbol) ?? { fast: price, slow: price, seen: 0, above: null };
      averages.set(symbol, a);
      a.fast += FAST * (price - a.fast);
      a.slow += SLOW * (price - a.slow);
      a.seen += 1;
      if (a.seen < WARM_UP || a.fast === a.slow) continue;
      const above = a.fast > a.slow;
      if (a.above !== null && above !== a.above)
        out.push({
          id: `sig-${report.id}-${symbol}`,
          symbol,
          direction: above ? 'BUY' : 'SELL',
          strength: Math.min(1, Math.round((Math.abs(a.fast - a.slow) / a.slow) * 1e6) / 100),
          price,
          at: Date.parse(report.at),
          source: 'indicator',
        });
      a.above = above;
    }
  }
  return out.reverse();
}

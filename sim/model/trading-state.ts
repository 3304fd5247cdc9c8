// How each trading state throttles the order flow, and the REDUCING schedule.
import type { TradingStateName } from './types.ts';

export const TRADING_STATES: readonly TradingStateName[] = ['ACTIVE', 'REDUCING', 'HALTED', 'KILLED'];

/** REDUCING takes positions down by this fraction over REDUCE_DURATION_MS of simulated time. */
export const REDUCE_FRACTION = 0.5;
export const REDUCE_DURATION_MS = 300_000;

export function isTradingStateName(value: unknown): value is TradingStateName {
  return typeof value === 'string' && (TRADING_STATES as readonly string[]).includes(value);
}

/** Share of the normal order rate that each state lets through. REDUCING only sends closing orders. */
export function orderRateFactor(state: TradingStateName): number {
  return state === 'ACTIVE' ? 1 : state === 'REDUCING' ? 0.3 : 0;
}

/** Share of the normal rate at which resting orders are placed on venues. */
export function restingOrderFactor(state: TradingStateName): number {
  return state === 'ACTIVE' ? 1 : state === 'REDUCING' ? 0.5 : 0;
}

/** HALTED keeps resting orders where they are: nothing new, nothing filled or cancelled by the strategy. */
export function freezesOpenOrders(state: TradingStateName): boolean {
  return state === 'HALTED';
}

/** Fraction of the position held when REDUCING started that is still held `elapsedMs` later. */
export function reductionLevel(elapsedMs: number): number {
  return 1 - REDUCE_FRACTION * Math.min(1, Math.max(0, elapsedMs) / REDUCE_DURATION_MS);
}

/** The multiplier that takes a position from its level at `fromMs` to its level at `toMs` (both since REDUCING began). */
export function reductionStep(fromMs: number, toMs: number): number {
  return reductionLevel(toMs) / reductionLevel(fromMs);
}

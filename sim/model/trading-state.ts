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

/** KILLED closes the order gateway itself: nothing reaches a venue, whoever sends it. */
export function blocksGateway(state: TradingStateName): boolean {
  return state === 'KILLED';
}

/** How far REDUCING takes positions down, and over how long (the control's params can change both). */
export interface ReductionPlan {
  /** Share of each position to shed: 0.5 halves it, 1 flattens it. */
  fraction: number;
  durationMs: number;
}

export const DEFAULT_REDUCTION: ReductionPlan = { fraction: REDUCE_FRACTION, durationMs: REDUCE_DURATION_MS };

/** Fraction of the position held when REDUCING started that is still held `elapsedMs` later. */
export function reductionLevel(elapsedMs: number, plan: ReductionPlan = DEFAULT_REDUCTION): number {
  return 1 - plan.fraction * Math.min(1, Math.max(0, elapsedMs) / plan.durationMs);
}

/** The multiplier that takes a position from its level at `fromMs` to its level at `toMs` (both since REDUCING began). */
export function reductionStep(fromMs: number, toMs: number, plan: ReductionPlan = DEFAULT_REDUCTION): number {
  const from = reductionLevel(fromMs, plan);
  // A full reduction reaches zero: nothing is left to scale, and 0 / 0 must not poison positions.
  return from <= 0 ? 0 : reductionLevel(toMs, plan) / from;
}

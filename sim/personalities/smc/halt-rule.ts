// The SMC trading engine's halt rule, pure: while the Redis key `emergency_halt` exists, trading
// is halted; once it is gone (deleted, or expired: the seed sets it for an hour), trading
// resumes, but only a halt the key itself made. A halt or kill from anywhere else stays.
import type { TradingState } from '../../model/types.ts';

export const HALT_KEY = 'emergency_halt';
/** Recorded as the trading state's changedBy, so that the rule knows its own halts. */
export const HALT_BY = `redis:${HALT_KEY}`;

export type HaltAction = 'halt' | 'resume' | null;

export function haltAction(keyPresent: boolean, trading: TradingState): HaltAction {
  if (keyPresent) return trading.state === 'ACTIVE' || trading.state === 'REDUCING' ? 'halt' : null;
  return trading.state === 'HALTED' && trading.changedBy === HALT_BY ? 'resume' : null;
}

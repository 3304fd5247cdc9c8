import type { TradingStateName } from '../../../contract/schemas.ts';

/**
 * How each trading state reads, wherever it is shown: icon + word + colour, so it reads correctly
 * on a monochrome wall screen too. `fill` for a banner, `text` for a state named in a line.
 */
export const tradingStateLook: Record<
  TradingStateName,
  { icon: string; fill: string; text: string; meaning: string }
> = {
  ACTIVE: {
    icon: '●',
    fill: 'bg-emerald-700 text-white',
    text: 'text-emerald-300',
    meaning: 'trading normally',
  },
  REDUCING: {
    icon: '◐',
    fill: 'bg-amber-500 text-black',
    text: 'text-amber-300',
    meaning: 'only reducing positions',
  },
  HALTED: {
    icon: '■',
    fill: 'bg-orange-600 text-black',
    text: 'text-orange-300',
    meaning: 'no new orders; cancels allowed',
  },
  KILLED: {
    icon: '✖',
    fill: 'bg-red-700 text-white',
    text: 'text-red-300',
    meaning: 'all orders cancelled, order flow blocked',
  },
};

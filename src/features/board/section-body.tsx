import { useServerNow } from '../../live/use-server-now.ts';
import type { ReactNode } from 'react';

/**
 * The three things a board panel can hold, kept apart so none passes for another: nothing yet
 * (no contact), nothing usable (the section never arrived valid; the Panel says why), or data,
 * rendered with the trading system's clock at the last event so ages are measured on its time.
 */
export function SectionBody<T>({
  value,
  children,
}: {
  value: T | null | undefined;
  children: (value: T, asOfMs: number) => ReactNode;
}) {
  // Ages in the tiles run on the trading system's clock, ticking between its messages.
  const asOfMs = useServerNow();
  if (value === undefined || asOfMs === undefined)
    return <p className="text-slate-400">no data yet — waiting for the trading API</p>;
  if (value === null) return <p className="text-slate-400">no valid data received</p>;
  return children(value, asOfMs);
}

import { useRuntimeConfig } from '../config/config-context.tsx';
import { useNow } from '../lib/use-now.ts';
import { useConnectionReport } from './connection-store.ts';

export interface DataAge {
  /** Milliseconds since the trading API last confirmed the data; null before first contact. */
  ageMs: number | null;
  stale: boolean;
  /** The clock this age was measured at, for callers that measure other ages in step. */
  now: number;
}

/**
 * How old what the board shows is. While the stream is open and the server emits every
 * second, no news means no change, so contact time is the honest measure of freshness.
 */
export function useDataAge(): DataAge {
  const { staleAfterMs } = useRuntimeConfig();
  const { lastContactAt } = useConnectionReport();
  const now = useNow(250);
  if (lastContactAt === null) return { ageMs: null, stale: true, now };
  const ageMs = Math.max(0, now - lastContactAt);
  return { ageMs, stale: ageMs > staleAfterMs, now };
}

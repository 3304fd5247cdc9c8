import { useRuntimeConfig } from '../config/config-context.tsx';
import { useNow } from '../lib/use-now.ts';
import { useConnectionReport } from './connection-store.ts';
import { useStatus } from './status-query.ts';

/**
 * The trading system's "now", for ages measured on its clock (market data, checks, alerts): the
 * newest time it told us, moved on by the time since — but only while the link is fresh. Past
 * the stale threshold nobody knows what its clock or its venues are doing, so it stops there.
 */
export function useServerNow(): number | undefined {
  const asOf = useStatus((s) => Date.parse(s.asOf));
  const { serverClock } = useConnectionReport();
  const { staleAfterMs } = useRuntimeConfig();
  const now = useNow(250);
  if (asOf === undefined) return undefined;
  if (!serverClock) return asOf;
  return Math.max(
    asOf,
    serverClock.serverAt + Math.min(Math.max(0, now - serverClock.clientAt), staleAfterMs),
  );
}

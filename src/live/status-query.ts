import { queryOptions, useQuery } from '@tanstack/react-query';
import type { LiveState } from './live-state.ts';
import { useSystemScope } from '../systems/system-scope.tsx';
import type { SystemScope } from '../systems/system-scope.tsx';

export const statusKeys = {
  all: (scope: SystemScope) => ['trading-api', scope.systemId, scope.apiBaseUrl] as const,
  snapshot: (scope: SystemScope) => [...statusKeys.all(scope), 'snapshot'] as const,
};

/**
 * A trading system's live state. It is fed by the stream client (use-live-stream.ts), not
 * fetched by the query itself: the stream, its polling fallback and its gap filling decide
 * when data arrives. The query cache is still the single place every panel reads it from.
 */
const statusQueries = {
  snapshot: (scope: SystemScope) =>
    queryOptions<LiveState>({
      queryKey: statusKeys.snapshot(scope),
      queryFn: () => Promise.reject(new Error('the snapshot is pushed by the live stream, not fetched')),
      enabled: false,
      staleTime: Infinity,
      gcTime: Infinity,
    }),
};

/** Reads a slice of the live state of the system in scope; `undefined` until the first contact. */
export function useStatus<T>(select: (state: LiveState) => T): T | undefined {
  const scope = useSystemScope();
  return useQuery({ ...statusQueries.snapshot(scope), select }).data;
}

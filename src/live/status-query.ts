import { queryOptions, useQuery } from '@tanstack/react-query';
import type { LiveState } from './live-state.ts';
import { useRuntimeConfig } from '../config/config-context.tsx';

export const statusKeys = {
  all: (apiBaseUrl: string) => ['trading-api', apiBaseUrl] as const,
  snapshot: (apiBaseUrl: string) => [...statusKeys.all(apiBaseUrl), 'snapshot'] as const,
};

/**
 * The trading system's live state. It is fed by the stream client (use-live-stream.ts), not
 * fetched by the query itself: the stream, its polling fallback and its gap filling decide
 * when data arrives. The query cache is still the single place every panel reads it from.
 */
export const statusQueries = {
  snapshot: (apiBaseUrl: string) =>
    queryOptions<LiveState>({
      queryKey: statusKeys.snapshot(apiBaseUrl),
      queryFn: () => Promise.reject(new Error('the snapshot is pushed by the live stream, not fetched')),
      enabled: false,
      staleTime: Infinity,
      gcTime: Infinity,
    }),
};

/** Reads a slice of the live state; `undefined` until the first contact. */
export function useStatus<T>(select: (state: LiveState) => T): T | undefined {
  const { apiBaseUrl } = useRuntimeConfig();
  return useQuery({ ...statusQueries.snapshot(apiBaseUrl), select }).data;
}

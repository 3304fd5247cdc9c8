import { queryOptions } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { IncidentList } from '../../contract/store-schemas.ts';
import { useRuntimeConfig } from '../config/config-context.tsx';
import { storeReads } from './store-client.ts';

// Keys beside their fetchers. The change feed (change-feed.ts) keeps everything here current, so
// nothing is refetched on a timer or on focus: staleTime is Infinity, and the feed folds each
// change into the entries that exist.

export const warroomKeys = {
  all: (baseUrl: string) => ['war-room', baseUrl] as const,
  list: (baseUrl: string) => [...warroomKeys.all(baseUrl), 'incidents'] as const,
  incident: (baseUrl: string, id: string) => [...warroomKeys.all(baseUrl), 'incident', id] as const,
  timeline: (baseUrl: string, id: string) => [...warroomKeys.incident(baseUrl, id), 'timeline'] as const,
  checklist: (baseUrl: string, id: string) => [...warroomKeys.incident(baseUrl, id), 'checklist'] as const,
  audit: (baseUrl: string, id: string) => [...warroomKeys.incident(baseUrl, id), 'audit'] as const,
  playbooks: (baseUrl: string) => [...warroomKeys.all(baseUrl), 'playbooks'] as const,
};

const fed = { staleTime: Infinity, retry: 2, retryDelay: 1000 } as const;

export const warroomQueries = {
  /** Every incident (open and resolved), newest first, with the change id it is current as of. */
  list: (baseUrl: string) =>
    queryOptions({
      queryKey: warroomKeys.list(baseUrl),
      queryFn: () => storeReads.incidents(baseUrl),
      ...fed,
    }),
  incident: (baseUrl: string, id: string, queryClient?: QueryClient) =>
    queryOptions({
      queryKey: warroomKeys.incident(baseUrl, id),
      queryFn: () => storeReads.incident(baseUrl, id),
      // The list already holds every incident: no request when opening one from the board.
      initialData: () =>
        queryClient
          ?.getQueryData<IncidentList>(warroomKeys.list(baseUrl))
          ?.incidents.find((i) => i.id === id),
      ...fed,
    }),
  timeline: (baseUrl: string, id: string) =>
    queryOptions({
      queryKey: warroomKeys.timeline(baseUrl, id),
      queryFn: () => storeReads.timeline(baseUrl, id),
      ...fed,
    }),
  checklist: (baseUrl: string, id: string) =>
    queryOptions({
      queryKey: warroomKeys.checklist(baseUrl, id),
      queryFn: () => storeReads.checklist(baseUrl, id),
      ...fed,
    }),
  audit: (baseUrl: string, id: string) =>
    queryOptions({
      queryKey: warroomKeys.audit(baseUrl, id),
      queryFn: () => storeReads.audit(baseUrl, id),
      ...fed,
    }),
  /** The playbooks saved (imported) in the store; `playbook.saved` changes keep it current. */
  playbooks: (baseUrl: string) =>
    queryOptions({
      queryKey: warroomKeys.playbooks(baseUrl),
      queryFn: () => storeReads.playbooks(baseUrl),
      ...fed,
    }),
};

export function useStoreBaseUrl(): string {
  return useRuntimeConfig().storeBaseUrl;
}

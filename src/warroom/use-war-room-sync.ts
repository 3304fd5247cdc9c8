import { hashKey, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useRuntimeConfig } from '../config/config-context.tsx';
import { useSystemScope } from '../systems/system-scope.tsx';
import { bindActiveIncident } from './active-incident.ts';
import { watchAlerts } from './alert-events.ts';
import { applyChanges, storeIncident, storeTimelineEvent } from './apply-change.ts';
import { ChangeFeed } from './change-feed.ts';
import type { ChangeFeedOptions } from './change-feed.ts';
import { OUTBOX_STORAGE_KEY } from './outbox-file.ts';
import { outboxFor } from './outbox-store.ts';
import { warroomKeys, warroomQueries } from './queries.ts';
import { keepSnapshot, restoreSnapshot } from './offline-snapshot.ts';
import { storeLinkActions } from './store-link.ts';
import { warRoomWrites } from './writes.ts';
import type { IncidentList } from '../../contract/store-schemas.ts';

/**
 * The change feed's restart: at start, or when the store's database is another one. Nothing held
 * about it is known to be true, so the incident list (the feed's position) is read, then every
 * other entry of this store (an incident, a timeline, the saved playbooks) is read again.
 */
export async function rereadStore(queryClient: QueryClient, baseUrl: string): Promise<void> {
  await queryClient.fetchQuery({ ...warroomQueries.list(baseUrl), staleTime: 0 });
  const listHash = hashKey(warroomKeys.list(baseUrl));
  await queryClient.invalidateQueries({
    queryKey: warroomKeys.all(baseUrl),
    predicate: (q) => q.queryHash !== listHash,
  });
}

/**
 * Mounted once at the root, beside useLiveStream: the store's change feed into the query cache,
 * the outbox's deliveries, alerts reported to open incidents' timelines, and the active incident
 * for the control audit. Overrides are for tests and read once.
 */
export function useWarRoomSync(overrides: Partial<ChangeFeedOptions> = {}): void {
  const queryClient = useQueryClient();
  const config = useRuntimeConfig();
  const { storeBaseUrl: baseUrl, fallbackPollMs } = config;
  const scope = useSystemScope();
  const pollMs = overrides.pollMs ?? fallbackPollMs;

  // Before anything below asks the store: what this browser last knew, so that a reload while the
  // store is down still shows the incidents and their checklists. Once per mount, into an empty
  // cache only, and before the views subscribe (they render after this hook).
  useState(() => {
    const savedAt = restoreSnapshot(queryClient, baseUrl, localStorage);
    if (savedAt !== null) storeLinkActions.snapshotRestored(savedAt);
    return savedAt;
  });

  useEffect(() => {
    const outbox = outboxFor(baseUrl);
    const listKey = warroomKeys.list(baseUrl);
    const feed = new ChangeFeed(
      {
        position: () => {
          const list = queryClient.getQueryData<IncidentList>(listKey);
          return list ? { storeId: list.storeId, changeId: list.lastChangeId } : null;
        },
        restart: () => rereadStore(queryClient, baseUrl),
        apply: (changes) => applyChanges(queryClient, baseUrl, changes),
        report: (report) => {
          storeLinkActions.feedReported(report);
          // The store answers again: what waited in the outbox goes now, not at the end of its backoff.
          if (report.phase === 'live' || report.phase === 'polling') outbox.kick();
        },
      },
      { baseUrl, pollMs },
    );
    const stopDelivered = outbox.onDelivered((_entry, answer) => {
      if (answer?.kind === 'incident') storeIncident(queryClient, baseUrl, answer.incident);
      if (answer?.kind === 'event') storeTimelineEvent(queryClient, baseUrl, answer.event);
      if (answer?.kind === 'checklist')
        queryClient.setQueryData(
          warroomKeys.checklist(baseUrl, answer.checklist.incidentId),
          answer.checklist,
        );
    });
    const onStorage = (event: StorageEvent) => {
      if (event.key === OUTBOX_STORAGE_KEY) outbox.reload();
    };
    window.addEventListener('storage', onStorage);
    const unbind = bindActiveIncident(queryClient, baseUrl);
    const stopSnapshot = keepSnapshot(queryClient, baseUrl, localStorage);
    outbox.start();
    feed.start();
    return () => {
      stopSnapshot();
      feed.stop();
      outbox.stop();
      unbind();
      stopDelivered();
      window.removeEventListener('storage', onStorage);
    };
  }, [queryClient, baseUrl, pollMs]);

  // The alerts of the system on screen: switching systems changes what is watched, not the feed.
  useEffect(
    () => watchAlerts(queryClient, scope, baseUrl, warRoomWrites(outboxFor(baseUrl))),
    [queryClient, scope, baseUrl],
  );
}

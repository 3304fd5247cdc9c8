import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ControlAuditRecord, Incident, TimelineEvent } from '../../contract/store-schemas.ts';
import { isLocalId } from './outbox-file.ts';
import type { OutboxEntry } from './outbox-file.ts';
import { useDeclaredIds, usePendingWrites } from './outbox-store.ts';
import { pendingNotes, provisionalIncident, resolveId, withPendingEdits } from './pending.ts';
import { useStoreBaseUrl, warroomQueries } from './queries.ts';

// The store's data as the views read it: from the query cache (kept current by the change
// feed), with this browser's undelivered edits laid over it.

export interface IncidentListView {
  /** Newest first; incidents declared here offline come first, under their local ids. */
  incidents: Incident[];
  isPending: boolean;
  error: Error | null;
}

export function useIncidentList(): IncidentListView {
  const baseUrl = useStoreBaseUrl();
  const query = useQuery(warroomQueries.list(baseUrl));
  const entries = usePendingWrites();
  const ids = useDeclaredIds();
  const stored = query.data?.incidents;
  const incidents = useMemo(() => {
    const provisional = entries
      .map(provisionalIncident)
      .filter((i): i is Incident => i !== null && ids[i.id] === undefined);
    return [...provisional, ...(stored ?? [])].map((i) => withPendingEdits(i, entries, ids));
  }, [stored, entries, ids]);
  return { incidents, isPending: query.isPending && incidents.length === 0, error: query.error };
}

export interface IncidentView {
  /** The store's id once known; the local placeholder before. */
  id: string;
  incident: Incident | undefined;
  /** false while it exists only in this browser. */
  synced: boolean;
  error: Error | null;
}

export function useIncident(id: string): IncidentView {
  const baseUrl = useStoreBaseUrl();
  const queryClient = useQueryClient();
  const ids = useDeclaredIds();
  const entries = usePendingWrites();
  const realId = resolveId(id, ids);
  const local = isLocalId(realId);
  const query = useQuery({ ...warroomQueries.incident(baseUrl, realId, queryClient), enabled: !local });
  const incident = useMemo(() => {
    const declaration = entries.find((e) => e.kind === 'declare' && e.incidentId === realId);
    const base = local ? declaration && provisionalIncident(declaration) : query.data;
    return base ? withPendingEdits(base, entries, ids) : undefined;
  }, [local, entries, realId, query.data, ids]);
  return { id: realId, incident: incident ?? undefined, synced: !local, error: query.error };
}

export function useTimeline(id: string): {
  events: TimelineEvent[];
  pending: OutboxEntry[];
  error: Error | null;
} {
  const baseUrl = useStoreBaseUrl();
  const ids = useDeclaredIds();
  const entries = usePendingWrites();
  const realId = resolveId(id, ids);
  const query = useQuery({ ...warroomQueries.timeline(baseUrl, realId), enabled: !isLocalId(realId) });
  const pending = useMemo(() => pendingNotes(realId, entries, ids), [realId, entries, ids]);
  return { events: query.data?.events ?? noEvents, pending, error: query.error };
}

const noEvents: TimelineEvent[] = [];
const noRecords: ControlAuditRecord[] = [];

export function useAudit(id: string): { records: ControlAuditRecord[]; error: Error | null } {
  const baseUrl = useStoreBaseUrl();
  const realId = resolveId(id, useDeclaredIds());
  const query = useQuery({ ...warroomQueries.audit(baseUrl, realId), enabled: !isLocalId(realId) });
  return { records: query.data?.records ?? noRecords, error: query.error };
}

export function useChecklist(id: string) {
  const baseUrl = useStoreBaseUrl();
  const realId = resolveId(id, useDeclaredIds());
  return useQuery({ ...warroomQueries.checklist(baseUrl, realId), enabled: !isLocalId(realId) });
}

import type { QueryClient } from '@tanstack/react-query';
import type {
  AuditPage,
  Change,
  ControlAuditRecord,
  Incident,
  IncidentList,
  SavedPlaybook,
  SavedPlaybookList,
  Timeline,
  TimelineEvent,
} from '../../contract/store-schemas.ts';
import { warroomKeys } from './queries.ts';

// Folding the store's changes into what the dashboard holds. Pure functions, then one function
// that applies them to the query cache. A change may arrive twice (the stream and a poll racing,
// or the answer to our own write and its change): every fold is idempotent.

/** The list after one change; `lastChangeId` moves to the change, which is the feed's position. */
export function foldIncidentList(list: IncidentList, change: Change): IncidentList {
  const lastChangeId = Math.max(list.lastChangeId, change.id);
  if (change.type !== 'incident.created' && change.type !== 'incident.updated')
    return { ...list, lastChangeId };
  return { ...list, lastChangeId, incidents: upsertIncident(list.incidents, change.incident) };
}

/** Replaces the incident by id, or puts a new one first (the list is newest first). */
export function upsertIncident(incidents: readonly Incident[], incident: Incident): Incident[] {
  const at = incidents.findIndex((i) => i.id === incident.id);
  if (at === -1) return [incident, ...incidents];
  // An older copy (a late answer to our own write) must not overwrite a newer one.
  const held = incidents[at];
  if (held && held.updatedAt > incident.updatedAt) return [...incidents];
  return incidents.map((i, n) => (n === at ? incident : i));
}

/** Inserts an event in `seq` order, once. */
export function foldTimeline(timeline: Timeline, event: TimelineEvent): Timeline {
  if (timeline.events.some((e) => e.seq === event.seq)) return timeline;
  const events = [...timeline.events, event].sort((a, b) => a.seq - b.seq);
  return { ...timeline, events };
}

/**
 * The list with this revision of a playbook in it. A revision at or below the one held is a
 * repeat or a late answer and changes nothing; `changeId` moves the list's position when the
 * revision came on the feed.
 */
export function foldSavedPlaybooks(
  list: SavedPlaybookList,
  saved: SavedPlaybook,
  changeId = 0,
): SavedPlaybookList {
  const lastChangeId = Math.max(list.lastChangeId, changeId);
  const at = list.playbooks.findIndex((p) => p.playbook.id === saved.playbook.id);
  const held = list.playbooks[at];
  if (held && held.revision >= saved.revision)
    return lastChangeId === list.lastChangeId ? list : { ...list, lastChangeId };
  const playbooks =
    at === -1
      ? [...list.playbooks, saved].sort((a, b) => (a.playbook.id < b.playbook.id ? -1 : 1))
      : list.playbooks.map((p, n) => (n === at ? saved : p));
  return { ...list, lastChangeId, playbooks };
}

export function foldAudit(page: AuditPage, record: ControlAuditRecord): AuditPage {
  if (page.records.some((r) => r.seq === record.seq)) return page;
  return { records: [...page.records, record].sort((a, b) => a.seq - b.seq) };
}

/**
 * Sets data on a query that exists. A query still fetching is refetched instead: its answer may
 * have been read before this change committed and would overwrite the fold.
 */
function foldInto<T>(queryClient: QueryClient, queryKey: readonly unknown[], fold: (old: T) => T): void {
  const query = queryClient.getQueryCache().find<T>({ queryKey, exact: true });
  if (!query) return;
  if (query.state.fetchStatus === 'fetching') {
    void queryClient.invalidateQueries({ queryKey, exact: true });
    return;
  }
  if (query.state.data !== undefined) queryClient.setQueryData<T>(queryKey, fold(query.state.data));
}

/** An incident the store answered with (a write's reply): into the list and its own entry. */
export function storeIncident(queryClient: QueryClient, baseUrl: string, incident: Incident): void {
  foldInto<IncidentList>(queryClient, warroomKeys.list(baseUrl), (list) => ({
    ...list,
    incidents: upsertIncident(list.incidents, incident),
  }));
  setIncident(queryClient, baseUrl, incident);
}

function setIncident(queryClient: QueryClient, baseUrl: string, incident: Incident): void {
  const key = warroomKeys.incident(baseUrl, incident.id);
  const held = queryClient.getQueryData<Incident>(key);
  if (!held || held.updatedAt <= incident.updatedAt) queryClient.setQueryData(key, incident);
}

/** A saved playbook the store answered with (a save's reply, or the current one of a conflict). */
export function storeSavedPlaybook(queryClient: QueryClient, baseUrl: string, saved: SavedPlaybook): void {
  foldInto<SavedPlaybookList>(queryClient, warroomKeys.playbooks(baseUrl), (list) =>
    foldSavedPlaybooks(list, saved),
  );
}

export function storeTimelineEvent(queryClient: QueryClient, baseUrl: string, event: TimelineEvent): void {
  foldInto<Timeline>(queryClient, warroomKeys.timeline(baseUrl, event.incidentId), (t) =>
    foldTimeline(t, event),
  );
}

export function applyChanges(queryClient: QueryClient, baseUrl: string, changes: readonly Change[]): void {
  for (const change of changes) {
    foldInto<IncidentList>(queryClient, warroomKeys.list(baseUrl), (list) => foldIncidentList(list, change));
    switch (change.type) {
      case 'incident.created':
      case 'incident.updated':
        setIncident(queryClient, baseUrl, change.incident);
        break;
      case 'timeline.appended':
        storeTimelineEvent(queryClient, baseUrl, change.event);
        break;
      case 'checklist.changed':
        queryClient.setQueryData(
          warroomKeys.checklist(baseUrl, change.checklist.incidentId),
          change.checklist,
        );
        break;
      case 'audit.appended': {
        const { record } = change;
        if (record.incidentId !== null)
          foldInto<AuditPage>(queryClient, warroomKeys.audit(baseUrl, record.incidentId), (p) =>
            foldAudit(p, record),
          );
        break;
      }
      case 'playbook.saved':
        foldInto<SavedPlaybookList>(queryClient, warroomKeys.playbooks(baseUrl), (list) =>
          foldSavedPlaybooks(list, change.savedPlaybook, change.id),
        );
        break;
    }
  }
}

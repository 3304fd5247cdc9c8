import type { QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { create } from 'zustand';
import type { Incident, IncidentList } from '../../contract/store-schemas.ts';
import { useIncidentList } from './incident-hooks.ts';
import { isLocalId } from './outbox-file.ts';
import { outboxFor, useDeclaredIds } from './outbox-store.ts';
import { resolveId } from './pending.ts';
import { warroomKeys } from './queries.ts';

// Which incident this dashboard has open. Client state (a choice of the person), so zustand; the
// incidents themselves stay in the query cache.

const useSelection = create<{ selectedId: string | null }>()(() => ({ selectedId: null }));

export const useSelectedIncidentId = () => useSelection((s) => s.selectedId);

export const incidentSelectionActions = {
  incidentOpened: (id: string) => useSelection.setState({ selectedId: id }),
  incidentClosed: () => useSelection.setState({ selectedId: null }),
};

export interface ActiveIncident {
  id: string;
  title: string;
}

/**
 * The incident that controls fired now are done for: the open incident on screen, else the only
 * open incident. With several open and none chosen, none: a wrong link is worse than no link.
 * An incident the store has not yet given an id to cannot be linked.
 */
export function pickActiveIncident(
  incidents: readonly Incident[],
  selectedId: string | null,
): ActiveIncident | null {
  // The incident on screen exists only in this browser so far: it is the one meant, and it cannot
  // be linked yet. Falling back to "the only other open incident" would file under the wrong one.
  if (selectedId !== null && isLocalId(selectedId)) return null;
  const open = incidents.filter((i) => i.status !== 'RESOLVED' && !isLocalId(i.id));
  const chosen = open.find((i) => i.id === selectedId) ?? (open.length === 1 ? open[0] : undefined);
  return chosen ? { id: chosen.id, title: chosen.title } : null;
}

let bound: { queryClient: QueryClient; baseUrl: string } | null = null;

/** useWarRoomSync binds the query cache so that code outside React can ask. */
export function bindActiveIncident(queryClient: QueryClient, baseUrl: string): () => void {
  const binding = { queryClient, baseUrl };
  bound = binding;
  return () => {
    if (bound === binding) bound = null;
  };
}

/** For code outside React (the control audit reporter): see pickActiveIncident. */
export function activeIncident(): ActiveIncident | null {
  if (!bound) return null;
  const list = bound.queryClient.getQueryData<IncidentList>(warroomKeys.list(bound.baseUrl));
  const selected = useSelection.getState().selectedId;
  const resolved = selected === null ? null : outboxFor(bound.baseUrl).resolveId(selected);
  return pickActiveIncident(list?.incidents ?? [], resolved);
}

export function activeIncidentId(): string | null {
  return activeIncident()?.id ?? null;
}

/** The same, for components: the control bar's default reason. */
export function useActiveIncident(): ActiveIncident | null {
  const { incidents } = useIncidentList();
  const selected = useSelectedIncidentId();
  const ids = useDeclaredIds();
  return useMemo(
    () => pickActiveIncident(incidents, selected === null ? null : resolveId(selected, ids)),
    [incidents, selected, ids],
  );
}

import { skipToken, useQueries } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { IncidentPolicy, SystemInfo } from '../../contract/schemas.ts';
import { systemIdSchema } from '../../contract/store-schemas.ts';
import { useRuntimeConfig } from '../config/config-context.tsx';
import type { LiveState } from '../live/live-state.ts';
import { statusKeys, useStatus } from '../live/status-query.ts';
import { systemApiBase, UNLISTED_SYSTEM_ID } from '../systems/resolve-systems.ts';
import { useSystemScope, useSystemsView } from '../systems/system-scope.tsx';
import { UNKNOWN_SYSTEM } from './labels.ts';
import { policyOf } from './sla-policy.ts';
import type { SlaPolicy } from './sla-policy.ts';

// Which trading system an incident is about, as the board can say it: its name, the incident
// policy it serves, and what its incidents are timed by. Several systems share one board, and
// the incidents of all of them are listed together, each timed by its own system's policy.

export interface IncidentSystem {
  /** Its id; null for an incident that does not say (declared before incidents named one). */
  id: string | null;
  /** As people read it: its name; its id while the board knows no name; "unknown system". */
  name: string;
  /** The incident policy it serves (its profile's), when the board holds a snapshot of it. */
  served: IncidentPolicy | undefined;
  /** What its incidents are timed by (policyOf); undefined: the scheme's default. */
  sla: SlaPolicy | undefined;
}

const validId = (id: string | undefined): string | null =>
  id !== undefined && systemIdSchema.safeParse(id).success ? id : null;

/**
 * The system on screen, as an incident declared now names it: the listed system in scope, or,
 * for the one system a board speaks to unlisted, the id its snapshot gives.
 */
export function useSystemOnScreen(): IncidentSystem {
  const scope = useSystemScope();
  const info = useStatus((s) => s.system);
  const listedName = useSystemsView().systems?.find((s) => s.id === scope.systemId)?.name;
  const id = scope.systemId === UNLISTED_SYSTEM_ID ? validId(info?.id) : scope.systemId;
  return useMemo(() => {
    const own = info && info.id === id ? info : undefined;
    const name = listedName ?? own?.name ?? id ?? UNKNOWN_SYSTEM;
    return { id, name, served: own?.incidents, sla: policyOf(own ?? (id === null ? null : { id, name })) };
  }, [id, info, listedName]);
}

/**
 * What the board holds of every listed system: the snapshot of each one it has shown since it
 * was loaded stays in the query cache (src/live/status-query.ts), so an incident of a system not
 * on screen is still timed by that system's own policy. Read only, never fetched: the live
 * stream fills these.
 */
function useHeldSystems(): readonly SystemInfo[] {
  const { systems } = useSystemsView();
  const { systemsUrl } = useRuntimeConfig();
  return useQueries({
    queries: (systems ?? []).map((s) => ({
      queryKey: statusKeys.snapshot({ systemId: s.id, apiBaseUrl: systemApiBase(systemsUrl, s.id) }),
      queryFn: skipToken,
      staleTime: Infinity,
      select: (state: LiveState) => state.system,
    })),
    // Structurally shared: the same systems give the same array, and nothing re-renders.
    combine: (results) => results.flatMap((r) => (r.data ? [r.data] : [])),
  });
}

/** The system of each incident, by the id it names (see IncidentSystem). */
export function useIncidentSystems(): (systemId: string | null) => IncidentSystem {
  const screen = useSystemOnScreen();
  const held = useHeldSystems();
  const listed = useSystemsView().systems;
  const known = useMemo(() => {
    const infos = new Map(held.map((info) => [info.id, info]));
    const names = new Map([...held, ...(listed ?? [])].map((s) => [s.id, s.name]));
    return { infos, names };
  }, [held, listed]);
  return useCallback(
    (systemId) => {
      // An incident that does not say is timed as it always was, by the system on screen.
      if (systemId === null) return { id: null, name: UNKNOWN_SYSTEM, served: undefined, sla: screen.sla };
      if (systemId === screen.id) return screen;
      const info = known.infos.get(systemId);
      const name = known.names.get(systemId) ?? systemId;
      return { id: systemId, name, served: info?.incidents, sla: policyOf(info ?? { id: systemId, name }) };
    },
    [screen, known],
  );
}

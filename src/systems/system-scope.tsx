import { createContext, useContext, useMemo } from 'react';
import type { SystemSummary } from '../../contract/schemas.ts';
import { useRuntimeConfig } from '../config/config-context.tsx';
import { UNLISTED_SYSTEM_ID } from './resolve-systems.ts';
import type { SystemScope } from './resolve-systems.ts';

export type { SystemScope } from './resolve-systems.ts';

/** The system list as the header shows it, and the way to switch the board to another system. */
export interface SystemsView {
  /** The listed systems; null while the board speaks to one unlisted system. */
  systems: SystemSummary[] | null;
  /** The list could not be read lately: what is shown of it is as of `listReadAt`. */
  listProblem: string | null;
  /** Client time (ms) of the last answer of the list; null before one. */
  listReadAt: number | null;
  /** A `?system=` that names no listed system. */
  unknownChoice: string | null;
  select(systemId: string): void;
}

export const SystemScopeContext = createContext<SystemScope | null>(null);
export const SystemsContext = createContext<SystemsView | null>(null);
/**
 * Whether the scope's stream should be open (see resolveSystems). A context of its own: the list
 * changes on every read, and the root that opens the stream must not re-render with it.
 */
export const SystemWatchContext = createContext(true);

const unlistedView: SystemsView = {
  systems: null,
  listProblem: null,
  listReadAt: null,
  unknownChoice: null,
  select: () => {},
};

/**
 * The trading system this part of the board is about: its id keys the query cache, the link's
 * state and the commands. Outside a SystemsProvider (a panel tested on its own) it is the one
 * system at `config.apiBaseUrl`, as the board was before systems were listed.
 */
export function useSystemScope(): SystemScope {
  const scope = useContext(SystemScopeContext);
  const { apiBaseUrl } = useRuntimeConfig();
  return useMemo(() => scope ?? { systemId: UNLISTED_SYSTEM_ID, apiBaseUrl }, [scope, apiBaseUrl]);
}

export function useSystemWatched(): boolean {
  return useContext(SystemWatchContext);
}

export function useSystemsView(): SystemsView {
  return useContext(SystemsContext) ?? unlistedView;
}

/** Several systems share the board: texts then say which one they are about. */
export function useSeveralSystems(): boolean {
  return (useSystemsView().systems?.length ?? 0) > 1;
}

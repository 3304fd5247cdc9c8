import type { SystemSummary } from '../../contract/schemas.ts';
import type { SystemDirectory } from './system-directory.ts';

/** The trading system the board shows, and where its API is. */
export interface SystemScope {
  systemId: string;
  apiBaseUrl: string;
}

/** The one system at `config.apiBaseUrl`, when no war-room server lists any. */
export const UNLISTED_SYSTEM_ID = 'unlisted';

/** Where the war-room server serves one system's API: `/api/systems/{id}/v1` by default. */
export function systemApiBase(systemsUrl: string, systemId: string): string {
  return `${systemsUrl.replace(/\/+$/, '')}/${encodeURIComponent(systemId)}/v1`;
}

export interface ResolvedSystems {
  scope: SystemScope;
  /** Whether a stream should be open for the scope: not before the list was asked once, nor for none. */
  watch: boolean;
  /** The listed systems; null while the board speaks to one unlisted system. */
  systems: SystemSummary[] | null;
  /** A `?system=` that names no listed system: the first one is shown instead. */
  unknownChoice: string | null;
}

/**
 * Decides which system the board shows from what the system list said and what the URL asks for.
 * Until the list has answered once nothing is watched; if it never answered, or said there is no
 * list, the board watches `config.apiBaseUrl` exactly as it did before systems were listed.
 */
export function resolveSystems(input: {
  directory: SystemDirectory | undefined;
  /** The list was asked and gave no answer (failure), so waiting longer would only blank the board. */
  unanswered: boolean;
  wanted: string | null;
  apiBaseUrl: string;
  systemsUrl: string;
}): ResolvedSystems {
  const unlisted = { systemId: UNLISTED_SYSTEM_ID, apiBaseUrl: input.apiBaseUrl };
  const { directory, wanted } = input;
  if (directory?.kind !== 'listed')
    return {
      scope: unlisted,
      watch: directory !== undefined || input.unanswered,
      systems: null,
      unknownChoice: null,
    };
  const chosen = directory.systems.find((s) => s.id === wanted) ?? directory.systems[0];
  if (!chosen) return { scope: unlisted, watch: false, systems: [], unknownChoice: null };
  return {
    scope: { systemId: chosen.id, apiBaseUrl: systemApiBase(input.systemsUrl, chosen.id) },
    watch: true,
    systems: directory.systems,
    unknownChoice: wanted !== null && wanted !== chosen.id ? wanted : null,
  };
}

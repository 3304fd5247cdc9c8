import { useMemo } from 'react';
import type { IncidentType, SavedPlaybook } from '../../contract/store-schemas.ts';
import { playbookLibrary, suggestPlaybook } from '../playbooks/library/index.ts';
import type { Playbook, PlaybookSystem } from '../playbooks/playbook.ts';
import { useSavedPlaybooks } from './saved-playbooks.ts';

// Every playbook an incident can follow: the built-in library, and the playbooks saved in the
// war-room store. Their ids cannot collide (saved ones start with `import-`, which the store
// enforces), so one lookup serves both, and a choice stored by id means the same on every viewer.

export interface PlaybookCatalog {
  library: readonly Playbook[];
  /** The saved playbooks, by title, each with its revision (the baseRevision of an edit). */
  saved: readonly SavedPlaybook[];
  byId(id: string): Playbook | null;
  savedById(id: string): SavedPlaybook | null;
  /** See suggestPlaybook: the library's for the system at hand, then a saved one, then the library's. */
  suggest(type: IncidentType, system?: PlaybookSystem): Playbook | null;
  /**
   * The playbook suggested for an incident whose system's policy names `library` (the `system`
   * of the playbooks that answer it): the first of those, in the library then saved, that answers
   * the type, or none. A system that names none (null) is suggested any, as `suggest` does.
   */
  suggestFor(type: IncidentType, library: PlaybookSystem | null): Playbook | null;
}

export function playbookCatalog(saved: readonly SavedPlaybook[]): PlaybookCatalog {
  const byTitle = [...saved].sort((a, b) => a.playbook.title.localeCompare(b.playbook.title));
  const savedIds = new Map(saved.map((s) => [s.playbook.id, s]));
  const libraryIds = new Map(playbookLibrary.map((p) => [p.id, p]));
  // The store's order (by id) for suggestions: stable whatever the titles say.
  const savedPlaybooks = saved.map((s) => s.playbook);
  return {
    library: playbookLibrary,
    saved: byTitle,
    byId: (id) => libraryIds.get(id) ?? savedIds.get(id)?.playbook ?? null,
    savedById: (id) => savedIds.get(id) ?? null,
    suggest: (type, system) => suggestPlaybook(type, system, savedPlaybooks),
    suggestFor: (type, library) =>
      library === null
        ? suggestPlaybook(type, undefined, savedPlaybooks)
        : ([...playbookLibrary, ...savedPlaybooks].find(
            (p) => p.system === library && p.incidentTypes.includes(type),
          ) ?? null),
  };
}

export interface PlaybookCatalogView extends PlaybookCatalog {
  /** The saved playbooks are still being read: an id not found may yet be one of them. */
  isPending: boolean;
  /** Why the saved playbooks could not be read; the library is there regardless. */
  error: Error | null;
}

/** The catalog, kept current by the change feed: a playbook saved anywhere appears here. */
export function usePlaybookCatalog(): PlaybookCatalogView {
  const { playbooks, isPending, error } = useSavedPlaybooks();
  const catalog = useMemo(() => playbookCatalog(playbooks), [playbooks]);
  return useMemo(() => ({ ...catalog, isPending, error }), [catalog, isPending, error]);
}

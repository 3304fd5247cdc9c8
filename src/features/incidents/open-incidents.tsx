import { useEffect, useRef, useState } from 'react';
import { Panel } from '../../components/ui/panel.tsx';
import { useNow } from '../../lib/use-now.ts';
import { incidentSelectionActions, useSelectedIncidentId } from '../../warroom/active-incident.ts';
import { useIncidentList } from '../../warroom/incident-hooks.ts';
import { useIncidentSystems } from '../../warroom/incident-systems.ts';
import { isLocalId } from '../../warroom/outbox-file.ts';
import { useDeclaredIds } from '../../warroom/outbox-store.ts';
import { resolveId } from '../../warroom/pending.ts';
import { DeclareForm } from './declare-form.tsx';
import { IncidentRow } from './incident-row.tsx';
import { IncidentView } from './incident-view.tsx';
import { ResponderName } from './responder-name.tsx';
import { UnsyncedIndicator } from './unsynced-indicator.tsx';

/**
 * The open incidents, as every dashboard sees them, and the one opened here below them. A store
 * that cannot be read is said in words: an empty list would read as "no incidents".
 */
export function OpenIncidents() {
  const { incidents, isPending, error } = useIncidentList();
  const selectedId = useSelectedIncidentId();
  const ids = useDeclaredIds();
  const selected = selectedId === null ? null : resolveId(selectedId, ids);
  const [declaring, setDeclaring] = useState(false);
  const viewTop = useRef<HTMLDivElement>(null);
  const [showResolved, setShowResolved] = useState(false);
  const now = useNow(1000);
  const systemOf = useIncidentSystems();
  const open = incidents.filter((i) => i.status !== 'RESOLVED');
  const resolved = incidents.filter((i) => i.status === 'RESOLVED');
  const shown = showResolved ? [...open, ...resolved] : open;

  // Opening (or declaring) an incident brings it into view, wherever the column was scrolled: the
  // browser would otherwise keep the declare form in place and push the new incident out of sight.
  useEffect(() => {
    if (selectedId !== null) viewTop.current?.scrollIntoView?.({ block: 'start' });
  }, [selectedId]);

  // The open incident comes first: in a short column its title, status and actions are what the
  // commander needs in view; the list (kept to a few rows) and the declare button follow.
  return (
    <>
      {selectedId !== null && (
        <div ref={viewTop}>
          <IncidentView id={selectedId} />
        </div>
      )}
      <Panel title="Open incidents">
        {/* data-declaring: the column gives the form room while it is open (app/incident-column.tsx). */}
        <div className="flex flex-col gap-2" data-declaring={declaring || undefined}>
          {/* One row for who I am and the way to declare: the column's height goes to the checklist. */}
          <div className="flex flex-wrap items-center gap-2">
            <div className="min-w-40 flex-1">
              <ResponderName />
            </div>
            {!declaring && (
              <button
                type="button"
                onClick={() => setDeclaring(true)}
                className="rounded bg-red-700 px-3 py-1 font-semibold text-white hover:bg-red-600"
              >
                Declare incident
              </button>
            )}
          </div>
          <UnsyncedIndicator />
          {declaring && <DeclareForm onDone={() => setDeclaring(false)} />}
          {error && incidents.length === 0 && (
            <p role="alert" className="text-sm text-amber-300">
              Incidents could not be read from the war-room store: {error.message}
            </p>
          )}
          {isPending && !error && (
            <p className="text-sm text-slate-400">Reading incidents from the war-room store…</p>
          )}
          {!isPending && !error && open.length === 0 && (
            <p className="text-sm text-slate-400">No open incidents.</p>
          )}
          {/* With an incident open, the list keeps to a few rows (scrolling) so that the open
              incident's own view starts on screen however many incidents are open. */}
          <ul
            aria-label="Incidents"
            className={`flex flex-col gap-1 ${selectedId !== null ? 'max-h-32 overflow-y-auto pr-1' : ''}`}
          >
            {shown.map((incident) => (
              <IncidentRow
                key={incident.id}
                incident={incident}
                now={now}
                system={systemOf(incident.systemId)}
                unsynced={isLocalId(incident.id)}
                selected={incident.id === selected}
                onOpen={incidentSelectionActions.incidentOpened}
              />
            ))}
          </ul>
          {resolved.length > 0 && (
            <button
              type="button"
              className="self-start text-sm text-slate-400 underline"
              onClick={() => setShowResolved(!showResolved)}
            >
              {showResolved ? 'Hide resolved' : `Show resolved (${resolved.length})`}
            </button>
          )}
        </div>
      </Panel>
    </>
  );
}

import { useId, useState } from 'react';
import { OpenIncidents } from '../features/incidents/open-incidents.tsx';
import { ActiveChecklist } from '../features/playbooks/active-checklist.tsx';
import { useActiveIncident } from '../warroom/active-incident.ts';

/**
 * The right-hand column: the incidents above, the active incident's checklist below, each
 * scrolling on its own. Once there is a checklist to follow it is guaranteed most of the height,
 * so it never ends up below the fold under a long incident view; the commander can fold the
 * incidents away to give it all. Without an active incident the incidents (and the declare form)
 * take what they need.
 */
export function IncidentColumn() {
  const active = useActiveIncident();
  const [folded, setFolded] = useState(false);
  const regionId = useId();
  const hidden = folded && active !== null;
  return (
    <>
      {active && (
        <div className="flex shrink-0 items-center justify-between gap-2 text-xs text-slate-400">
          <span className="truncate" title={`${active.id} ${active.title}`}>
            {hidden ? `${active.id} ${active.title}` : 'Incidents'}
          </span>
          <button
            type="button"
            aria-expanded={!hidden}
            aria-controls={regionId}
            className="shrink-0 rounded border border-slate-700 px-2 py-0.5 hover:bg-slate-800 hover:text-white"
            onClick={() => setFolded(!folded)}
          >
            {hidden ? 'Show incidents ▾' : 'Fold incidents ▴'}
          </button>
        </div>
      )}
      {/* Folded, not unmounted: a half-typed note or role survives folding. */}
      <div id={regionId} hidden={hidden} className="peer min-h-0 space-y-3 overflow-y-auto">
        <OpenIncidents />
      </div>
      {/* While a new incident is being declared, the form is what matters: the checklist cedes room. */}
      <div
        className={
          active
            ? 'flex min-h-[55%] flex-1 basis-0 flex-col peer-has-[[data-declaring]]:min-h-[25%]'
            : 'shrink-0'
        }
      >
        <ActiveChecklist className={active ? 'flex-1' : ''} />
      </div>
    </>
  );
}

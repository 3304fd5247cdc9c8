import type { Incident } from '../../../contract/store-schemas.ts';
import { formatAge } from '../../lib/format.ts';
import { STATUS_LABELS } from '../../warroom/labels.ts';
import type { IncidentSystem } from '../../warroom/incident-systems.ts';
import { slaState } from '../../warroom/sla.ts';
import { Countdown } from './countdown.tsx';
import { SeverityBadge } from './severity-badge.tsx';

export function IncidentRow({
  incident,
  now,
  system,
  unsynced,
  selected,
  onOpen,
}: {
  incident: Incident;
  now: number;
  /** The trading system it is about: named on the row, and its policy times it. */
  system: IncidentSystem;
  unsynced: boolean;
  selected: boolean;
  onOpen: (id: string) => void;
}) {
  // The board has no timeline at hand: the next update counts from the incident's own times.
  const sla = slaState(incident, [], now, system.sla);
  return (
    <li>
      <button
        type="button"
        aria-label={`${incident.id} ${incident.title}`}
        aria-current={selected}
        onClick={() => onOpen(incident.id)}
        className={`flex w-full flex-col gap-0.5 rounded border px-2 py-1.5 text-left hover:bg-white/5 ${selected ? 'border-sky-500' : 'border-slate-700'}`}
      >
        <span className="flex items-center gap-2">
          <SeverityBadge scheme={incident.severityScheme} severity={incident.severity} />
          <span className="truncate font-semibold">{incident.title}</span>
        </span>
        <span className="flex flex-wrap gap-x-3 text-xs text-slate-300">
          <span>{unsynced ? 'not yet in the store' : incident.id}</span>
          <span>{system.name}</span>
          <span>{STATUS_LABELS[incident.status]}</span>
          <span>open {formatAge(now - Date.parse(incident.declaredAt))}</span>
          <Countdown label="next update" deadline={sla.nextUpdate} />
        </span>
      </button>
    </li>
  );
}

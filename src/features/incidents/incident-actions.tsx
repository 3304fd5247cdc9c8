import type { Incident, IncidentStatus } from '../../../contract/store-schemas.ts';
import { STATUS_LABELS } from '../../warroom/labels.ts';
import { useWarRoomWrites } from '../../warroom/writes.ts';

const ORDER: readonly IncidentStatus[] = ['INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED'];

const button =
  'rounded border px-2 py-1 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-40';

/**
 * Acknowledge once; move the status forward (steps may be skipped, as the store allows) or
 * reopen a resolved incident. Moves the store would refuse are not offered.
 */
export function IncidentActions({ id, incident }: { id: string; incident: Incident }) {
  const writes = useWarRoomWrites();
  const at = ORDER.indexOf(incident.status);
  return (
    <div className="flex flex-col gap-2">
      {incident.acknowledgedAt === null ? (
        <button
          type="button"
          onClick={() => writes.acknowledge(id)}
          className={`${button} self-start border-amber-400 bg-amber-400 text-slate-950`}
        >
          Acknowledge
        </button>
      ) : (
        <p className="text-sm text-slate-300">Acknowledged by {incident.acknowledgedBy}</p>
      )}
      <div role="group" aria-label="Status" className="flex flex-wrap gap-1">
        {incident.status === 'RESOLVED' ? (
          <button
            type="button"
            className={`${button} border-slate-400`}
            onClick={() => writes.changeStatus(id, 'INVESTIGATING')}
          >
            Reopen
          </button>
        ) : (
          ORDER.map((status, n) => (
            <button
              key={status}
              type="button"
              disabled={n <= at}
              aria-pressed={n === at}
              onClick={() => writes.changeStatus(id, status)}
              className={`${button} ${n === at ? 'border-sky-400 bg-sky-800' : 'border-slate-400'}`}
            >
              {STATUS_LABELS[status]}
            </button>
          ))
        )}
      </div>
    </div>
  );
}

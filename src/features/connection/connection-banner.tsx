import { formatAge, formatClock } from '../../lib/format.ts';
import { useConnectionReport, useDataProblem } from '../../live/connection-store.ts';
import { useNow } from '../../lib/use-now.ts';
import { useSystemScope, useSystemsView } from '../../systems/system-scope.tsx';

/** Why the war-room server cannot read the system on screen, in its words; null when it can. */
function useServerSays(): string | null {
  const { systems } = useSystemsView();
  const { systemId } = useSystemScope();
  const shown = systems?.find((s) => s.id === systemId);
  return shown && !shown.reachable ? shown.problem : null;
}

/**
 * The one place that says whether the board is live. Silent while the stream is healthy;
 * loud, with the time it started, when the trading API cannot be reached.
 */
export function ConnectionBanner() {
  const report = useConnectionReport();
  const dataProblem = useDataProblem();
  const now = useNow(500);
  const serverSays = useServerSays();
  const lastKnown =
    report.lastContactAt === null
      ? 'no data received yet'
      : `showing last-known values from ${formatAge(now - report.lastContactAt)} ago`;

  return (
    <div aria-live="polite">
      {report.phase === 'unreachable' && (
        <div role="alert" className="bg-red-700 px-4 py-2 text-lg font-semibold text-white">
          ✖ Trading API unreachable since {formatClock(report.since)} ({report.problem ?? 'no answer'}) —{' '}
          {serverSays && `${serverSays} — `}
          {lastKnown}
        </div>
      )}
      {report.phase === 'polling' && (
        <div role="status" className="bg-amber-600 px-4 py-2 font-semibold text-black">
          ⚠ Live stream lost since {formatClock(report.since)} — polling the trading API every second
          {report.problem ? ` (${report.problem})` : ''}; updates may lag
        </div>
      )}
      {report.phase === 'connecting' && (
        <div role="status" className="bg-slate-700 px-4 py-2 font-semibold text-white">
          … Connecting to the trading API{report.problem ? ` (${report.problem})` : ''}
        </div>
      )}
      {dataProblem && (
        <div role="alert" className="bg-fuchsia-800 px-4 py-2 font-semibold text-white">
          ✖ The trading API sent invalid data at {formatClock(dataProblem.at)}: {dataProblem.message} —
          keeping last-known values
        </div>
      )}
    </div>
  );
}

import { useStatus } from '../../live/status-query.ts';
import { LinkStatus } from './link-status.tsx';

/**
 * Which trading system this tab watches, and whether it is real. A simulator must never be
 * mistaken for production, and a drill must be unmistakable on every screen that shows it.
 */
/** The firing-alert count stays in view whatever the board column is scrolled to. */
function AlertCount() {
  const counts = useStatus((s) =>
    s.alerts ? `${s.alerts.length}|${s.alerts.filter((a) => a.severity === 'critical').length}` : null,
  );
  if (!counts) return null;
  const [firing, critical] = counts.split('|').map(Number);
  if (!firing) return <p className="text-sm text-slate-400">no alerts firing</p>;
  return (
    <p
      className={`rounded px-2 py-0.5 text-sm font-bold ${critical ? 'bg-red-700 text-white' : 'bg-amber-500 text-black'}`}
    >
      {critical ? '✖' : '▲'} {firing} alert{firing === 1 ? '' : 's'} firing
      {critical ? ` · ${critical} critical` : ''}
    </p>
  );
}

export function SystemHeader() {
  const system = useStatus((s) => s.system);
  return (
    <header className="flex items-center gap-4 border-b border-slate-800 bg-slate-900 px-4 py-2">
      <p className="text-lg font-bold tracking-wide text-slate-100">War room</p>
      <p className="text-slate-300">{system ? system.name : 'trading system not yet reached'}</p>
      {system?.environment === 'simulator' && (
        <p className="rounded border border-sky-400 px-2 py-0.5 text-sm font-bold tracking-wider text-sky-300">
          SIMULATOR — not a live trading system
        </p>
      )}
      {system?.environment === 'drill' && (
        <p role="status" className="rounded bg-violet-600 px-3 py-0.5 font-black tracking-widest text-white">
          DRILL — scripted exercise, not a live incident
        </p>
      )}
      <div className="ml-auto flex items-center gap-4">
        <AlertCount />
        <LinkStatus />
      </div>
    </header>
  );
}

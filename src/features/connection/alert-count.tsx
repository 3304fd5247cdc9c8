import { notOfferedReason } from '../../live/not-offered.ts';
import { useStatus } from '../../live/status-query.ts';

/** The firing-alert count stays in view whatever the board column is scrolled to. */
export function AlertCount() {
  const counts = useStatus((s) =>
    s.alerts && !notOfferedReason(s.system, 'alerts')
      ? `${s.alerts.length}|${s.alerts.filter((a) => a.severity === 'critical').length}`
      : null,
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

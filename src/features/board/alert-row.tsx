import { useId } from 'react';
import type { Alert, AlertSeverity } from '../../../contract/schemas.ts';
import { formatAge, formatClock } from '../../lib/format.ts';
import type { AlertRow } from './alert-rows.ts';
import { StatusLabel } from './status-label.tsx';
import type { StatusLook } from './status-label.tsx';

const look: Record<AlertSeverity, StatusLook> = {
  critical: { icon: '✖', word: 'CRITICAL', text: 'text-red-300', tile: 'border-red-500 bg-red-950/60' },
  warning: { icon: '▲', word: 'WARNING', text: 'text-amber-300', tile: 'border-amber-500 bg-slate-800' },
};

const firingFor = (since: string, asOfMs: number) =>
  `for ${formatAge(Math.max(0, asOfMs - Date.parse(since)))}`;

function AlertLine({ alert, asOfMs }: { alert: Alert; asOfMs: number }) {
  return (
    <>
      <div className="flex flex-wrap items-baseline gap-x-3">
        {/* Spaces between the items so the row reads as words, not "WARNINGMarketDataStale". */}
        <StatusLabel look={look[alert.severity]} />{' '}
        <span className="font-semibold text-white">{alert.name}</span>{' '}
        {alert.subject && <span className="text-sm text-slate-300">on {alert.subject}</span>}{' '}
        <span className="ml-auto text-sm text-slate-300 tabular-nums">{firingFor(alert.since, asOfMs)}</span>
      </div>
      <p className="text-sm text-slate-200">{alert.summary}</p>
      {alert.silence && (
        // Silenced is not cleared: it still fires, and everyone sees who quietened it and until when.
        <p className="text-sm text-slate-300">
          <span className="font-semibold text-slate-100">🔕 SILENCED</span> until{' '}
          {formatClock(Date.parse(alert.silence.until))}
          {alert.silence.by && ` by ${alert.silence.by}`}
          {alert.silence.comment && ` — “${alert.silence.comment}”`}
        </p>
      )}
    </>
  );
}

/** One row of the alerts panel: a single alert, or a storm of one name folded into a count. */
export function AlertRowItem({
  row,
  asOfMs,
  expanded,
  onToggle,
}: {
  row: AlertRow;
  asOfMs: number;
  expanded: boolean;
  onToggle: (name: string) => void;
}) {
  const membersId = useId();
  if (row.kind === 'alert') {
    const { alert } = row;
    return (
      <li
        aria-label={alert.name}
        data-severity={alert.severity}
        className={`rounded border-l-4 px-2 py-1.5 ${look[alert.severity].tile}`}
      >
        <AlertLine alert={alert} asOfMs={asOfMs} />
      </li>
    );
  }
  const count = row.alerts.length;
  const label = `${row.name} × ${count}`;
  const mixed = row.critical > 0 && row.critical < count ? ` (${row.critical} critical)` : '';
  return (
    <li
      aria-label={label}
      data-severity={row.severity}
      className={`rounded border-l-4 px-2 py-1.5 ${look[row.severity].tile}`}
    >
      <div className="flex flex-wrap items-baseline gap-x-3">
        <StatusLabel look={look[row.severity]} />{' '}
        <span className="font-semibold text-white">
          {label}
          {mixed}
        </span>{' '}
        <span className="ml-auto text-sm text-slate-300 tabular-nums">
          {firingFor(row.oldest.since, asOfMs)}
        </span>
      </div>
      <p className="text-sm text-slate-200">
        longest-burning: {row.oldest.summary}{' '}
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={expanded ? membersId : undefined}
          onClick={() => onToggle(row.name)}
          className="ml-1 rounded bg-slate-700 px-2 text-slate-100 hover:bg-slate-600"
        >
          {expanded ? 'hide' : `show all ${count}`}
        </button>
      </p>
      {expanded && (
        <ul
          id={membersId}
          aria-label={`${row.name} alerts`}
          className="mt-1 space-y-1 border-t border-slate-700 pt-1"
        >
          {row.alerts.map((alert) => (
            <li key={alert.id} className="pl-2">
              <AlertLine alert={alert} asOfMs={asOfMs} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

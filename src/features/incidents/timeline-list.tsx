import type { TimelineEvent } from '../../../contract/store-schemas.ts';
import { formatClock } from '../../lib/format.ts';
import { EVENT_LABELS } from '../../warroom/labels.ts';
import type { OutboxEntry } from '../../warroom/outbox-file.ts';

const AUTOMATIC = new Set<TimelineEvent['type']>(['alert.fired', 'alert.cleared']);

/** What happened, in the store's order, each line timestamped and attributed; notes not yet sent last. */
export function TimelineList({
  events,
  pending,
}: {
  events: readonly TimelineEvent[];
  pending: readonly OutboxEntry[];
}) {
  return (
    <section aria-label="Timeline" className="flex flex-col gap-1">
      <h4 className="text-sm font-semibold text-slate-300">Timeline</h4>
      {events.length === 0 && pending.length === 0 && (
        <p className="text-sm text-slate-400">Nothing recorded yet.</p>
      )}
      <ol className="flex flex-col gap-0.5 text-sm">
        {events.map((e) => (
          <li key={e.seq} data-type={e.type} className={AUTOMATIC.has(e.type) ? 'text-slate-400' : undefined}>
            <time dateTime={e.at} className="tabular-nums text-slate-400">
              {formatClock(Date.parse(e.at))}
            </time>{' '}
            <span className="font-semibold">{EVENT_LABELS[e.type]}</span> {e.text}{' '}
            <span className="text-slate-400">— {e.actor}</span>
          </li>
        ))}
        {pending.map((entry) => (
          <li key={entry.key} data-type="note" className="italic">
            <time className="tabular-nums text-slate-400">{formatClock(entry.queuedAt)}</time>{' '}
            <span className="font-semibold">Note</span> {String(entry.body.text)}{' '}
            <span className="text-amber-300">(unsynced)</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

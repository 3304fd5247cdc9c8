import { formatClock } from '../../lib/format.ts';
import { isEdit } from '../../warroom/outbox-file.ts';
import type { OutboxEntry } from '../../warroom/outbox-file.ts';
import {
  useHeldInTabOnly,
  useOutboxActions,
  useOutboxStatus,
  usePendingWrites,
  useRefusedWrites,
} from '../../warroom/outbox-store.ts';
import { useLastKnownSince, useStoreLink } from '../../warroom/store-link.ts';

const WHAT: Record<string, string> = {
  declare: 'declaration',
  acknowledge: 'acknowledgement',
  status: 'status change',
  role: 'role change',
  note: 'note',
  event: 'timeline event',
  edit: 'change to the incident',
};

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 edits and 1 control record": audit records are not "unsynced", but they are lost too. */
function heldWords(held: readonly OutboxEntry[]): string {
  const edits = held.filter(isEdit).length;
  const records = held.length - edits;
  const parts = [
    ...(edits > 0 ? [count(edits, 'edit', 'edits')] : []),
    ...(records > 0 ? [count(records, 'control record', 'control records')] : []),
  ];
  return parts.join(' and ');
}

/**
 * Edits not yet in the store, and edits it refused. Quiet when everything is delivered; while the
 * store is down it says that nothing typed is lost, so nobody retypes (and doubles) an edit —
 * unless the browser refuses to store them, when it says plainly that a reload would lose them.
 */
export function UnsyncedIndicator() {
  const pending = usePendingWrites();
  const held = useHeldInTabOnly();
  const refused = useRefusedWrites();
  const status = useOutboxStatus();
  const link = useStoreLink();
  const lastKnown = useLastKnownSince();
  const { refusalDismissed, retryRequested } = useOutboxActions();
  const down = link.phase === 'unreachable' || status.problem !== null;

  return (
    <div className="flex flex-col gap-1" aria-live="polite">
      {lastKnown !== null && (
        <p className="rounded bg-slate-800 px-2 py-1 text-sm text-amber-200">
          Last known as of {formatClock(lastKnown)}: the war-room store has not answered since this page
          opened, so incidents and checklists are what this browser last saw.
        </p>
      )}
      {held.length > 0 && (
        <p role="alert" className="rounded bg-red-900/80 px-2 py-1 text-sm text-red-50">
          <strong>Not kept: {heldWords(held)}</strong> held in this tab only — this browser refuses to store
          them (storage full or disabled). They are still sent while this tab stays open; reloading or closing
          it loses them.
        </p>
      )}
      {pending.length > 0 && (
        <p
          role="status"
          className={`rounded px-2 py-1 text-sm ${down ? 'bg-amber-900/70 text-amber-100' : 'text-slate-300'}`}
        >
          <strong>{pending.length} unsynced</strong>
          {down
            ? ` — the store is unreachable; your edits are ${held.length > 0 ? 'held in this tab' : 'kept'} and will be sent once${status.retryAt ? ` (next try ${formatClock(status.retryAt)})` : ''}.`
            : ' — sending…'}
          {down && (
            <button type="button" className="ml-2 underline" onClick={retryRequested}>
              retry now
            </button>
          )}
        </p>
      )}
      {refused.map((r) => (
        <p
          key={r.entry.key}
          role="alert"
          className="rounded bg-fuchsia-900/70 px-2 py-1 text-sm text-fuchsia-100"
        >
          The store refused a {WHAT[r.entry.kind] ?? 'write'}: {r.problem}{' '}
          <button type="button" className="underline" onClick={() => refusalDismissed(r.entry.key)}>
            dismiss
          </button>
        </p>
      ))}
    </div>
  );
}

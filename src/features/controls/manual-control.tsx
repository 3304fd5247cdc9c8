import { useCallback, useId, useRef, useState } from 'react';
import type { ControlId, ManualControl as Manual } from '../../../contract/schemas.ts';
import { CommandToRun } from '../../components/ui/command-to-run.tsx';
import { useCommands } from '../../controls/command-center.ts';
import type { CommandScope } from '../../controls/command-machine.ts';
import { useCommandCenter } from '../../controls/controls-provider.tsx';
import { controlById } from '../../controls/registry.ts';
import { formatClock } from '../../lib/format.ts';
import { useDismiss } from '../../lib/use-dismiss.ts';
import { useSystemScope } from '../../systems/system-scope.tsx';

/**
 * A control this system offers only as a command a person runs (a script, a systemctl line). In
 * the bar it takes a button's room, saying whether it was done; opened, it gives the exact command
 * to copy and a tick for the commander once it has been run. Nothing shows it done before that
 * tick, and the tick is recorded in the audit log like a fired control.
 */
export function ManualControl({
  controlId,
  manual,
  scope = {},
  reason,
  label,
  onError,
}: {
  controlId: ControlId;
  manual: Manual;
  scope?: CommandScope;
  reason: string;
  label?: string;
  onError: (message: string) => void;
}) {
  const [open, setOpen] = useState(false);
  // Opened above its button, towards whichever side has the room for the command.
  const [towardsLeft, setTowardsLeft] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLSpanElement>(null);
  useDismiss(
    rootRef,
    open,
    useCallback(() => setOpen(false), []),
  );
  const center = useCommandCenter();
  const system = useSystemScope();
  const panelId = useId();
  const tickId = useId();
  const name = label ?? controlById(controlId).label;
  // The tick is this tab's: the latest run recorded here, on this system, of this control.
  const done = useCommands().find(
    (c) =>
      c.phase === 'done-by-hand' &&
      c.controlId === controlId &&
      c.scope.venueId === scope.venueId &&
      c.system?.systemId === system.systemId,
  );
  const tick = () => {
    const result = center?.doneByHand(controlId, scope, reason, manual.command);
    if (result && !result.ok) onError(result.error);
  };

  return (
    <span className="relative inline-flex" data-control={controlId} ref={rootRef}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        className="rounded border border-dashed border-slate-300 bg-slate-800 px-3 py-1.5 font-semibold text-white hover:bg-slate-700"
        ref={buttonRef}
        onClick={() => {
          const box = buttonRef.current?.getBoundingClientRect();
          setTowardsLeft(box !== undefined && box.left > window.innerWidth / 2);
          setOpen(!open);
        }}
      >
        {name} <span className="font-normal text-slate-300">· by hand</span>{' '}
        <span className={`text-sm font-normal ${done ? 'text-emerald-300' : 'text-amber-200'}`}>
          {done ? `✓ done ${formatClock(done.startedAt)}` : '○ not done'}
        </span>
      </button>
      <div
        id={panelId}
        role="group"
        aria-label={`${name}, by hand`}
        hidden={!open}
        className={`absolute bottom-full z-30 mb-2 w-max max-w-[min(40rem,calc(100vw-2rem))] rounded border border-slate-500 bg-slate-900 p-3 text-sm shadow-xl ${towardsLeft ? 'right-0' : 'left-0'}`}
      >
        <p className="mb-1 text-slate-200">
          <span className="font-semibold text-white">{name}</span>: this system offers it only by hand. Run
          this, then tick it:
        </p>
        <CommandToRun command={manual.command} />
        {manual.note && <p className="mt-1 text-slate-300">{manual.note}</p>}
        <p className="mt-2 flex items-center gap-2">
          <input
            id={tickId}
            type="checkbox"
            checked={done !== undefined}
            // Once recorded it stays done: the audit log cannot take a tick back.
            disabled={done !== undefined}
            onChange={tick}
          />
          <label htmlFor={tickId} className={done ? 'text-emerald-300' : 'text-slate-100'}>
            {done ? `Done by hand — ticked at ${formatClock(done.startedAt)}` : 'I ran it: mark as done'}
          </label>
        </p>
      </div>
    </span>
  );
}

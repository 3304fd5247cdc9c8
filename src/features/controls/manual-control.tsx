import { useId } from 'react';
import type { ControlId, ManualControl as Manual } from '../../../contract/schemas.ts';
import { CommandToRun } from '../../components/ui/command-to-run.tsx';
import { useCommands } from '../../controls/command-center.ts';
import type { CommandScope } from '../../controls/command-machine.ts';
import { useCommandCenter } from '../../controls/controls-provider.tsx';
import { controlById } from '../../controls/registry.ts';
import { formatClock } from '../../lib/format.ts';
import { useSystemScope } from '../../systems/system-scope.tsx';

/**
 * A control this system offers only as a command a person runs (a script, a systemctl line): the
 * exact command to copy, and a tick for the commander once it has been run. Nothing shows it done
 * before that tick, and the tick is recorded in the audit log like a fired control.
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
  const declaration = controlById(controlId);
  const center = useCommandCenter();
  const system = useSystemScope();
  const tickId = useId();
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
    <span
      role="group"
      aria-label={`${label ?? declaration.label}, by hand`}
      data-control={controlId}
      className="inline-flex max-w-[30rem] min-w-0 flex-col gap-1 rounded border border-dashed border-slate-400 px-2 py-1 text-sm"
    >
      <span className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-semibold text-white">{label ?? declaration.label}</span>
        <span className="text-xs text-slate-400">offered by hand only: run this, then tick</span>
      </span>
      <CommandToRun command={manual.command} />
      {manual.note && <span className="text-xs text-slate-300">{manual.note}</span>}
      <span className="flex items-center gap-2">
        <input
          id={tickId}
          type="checkbox"
          checked={done !== undefined}
          // Once recorded it stays done: the audit log cannot take a tick back.
          disabled={done !== undefined}
          onChange={tick}
        />
        <label htmlFor={tickId} className={done ? 'text-emerald-300' : 'text-slate-200'}>
          {done ? `Done by hand — ticked at ${formatClock(done.startedAt)}` : 'I ran it: mark as done'}
        </label>
      </span>
    </span>
  );
}

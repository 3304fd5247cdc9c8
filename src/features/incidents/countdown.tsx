import { formatAge } from '../../lib/format.ts';
import type { Deadline } from '../../warroom/sla.ts';

/**
 * A deadline in words: "in 4 min 59 s", red "overdue 1 min 02 s", or how it was met. The state is
 * also in the text, so it survives a colour-blind eye and a black-and-white screenshot.
 */
export function Countdown({ deadline, label }: { deadline: Deadline | null; label: string }) {
  if (deadline === null) return null;
  const { state, remainingMs } = deadline;
  const text =
    state === 'met'
      ? 'met'
      : state === 'missed'
        ? 'met late'
        : state === 'overdue'
          ? `overdue ${formatAge(-remainingMs)}`
          : `in ${formatAge(remainingMs)}`;
  const colour =
    state === 'overdue'
      ? 'font-bold text-red-400'
      : state === 'missed'
        ? 'text-amber-300'
        : state === 'met'
          ? 'text-emerald-400'
          : 'text-slate-200';
  return (
    <span data-state={state} className={`tabular-nums ${colour}`}>
      <span className="text-slate-400">{label} </span>
      {text}
    </span>
  );
}

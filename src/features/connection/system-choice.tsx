import { useId } from 'react';
import type { SystemSummary } from '../../../contract/schemas.ts';
import { tradingStateLook } from '../../components/ui/trading-state-look.ts';
import { formatAge, formatClock } from '../../lib/format.ts';

/**
 * One configured system at a glance, as a button that puts it on the board: its trading state
 * (icon + word) and how fresh that is, as the war-room server last read it. One it cannot read
 * says UNREACHABLE, with why in words on hover or focus.
 */
export function SystemChoice({
  system,
  selected,
  now,
  staleAfterMs,
  onSelect,
}: {
  system: SystemSummary;
  selected: boolean;
  now: number;
  staleAfterMs: number;
  onSelect: () => void;
}) {
  const problemId = useId();
  const seenAt = system.lastContactAt === null ? null : Date.parse(system.lastContactAt);
  const ageMs = seenAt === null ? null : Math.max(0, now - seenAt);
  const stale = ageMs === null || ageMs > staleAfterMs;
  const look = system.tradingState ? tradingStateLook[system.tradingState.state] : null;
  const frame = !system.reachable
    ? 'border-red-500 bg-red-950/60'
    : selected
      ? 'border-sky-400 bg-slate-800'
      : 'border-slate-600 bg-slate-900 hover:bg-slate-800';

  return (
    <span className="group relative inline-flex">
      <button
        type="button"
        aria-pressed={selected}
        aria-describedby={system.reachable ? undefined : problemId}
        data-system={system.id}
        onClick={onSelect}
        className={`flex flex-col items-start rounded border-2 px-2 py-0.5 text-left leading-tight ${frame} ${selected ? 'ring-1 ring-sky-400' : ''}`}
      >
        <span className="flex items-baseline gap-1.5 text-sm">
          {selected && <span aria-hidden="true">▸</span>}
          <span className="font-bold text-white">{system.name}</span>
          {!system.reachable ? (
            <span className="font-bold text-red-200">✖ UNREACHABLE</span>
          ) : look && system.tradingState ? (
            <span className={`font-semibold ${look.text}`}>
              <span aria-hidden="true">{look.icon} </span>
              {system.tradingState.state}
            </span>
          ) : (
            <span className="text-slate-400">state unknown</span>
          )}
        </span>
        <span className={`text-xs tabular-nums ${stale ? 'font-semibold text-amber-300' : 'text-slate-400'}`}>
          {freshness(system, ageMs, stale, seenAt)}
        </span>
      </button>
      {!system.reachable && (
        <span
          id={problemId}
          role="tooltip"
          className="pointer-events-none absolute top-full left-0 z-30 mt-1 hidden w-max max-w-sm rounded bg-black px-2 py-1 text-sm text-white shadow-lg group-focus-within:block group-hover:block"
        >
          {system.problem ?? `The war-room server cannot read ${system.name}.`}
        </span>
      )}
    </span>
  );
}

function freshness(system: SystemSummary, ageMs: number | null, stale: boolean, seenAt: number | null) {
  if (seenAt === null || ageMs === null) return system.reachable ? 'no data yet' : 'never reached';
  if (!system.reachable) return `last read ${formatClock(seenAt)}`;
  return stale ? `⚠ stale ${formatAge(ageMs)}` : `updated ${formatAge(ageMs)} ago`;
}

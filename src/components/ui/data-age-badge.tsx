import { formatAge } from '../../lib/format.ts';

/** Every panel says how old its data is; stale data is greyed and says so in words. */
export function DataAgeBadge({ ageMs, stale }: { ageMs: number | null; stale: boolean }) {
  if (ageMs === null) return <span className="text-sm text-slate-400">no data yet</span>;
  return stale ? (
    <span className="rounded bg-amber-500/15 px-2 py-0.5 text-sm font-semibold text-amber-300" role="status">
      ⚠ stale {formatAge(ageMs)}
    </span>
  ) : (
    <span className="text-sm text-slate-400">updated {formatAge(ageMs)} ago</span>
  );
}

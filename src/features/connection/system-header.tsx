import { useStatus } from '../../live/status-query.ts';
import { useSystemsView } from '../../systems/system-scope.tsx';
import { AlertCount } from './alert-count.tsx';
import { LinkStatus } from './link-status.tsx';
import { SystemSwitcher } from './system-switcher.tsx';

/**
 * Which trading system this tab watches, and whether it is real. A simulator must never be
 * mistaken for production, and a drill must be unmistakable on every screen that shows it. With
 * several systems configured, each one's state at a glance, and the switch between them.
 */
export function SystemHeader() {
  const system = useStatus((s) => s.system);
  const { systems } = useSystemsView();
  const several = (systems?.length ?? 0) > 1;
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-800 bg-slate-900 px-4 py-2">
      <p className="text-lg font-bold tracking-wide text-slate-100">War room</p>
      {several ? (
        <SystemSwitcher />
      ) : (
        <p className="text-slate-300">
          {system
            ? system.name
            : systems?.length === 0
              ? 'the war-room server lists no trading systems'
              : 'trading system not yet reached'}
        </p>
      )}
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

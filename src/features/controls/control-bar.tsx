/**
 * The controls bar is always on screen, whatever scrolls: stopping trading must never be a
 * scroll away. Until the controls are declared it says so instead of showing dead buttons.
 */
export function ControlBar() {
  return (
    <nav
      aria-label="Trading controls"
      className="flex items-center gap-4 border-t border-slate-700 bg-slate-900 px-4 py-2 text-slate-300"
    >
      <span className="text-sm font-semibold tracking-wide uppercase">Controls</span>
      <span className="text-sm text-slate-400">
        Kill switch, halt and venue controls are not available in this build: use the trading system’s own
        tools.
      </span>
    </nav>
  );
}

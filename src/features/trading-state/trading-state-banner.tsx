import { DataAgeBadge } from '../../components/ui/data-age-badge.tsx';
import { NotOffered } from '../../components/ui/panel.tsx';
import { tradingStateLook } from '../../components/ui/trading-state-look.ts';
import { PanelBoundary } from '../../components/ui/panel-boundary.tsx';
import { formatClock } from '../../lib/format.ts';
import { useStatus } from '../../live/status-query.ts';
import { useSection } from '../../live/use-section.ts';

function Banner() {
  const { value: tradingState, problem, age, notOffered } = useSection('tradingState');
  const systemName = useStatus((s) => s.system.name);

  if (notOffered)
    return (
      <section aria-label="Trading state" className="rounded-lg bg-slate-800 px-6 py-4 text-lg">
        <NotOffered reason={notOffered} />
      </section>
    );

  const warning = problem && (
    <p role="alert" className="basis-full rounded bg-fuchsia-900 px-2 py-1 text-sm text-fuchsia-100">
      ⚠{' '}
      {problem.origin === 'source'
        ? `The trading state cannot be read from ${systemName}`
        : 'Invalid trading state from the trading API'}
      : {problem.message} — the state shown is the last valid one, from {formatClock(problem.since)}
    </p>
  );
  if (!tradingState) {
    return (
      <section aria-label="Trading state" className="flex flex-wrap gap-2 rounded-lg bg-slate-800 px-6 py-4">
        <p className="text-2xl text-slate-300">
          {tradingState === null
            ? 'Trading state unknown — no valid state received'
            : 'Trading state unknown — waiting for the trading API'}
        </p>
        {warning}
      </section>
    );
  }
  const { icon, fill: className, meaning } = tradingStateLook[tradingState.state];
  return (
    <section
      aria-label="Trading state"
      className={`flex flex-wrap items-center gap-x-8 gap-y-2 rounded-lg px-6 py-4 ${age.stale ? 'border-2 border-dashed border-slate-400 bg-slate-700 text-slate-100' : className}`}
    >
      <p className="text-4xl font-black tracking-wider">
        {age.stale && (
          <span className="mr-3 align-middle text-lg font-bold tracking-normal">LAST KNOWN:</span>
        )}
        <span aria-hidden="true">{icon} </span>
        <span data-testid="trading-state">{tradingState.state}</span>
      </p>
      <div className="min-w-0 flex-1 text-lg">
        <p className="font-semibold">
          {systemName ?? 'Trading system'}: {meaning}
        </p>
        <p>
          since {formatClock(Date.parse(tradingState.changedAt))} by {tradingState.changedBy}
          {/* Some systems give no reason: say nothing rather than an empty quote. */}
          {tradingState.reason.trim() && ` — “${tradingState.reason}”`}
        </p>
      </div>
      <div className="rounded bg-black/30 px-2 py-1">
        <DataAgeBadge {...age} />
      </div>
      {warning}
    </section>
  );
}

/** The first thing anyone reads: what trading is doing now, who made it so, when and why. */
export function TradingStateBanner() {
  return (
    <PanelBoundary name="Trading state">
      <Banner />
    </PanelBoundary>
  );
}

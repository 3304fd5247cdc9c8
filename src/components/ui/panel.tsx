import type { ReactNode } from 'react';
import type { DataAge } from '../../live/use-data-age.ts';
import type { SectionProblem } from '../../live/live-state.ts';
import { formatClock } from '../../lib/format.ts';
import { DataAgeBadge } from './data-age-badge.tsx';
import { PanelBoundary } from './panel-boundary.tsx';

/**
 * A titled board panel. It says how old its data is, greys when that data is stale so nobody
 * acts on it as if it were live, names what was wrong when the API sent bad data for it, and
 * contains its own failures.
 */
export function Panel({
  title,
  age,
  problem = null,
  notOffered = null,
  className = '',
  children,
}: {
  title: string;
  age?: DataAge;
  problem?: SectionProblem | null;
  /** The trading system does not offer what this panel shows: its reason stands in for the data. */
  notOffered?: string | null;
  className?: string;
  children: ReactNode;
}) {
  const stale = age?.stale ?? false;
  return (
    <PanelBoundary name={title}>
      <section
        aria-label={title}
        className={`flex min-h-0 flex-col rounded-lg border border-slate-700 bg-slate-900 p-3 ${className}`}
      >
        <header className="mb-2 flex items-baseline justify-between gap-3">
          <h2 className="text-sm font-semibold tracking-wide text-slate-300 uppercase">{title}</h2>
          {age && !notOffered && <DataAgeBadge {...age} />}
        </header>
        {notOffered ? (
          <NotOffered reason={notOffered} />
        ) : (
          <>
            {problem && (
              <p
                role="alert"
                title={problem.message}
                className="mb-2 line-clamp-3 rounded bg-fuchsia-900/70 px-2 py-1 text-sm text-fuchsia-100"
              >
                ⚠{' '}
                {problem.origin === 'source'
                  ? 'Cannot be read from the trading system'
                  : 'Invalid data from the trading API'}
                : {problem.message} — showing what was valid at {formatClock(problem.since)}
              </p>
            )}
            <div className={`min-h-0 flex-1 transition-opacity ${stale ? 'opacity-50 grayscale' : ''}`}>
              {children}
            </div>
          </>
        )}
      </section>
    </PanelBoundary>
  );
}

/** Not an outage and not missing data: this system has none of it, and says why. */
export function NotOffered({ reason }: { reason: string }) {
  return (
    <p className="flex items-baseline gap-2 text-slate-300">
      <span aria-hidden="true" className="text-slate-500">
        ⊘
      </span>
      <span>
        <span className="sr-only">Not offered: </span>
        {reason}
      </span>
    </p>
  );
}

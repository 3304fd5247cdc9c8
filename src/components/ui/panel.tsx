import type { ReactNode } from 'react';

/** A titled board panel; greyed when its data is stale so nobody acts on it as if it were live. */
export function Panel({
  title,
  aside,
  stale = false,
  children,
}: {
  title: string;
  aside?: ReactNode;
  stale?: boolean;
  children: ReactNode;
}) {
  return (
    <section
      aria-label={title}
      className={`rounded-lg border border-slate-700 bg-slate-900 p-4 transition-opacity ${stale ? 'opacity-60 grayscale' : ''}`}
    >
      <header className="mb-3 flex items-baseline justify-between gap-4">
        <h2 className="text-sm font-semibold tracking-wide text-slate-300 uppercase">{title}</h2>
        {aside}
      </header>
      {children}
    </section>
  );
}

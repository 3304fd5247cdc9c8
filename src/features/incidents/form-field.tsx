import type { ReactNode } from 'react';

/** A labelled control with its validation message, tied to it for screen readers. */
export function FormField({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-sm text-slate-300">
        {label}
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} className="text-sm font-semibold text-amber-300">
          {error}
        </p>
      )}
    </div>
  );
}

export const inputClass = 'rounded border border-slate-500 bg-slate-950 px-2 py-1 text-white';

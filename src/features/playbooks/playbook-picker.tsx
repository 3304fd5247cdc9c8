import { useId } from 'react';
import type { Playbook } from '../../playbooks/playbook.ts';

/**
 * The followed playbook, or the suggested one to adopt; any other by choice, from the library or
 * from those the war room imported, in a group of their own so that nobody takes an imported
 * runbook for a reviewed one of the library.
 */
export function PlaybookPicker({
  chosen,
  unavailable,
  suggested,
  noneAnswers,
  library,
  imported,
  onChoose,
}: {
  chosen: Playbook | null;
  /** Why the playbook the incident follows cannot be shown; null when it is, or none is chosen. */
  unavailable: string | null;
  suggested: Playbook | null;
  /** What to say when nothing is suggested. */
  noneAnswers: string;
  library: readonly Playbook[];
  imported: readonly Playbook[];
  onChoose: (playbookId: string) => void;
}) {
  const selectId = useId();
  return (
    <div className="flex flex-col gap-2">
      {chosen ? (
        <h3 className="text-base font-semibold text-white">{chosen.title}</h3>
      ) : unavailable ? (
        <p role="status" className="text-amber-300">
          {unavailable}
        </p>
      ) : suggested ? (
        <div role="group" aria-label="Suggested playbook" className="rounded border border-sky-700 p-2">
          <p>
            Suggested: <strong className="text-white">{suggested.title}</strong>
          </p>
          <p className="text-slate-400">{suggested.summary}</p>
          <button
            type="button"
            className="mt-1 rounded border border-sky-400 bg-sky-800 px-3 py-1 font-semibold text-white hover:bg-sky-700"
            onClick={() => onChoose(suggested.id)}
          >
            Use this playbook
          </button>
        </div>
      ) : (
        <p className="text-slate-400">{noneAnswers}</p>
      )}
      <label htmlFor={selectId} className="flex items-center gap-2 text-slate-300">
        Playbook
        <select
          id={selectId}
          value={chosen?.id ?? ''}
          onChange={(e) => e.target.value && onChoose(e.target.value)}
          className="min-w-0 flex-1 rounded border border-slate-600 bg-slate-800 px-2 py-1 text-white"
        >
          <option value="">Choose a playbook…</option>
          <optgroup label="Library">
            {library.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </optgroup>
          {imported.length > 0 && (
            <optgroup label="Imported">
              {imported.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
    </div>
  );
}

import { useId } from 'react';
import { playbookLibrary } from '../../playbooks/library/index.ts';
import type { Playbook } from '../../playbooks/playbook.ts';

/** The followed playbook, or the suggested one to adopt; any other from the library by choice. */
export function PlaybookPicker({
  chosen,
  suggested,
  onChoose,
}: {
  chosen: Playbook | null;
  suggested: Playbook | null;
  onChoose: (playbookId: string) => void;
}) {
  const selectId = useId();
  return (
    <div className="flex flex-col gap-2">
      {chosen ? (
        <h3 className="text-base font-semibold text-white">{chosen.title}</h3>
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
        <p className="text-slate-400">No playbook answers this incident type: choose one.</p>
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
          {playbookLibrary.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

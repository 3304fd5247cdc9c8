import { useCallback, useEffect, useRef } from 'react';
import { importInWorker } from '../../../playbooks/import/run-import.ts';
import { useSavePlaybook } from '../../../warroom/saved-playbooks.ts';
import { RunbookImport } from './runbook-import.tsx';
import { useSystemChoices } from './use-system-choices.ts';
import type { SaveOutcome, SavePlaybooks } from './runbook-import.tsx';
import type { Importer } from './use-runbook-import.ts';

/** Saves one by one, so one refusal does not lose the others; each answer says what to do next. */
export function useSaveImported(): SavePlaybooks {
  const savePlaybook = useSavePlaybook();
  return useCallback(
    async (items) => {
      const outcome: SaveOutcome = { saved: [], failed: {} };
      for (const { playbook, baseRevision } of items) {
        const result = await savePlaybook(playbook, baseRevision);
        if (result.ok) outcome.saved.push(playbook.id);
        else if (result.reason === 'conflict' && result.current)
          outcome.failed[playbook.id] = {
            error: `a playbook with this id was saved by ${result.current.savedBy} (revision ${result.current.revision}). Rename this one, or replace it.`,
            replaces: result.current.revision,
          };
        else outcome.failed[playbook.id] = { error: result.error };
      }
      return outcome;
    },
    [savePlaybook],
  );
}

/** The import as a dialog over the war room; closing it keeps an unfinished import for later. */
export function RunbookImportDialog({
  onClose,
  importer = importInWorker,
}: {
  onClose: () => void;
  importer?: Importer;
}) {
  const save = useSaveImported();
  const systems = useSystemChoices();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    // Modal where the browser supports it (focus stays inside, the page behind is inert).
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label="Import a runbook"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="fixed inset-4 z-50 m-auto flex h-auto max-h-[calc(100vh-2rem)] w-[min(72rem,calc(100vw-2rem))] flex-col overflow-hidden rounded-lg border border-slate-600 bg-slate-950 p-0 text-slate-100 backdrop:bg-black/70"
    >
      <header className="flex items-center justify-between border-b border-slate-700 px-4 py-2">
        <h2 className="text-lg font-semibold text-white">Import a runbook</h2>
        <button
          type="button"
          onClick={onClose}
          className="rounded border border-slate-600 px-3 py-1 text-sm text-slate-200"
        >
          Close
        </button>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3">
        <RunbookImport importer={importer} save={save} systems={systems} />
      </div>
    </dialog>
  );
}

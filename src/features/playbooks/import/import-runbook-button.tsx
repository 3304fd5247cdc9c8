import { lazy, Suspense, useState } from 'react';

// The importer (parser, preview, editor) loads only when someone opens it: it is not needed to
// watch an incident, and the board's first paint should not wait for it.
const RunbookImportDialog = lazy(() =>
  import('./runbook-import-dialog.tsx').then((m) => ({ default: m.RunbookImportDialog })),
);

/** Opens the runbook import over the war room. */
export function ImportRunbookButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded border border-slate-600 px-2 py-1 text-xs text-slate-200 hover:border-sky-500"
      >
        Import a runbook…
      </button>
      {open && (
        <Suspense fallback={<span className="text-xs text-slate-400">Opening the importer…</span>}>
          <RunbookImportDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

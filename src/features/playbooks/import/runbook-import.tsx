import { useId, useState } from 'react';
import type { DragEvent } from 'react';
import { GENERIC_PLAYBOOK_SYSTEM } from '../../../../contract/store-schemas.ts';
import { MAX_IMPORT_BYTES, formatBytes } from '../../../playbooks/import/limits.ts';
import { IMPORT_DEADLINE_MS } from '../../../playbooks/import/run-import.ts';
import type { Playbook } from '../../../playbooks/playbook.ts';
import { draftProblems, forSaving, patchDraft, withPlaybook } from './draft-edits.ts';
import { DraftEditor } from './draft-editor.tsx';
import { useRunbookImport } from './use-runbook-import.ts';
import type { Importer } from './use-runbook-import.ts';

export interface SaveFailure {
  error: string;
  /** A playbook with this id is already saved, at this revision: saving with it replaces it. */
  replaces?: number;
}

export interface SaveOutcome {
  saved: string[];
  /** Playbook id → why it was not saved (it stays in the preview, edits and all). */
  failed: Record<string, SaveFailure>;
}

export type SavePlaybooks = (
  items: { playbook: Playbook; baseRevision: number | null }[],
) => Promise<SaveOutcome>;

const button =
  'rounded border px-3 py-1.5 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-50';

/**
 * Import a runbook: paste it or drop the file, read it (in a worker, with a deadline), review and
 * edit what was found, save the chosen playbooks to the war-room store. Nothing of the runbook is
 * rendered as HTML: every field shows text.
 */
export function RunbookImport({
  importer,
  save,
  systems = [GENERIC_PLAYBOOK_SYSTEM],
}: {
  importer: Importer;
  save: SavePlaybooks;
  /** The system ids offered for each playbook: the connected systems, and generic. */
  systems?: readonly string[];
}) {
  const { state, kept, readText, readFile, cancel, edit, finish } = useRunbookImport(importer);
  const [pasted, setPasted] = useState('');
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState<Record<string, SaveFailure>>({});
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const pasteId = useId();

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (file) void readFile(file);
  };

  if (state.stage === 'reading') {
    return (
      <div role="status" className="flex items-center gap-3 p-4 text-slate-200">
        Reading {state.name}… (an import still reading after {IMPORT_DEADLINE_MS / 1000} s is stopped)
        <button type="button" onClick={cancel} className={`${button} border-slate-500 text-slate-200`}>
          Cancel
        </button>
      </div>
    );
  }

  if (state.stage === 'input') {
    return (
      <div className="flex flex-col gap-3" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        {savedNote && (
          <p role="status" className="rounded bg-emerald-950 px-2 py-1 text-emerald-200">
            {savedNote}
          </p>
        )}
        {state.error && (
          <p role="alert" className="rounded bg-red-950 px-2 py-1 text-red-200">
            {state.error}
          </p>
        )}
        <label htmlFor={pasteId} className="text-sm text-slate-300">
          Paste a Markdown or plain-text runbook, or drop its file here (up to {formatBytes(MAX_IMPORT_BYTES)}
          )
        </label>
        <textarea
          id={pasteId}
          rows={14}
          value={pasted}
          spellCheck={false}
          onChange={(e) => setPasted(e.target.value)}
          className="rounded border border-dashed border-slate-500 bg-slate-950 p-2 font-mono text-xs text-white"
        />
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            disabled={!pasted.trim()}
            onClick={() => {
              setSavedNote(null);
              void readText(pasted, 'pasted text');
            }}
            className={`${button} border-sky-500 bg-sky-800 text-white`}
          >
            Read runbook
          </button>
          <label className={`${button} cursor-pointer border-slate-500 text-slate-200`}>
            Choose a file…
            <input
              type="file"
              accept=".md,.markdown,.txt,text/markdown,text/plain"
              className="sr-only"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                setSavedNote(null);
                if (file) void readFile(file);
              }}
            />
          </label>
        </div>
      </div>
    );
  }

  const importId = state.id;
  const chosen = state.drafts.filter((d) => d.selected);
  const blocked = chosen.some((d) => draftProblems(forSaving(d.playbook)).length > 0);

  const onSave = async (replacing?: { id: string; revision: number }) => {
    setSaving(true);
    try {
      const items = chosen.map((d) => ({
        playbook: forSaving(d.playbook),
        baseRevision: replacing?.id === d.playbook.id ? replacing.revision : null,
      }));
      const outcome = await save(items);
      setFailed(outcome.failed);
      const saved = new Set(outcome.saved);
      // From the drafts as they are now, not as they were when Save was pressed: edits made while
      // the store answered are kept.
      const leftSelected = state.drafts.some((d) => d.selected && !saved.has(d.playbook.id));
      if (leftSelected) {
        edit(importId, (ds) => ds.filter((d) => !saved.has(d.playbook.id)));
      } else {
        setSavedNote(
          `Saved ${outcome.saved.length} playbook${outcome.saved.length === 1 ? '' : 's'} from ${state.name}: choose them under "Imported".`,
        );
        finish(importId);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-300">
        Found {state.drafts.length} playbook{state.drafts.length === 1 ? '' : 's'} in {state.name}. Procedures
        are selected; what is not a procedure (templates, thresholds) is listed unselected, and reference
        sections (when to use, contacts…) are kept as each playbook's notes. Edit anything before saving —
        steps that fire a control were proposed from their words, branches and jumps from theirs: check them.
      </p>
      {!kept && (
        <p role="alert" className="rounded bg-red-950 px-2 py-1 text-sm text-red-200">
          This browser will not keep this import (its storage is full or disabled): a reload loses these
          edits. Save what you need now.
        </p>
      )}
      {state.warnings.length > 0 && (
        <ul
          aria-label="Import warnings"
          className="rounded border border-amber-700 bg-amber-950 p-2 text-sm text-amber-200"
        >
          {state.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div className="flex flex-col gap-3">
        {state.drafts.map((draft, i) => (
          <DraftEditor
            key={draft.key ?? draft.playbook.id}
            draft={draft}
            systems={systems}
            failure={failed[draft.playbook.id]}
            onReplace={(revision) => void onSave({ id: draft.playbook.id, revision })}
            onSelect={(selected) => edit(importId, (ds) => patchDraft(ds, i, { selected }))}
            onChange={(playbook) => edit(importId, (ds) => withPlaybook(ds, i, playbook))}
          />
        ))}
      </div>
      <footer className="sticky -bottom-3 -mb-3 flex flex-wrap items-center gap-3 border-t border-slate-700 bg-slate-950 pt-2 pb-5">
        <button
          type="button"
          disabled={chosen.length === 0 || blocked || saving}
          onClick={() => void onSave()}
          className={`${button} border-emerald-500 bg-emerald-800 text-white`}
        >
          {saving ? 'Saving…' : `Save ${chosen.length} playbook${chosen.length === 1 ? '' : 's'}`}
        </button>
        {blocked && <span className="text-sm text-amber-300">Fix the problems shown before saving.</span>}
        <button
          type="button"
          disabled={saving}
          onClick={() => finish(importId)}
          className={`${button} border-slate-600 text-slate-300`}
        >
          Discard this import
        </button>
      </footer>
    </div>
  );
}

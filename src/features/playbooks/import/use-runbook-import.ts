import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft } from '../../../playbooks/import/finish.ts';
import { sizeProblem } from '../../../playbooks/import/limits.ts';
import type { ImportResult } from '../../../playbooks/import/limits.ts';

export type Importer = (text: string, name: string) => Promise<ImportResult>;

export type ImportState =
  | { stage: 'input'; error: string | null }
  | { stage: 'reading'; name: string }
  | { stage: 'preview'; name: string; drafts: Draft[]; warnings: string[] };

const KEY = 'warroom.runbook-import';

/** An import in progress survives a reload: edits made in the preview are never lost. */
function restore(): ImportState {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return { stage: 'input', error: null };
    const saved = JSON.parse(raw) as Extract<ImportState, { stage: 'preview' }>;
    if (saved.stage === 'preview' && Array.isArray(saved.drafts)) return saved;
  } catch {
    // An unreadable saved import is dropped; the runbook can be imported again.
  }
  return { stage: 'input', error: null };
}

/**
 * The import's progress: read a pasted text or a dropped file (too large → refused before it is
 * even read), show the drafts, keep the commander's edits (in local storage too) until saved or
 * discarded. Reading can be cancelled; a late answer from a cancelled read is ignored.
 */
export function useRunbookImport(importer: Importer) {
  const [state, setState] = useState<ImportState>(restore);
  const reading = useRef(0);

  useEffect(() => {
    if (state.stage === 'preview') localStorage.setItem(KEY, JSON.stringify(state));
    else if (state.stage === 'input') localStorage.removeItem(KEY);
  }, [state]);

  const readText = useCallback(
    async (text: string, name: string) => {
      const attempt = ++reading.current;
      setState({ stage: 'reading', name });
      const result = await importer(text, name);
      if (attempt !== reading.current) return;
      setState(
        result.ok
          ? { stage: 'preview', name, drafts: result.drafts, warnings: result.warnings }
          : { stage: 'input', error: result.error },
      );
    },
    [importer],
  );

  const readFile = useCallback(
    async (file: File) => {
      const tooBig = sizeProblem(file.size, file.name);
      if (tooBig) {
        setState({ stage: 'input', error: tooBig });
        return;
      }
      await readText(await file.text(), file.name);
    },
    [readText],
  );

  const cancel = useCallback(() => {
    reading.current++;
    setState({ stage: 'input', error: null });
  }, []);

  const edit = useCallback((change: (drafts: Draft[]) => Draft[]) => {
    setState((s) => (s.stage === 'preview' ? { ...s, drafts: change(s.drafts) } : s));
  }, []);

  return { state, readText, readFile, cancel, edit, discard: cancel };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import type { Draft } from '../../../playbooks/import/finish.ts';
import { sizeProblem } from '../../../playbooks/import/limits.ts';
import type { ImportResult } from '../../../playbooks/import/limits.ts';

export type Importer = (text: string, name: string) => Promise<ImportResult>;

export type ImportState =
  | { stage: 'input'; error: string | null }
  | { stage: 'reading'; name: string }
  /** `id` tells one import from the next, so a late answer for an earlier one changes nothing. */
  | { stage: 'preview'; id: number; name: string; drafts: Draft[]; warnings: string[] };

const KEY = 'warroom.runbook-import';
const VERSION = 1;

/**
 * What a kept import must look like to be restored. Loose on purpose: a draft being edited may be
 * one the playbook schema would refuse (an emptied title), and that is what the preview is for.
 */
const keptSchema = z.object({
  version: z.literal(VERSION),
  name: z.string(),
  warnings: z.array(z.string()),
  drafts: z.array(
    z.object({
      key: z.string().optional(),
      selected: z.boolean(),
      line: z.number(),
      playbook: z.looseObject({
        id: z.string(),
        title: z.string(),
        summary: z.string(),
        incidentTypes: z.array(z.string()),
        phases: z.array(
          z.looseObject({
            id: z.string(),
            title: z.string(),
            steps: z.array(z.looseObject({ id: z.string(), text: z.string() })),
          }),
        ),
      }),
    }),
  ),
});

/** An import in progress survives a reload: edits made in the preview are never lost. */
function restore(): ImportState {
  let raw: string | null;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    return { stage: 'input', error: null };
  }
  if (!raw) return { stage: 'input', error: null };
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // handled below, as any other unreadable import
  }
  const kept = keptSchema.safeParse(parsed);
  if (kept.success) {
    const { name, warnings, drafts } = kept.data;
    return { stage: 'preview', id: 0, name, warnings, drafts: drafts as Draft[] };
  }
  // Kept by another version of the dashboard, or damaged: drop it rather than fail on every open.
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing more to do
  }
  return {
    stage: 'input',
    error: 'An unfinished import kept by this browser could not be restored: import the runbook again.',
  };
}

/** Keeps the import for a reload; false when the browser would not (storage full or disabled). */
function keep(state: ImportState): boolean {
  try {
    if (state.stage === 'preview') {
      const { name, warnings, drafts } = state;
      localStorage.setItem(KEY, JSON.stringify({ version: VERSION, name, warnings, drafts }));
    } else if (state.stage === 'input') localStorage.removeItem(KEY);
    return true;
  } catch {
    return false;
  }
}

/**
 * The import's progress: read a pasted text or a dropped file (too large → refused before it is
 * even read), show the drafts, keep the commander's edits (in local storage too) until saved or
 * discarded. Reading can be cancelled; a late answer from a cancelled read is ignored.
 */
export function useRunbookImport(importer: Importer) {
  const [state, setState] = useState<ImportState>(restore);
  const [kept, setKept] = useState(true);
  const reading = useRef(0);

  useEffect(() => {
    setKept(keep(state));
  }, [state]);

  const readText = useCallback(
    async (text: string, name: string) => {
      const attempt = ++reading.current;
      setState({ stage: 'reading', name });
      const result = await importer(text, name);
      if (attempt !== reading.current) return;
      setState(
        result.ok
          ? { stage: 'preview', id: attempt, name, drafts: result.drafts, warnings: result.warnings }
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

  /** Change the drafts of import `id`; nothing happens if another import has replaced it. */
  const edit = useCallback((id: number, change: (drafts: Draft[]) => Draft[]) => {
    setState((s) => (s.stage === 'preview' && s.id === id ? { ...s, drafts: change(s.drafts) } : s));
  }, []);

  /** End import `id` (saved or discarded), unless another has replaced it meanwhile. */
  const finish = useCallback((id: number) => {
    setState((s) => (s.stage === 'preview' && s.id !== id ? s : { stage: 'input', error: null }));
  }, []);

  return { state, kept, readText, readFile, cancel, edit, finish };
}

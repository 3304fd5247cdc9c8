import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import {
  playbookConflictSchema,
  playbookSaveSchema,
  savablePlaybookSchema,
  savedPlaybookSchema,
} from '../../contract/store-schemas.ts';
import type { Playbook, SavedPlaybook } from '../../contract/store-schemas.ts';
import { parseJsonText, parseOrExplain } from '../../contract/validate.ts';
import type { ParseResult } from '../../contract/validate.ts';
import { currentActor } from './actor.ts';
import { storeSavedPlaybook } from './apply-change.ts';
import { newKey } from './outbox-file.ts';
import { isPermanentStatus, problemText, StoreUnreachable, storeRequest } from './store-client.ts';
import type { StoreFetch } from './store-client.ts';
import { useStoreBaseUrl, warroomQueries } from './queries.ts';

// Saving an imported playbook to the war-room store, and reading the saved ones.
//
// A save is sent at once and answers with what happened; it is NOT queued in the outbox like the
// incident edits, and the caller keeps the draft until the answer is `ok`:
// - a save names the revision it edits (baseRevision). Delivered later, from a queue, after
//   someone else saved, it could only come back as a conflict with nobody left at the editor to
//   settle it, and the outbox's refusals are a line of text, not a draft that can be edited;
// - the outbox lives in localStorage beside the incident edits that matter during an incident,
//   and a playbook can take a good part of its few megabytes;
// - nothing waits on it: an import is done between incidents, or beside one, by a person who is
//   looking at the preview and can press Save again when the store is back.
// Pressing Save again is safe: the store answers content identical to what it holds with the
// stored playbook and writes nothing, so a save whose answer was lost does not become a conflict.

export type SavePlaybookResult =
  /** Stored, as `saved` (also when the store already held exactly this content). */
  | { ok: true; saved: SavedPlaybook }
  /** Not a playbook the store takes (shape, `import-` id, repeated ids): nothing was sent. */
  | { ok: false; reason: 'invalid'; error: string }
  /**
   * Someone saved since `baseRevision` (or it was never saved): `current` is what is stored,
   * null when nothing is. Show both, then save again with `current.revision` as baseRevision.
   */
  | { ok: false; reason: 'conflict'; error: string; current: SavedPlaybook | null }
  /** The store could not be asked or did not answer: keep the draft and try again. */
  | { ok: false; reason: 'unreachable'; error: string }
  /** The store answered, and said no, or something this dashboard cannot read. */
  | { ok: false; reason: 'refused'; error: string };

export interface SavePlaybookOptions {
  actor?: string;
  fetch?: StoreFetch;
  timeoutMs?: number;
}

/**
 * Whether the store will take this playbook: the shape, an id of the saved namespace
 * (`import-…`) and unique phase and step ids. For a preview, before anything is sent.
 */
export function checkPlaybookForSave(playbook: unknown): ParseResult<Playbook> {
  return parseOrExplain(savablePlaybookSchema, playbook, 'playbook');
}

/** PUTs the playbook to the store; see SavePlaybookResult for what can come of it. */
export async function savePlaybook(
  baseUrl: string,
  playbook: Playbook,
  baseRevision: number | null,
  options: SavePlaybookOptions = {},
): Promise<SavePlaybookResult> {
  const body = { playbook, actor: options.actor ?? currentActor(), baseRevision };
  const parsed = parseOrExplain(playbookSaveSchema, body, 'playbook save');
  if (!parsed.ok) return { ok: false, reason: 'invalid', error: parsed.error };
  let answer: { status: number; text: string };
  try {
    answer = await storeRequest(
      `${baseUrl}/playbooks/${encodeURIComponent(playbook.id)}`,
      {
        method: 'PUT',
        // One key per press of Save: a retry is recognised by its content (see above), so the
        // key need not outlive this call.
        headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
        body: JSON.stringify(parsed.value),
      },
      options.timeoutMs ?? 8000,
      options.fetch,
    );
  } catch (error) {
    const problem = error instanceof StoreUnreachable ? error.message : String(error);
    return { ok: false, reason: 'unreachable', error: `not saved: ${problem}; your draft is kept` };
  }
  const { status, text } = answer;
  const json = parseJsonText(text, 'store answer');
  if (status === 409 && json.ok) {
    const conflict = playbookConflictSchema.safeParse(json.value);
    if (conflict.success)
      return { ok: false, reason: 'conflict', error: conflict.data.detail, current: conflict.data.current };
  }
  if (status >= 200 && status < 300) {
    const saved = json.ok ? parseOrExplain(savedPlaybookSchema, json.value, 'store answer') : json;
    if (!saved.ok) return { ok: false, reason: 'refused', error: saved.error };
    return { ok: true, saved: saved.value };
  }
  if (isPermanentStatus(status)) return { ok: false, reason: 'refused', error: problemText(status, text) };
  return {
    ok: false,
    reason: 'unreachable',
    error: `not saved: the store answered HTTP ${status}; your draft is kept`,
  };
}

/**
 * The save the import UI calls: as savePlaybook, by the person named in the war room, and what
 * the store answered goes into this dashboard's cache at once (other viewers get it from the
 * change feed).
 */
export function useSavePlaybook(): (
  playbook: Playbook,
  baseRevision: number | null,
) => Promise<SavePlaybookResult> {
  const baseUrl = useStoreBaseUrl();
  const queryClient = useQueryClient();
  return useCallback(
    async (playbook, baseRevision) => {
      const result = await savePlaybook(baseUrl, playbook, baseRevision);
      if (result.ok) storeSavedPlaybook(queryClient, baseUrl, result.saved);
      else if (result.reason === 'conflict' && result.current)
        storeSavedPlaybook(queryClient, baseUrl, result.current);
      return result;
    },
    [baseUrl, queryClient],
  );
}

const none: SavedPlaybook[] = [];

/** The saved playbooks, by id, kept current by the change feed. */
export function useSavedPlaybooks(): { playbooks: SavedPlaybook[]; isPending: boolean; error: Error | null } {
  const query = useQuery(warroomQueries.playbooks(useStoreBaseUrl()));
  return { playbooks: query.data?.playbooks ?? none, isPending: query.isPending, error: query.error };
}

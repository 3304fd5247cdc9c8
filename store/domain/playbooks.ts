// Saved (imported) playbooks: optimistic concurrency on a revision, so that two people editing
// one runbook cannot overwrite each other without seeing it.
import { isDeepStrictEqual } from 'node:util';
import type { PlaybookSave } from '../../contract/store-schemas.ts';
import type { WriteReply, WriteTx } from '../storage/storage.ts';
import { WriteRefusal } from '../storage/storage.ts';

const revisionText = (revision: number | null) => (revision === null ? 'none' : `revision ${revision}`);

export async function savePlaybook(tx: WriteTx, input: PlaybookSave): Promise<WriteReply> {
  const current = await tx.savedPlaybook(input.playbook.id);
  // Identical content changes nothing, whatever baseRevision says: a save whose answer was lost,
  // retried with a new Idempotency-Key (or by a second person importing the same file), must not
  // turn into a conflict or a new revision. Nobody's edit is lost, since there is no edit.
  if (current && isDeepStrictEqual(current.playbook, input.playbook)) return { status: 200, body: current };
  const stored = current?.revision ?? null;
  if (stored !== input.baseRevision)
    throw new WriteRefusal(
      409,
      'Conflict',
      current
        ? `playbook ${input.playbook.id} is at revision ${current.revision}, saved by ${current.savedBy} at ${current.savedAt}, and this edit is based on ${revisionText(input.baseRevision)}: compare it with the current one (in \`current\`), then save again with baseRevision ${current.revision}`
        : `there is no saved playbook ${input.playbook.id}, and this edit is based on ${revisionText(input.baseRevision)}: save it as a new playbook with baseRevision null`,
      { current },
    );
  const saved = {
    playbook: input.playbook,
    revision: (stored ?? 0) + 1,
    savedAt: tx.now,
    savedBy: input.actor,
  };
  await tx.savePlaybook(saved);
  return { status: current ? 200 : 201, body: saved };
}

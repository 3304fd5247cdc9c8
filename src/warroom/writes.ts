import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { z } from 'zod';
import {
  acknowledgementSchema,
  controlAuditDraftSchema,
  incidentDeclarationSchema,
  incidentPatchSchema,
  noteDraftSchema,
  playbookChoiceSchema,
  reportedEventSchema,
  roleAssignmentSchema,
  statusChangeSchema,
  stepTickChangeSchema,
} from '../../contract/store-schemas.ts';
import type {
  Checklist,
  ControlAuditDraft,
  IncidentDeclaration,
  IncidentPatch,
  IncidentStatus,
  ReportedEvent,
  RoleName,
} from '../../contract/store-schemas.ts';
import { parseOrExplain } from '../../contract/validate.ts';
import { currentActor } from './actor.ts';
import { newLocalId } from './outbox-file.ts';
import type { EditDraft, Outbox } from './outbox.ts';
import { outboxFor } from './outbox-store.ts';
import { followedPlaybookId, resolveId } from './pending.ts';
import { useStoreBaseUrl, warroomKeys } from './queries.ts';

export type WriteResult = { ok: true; incidentId: string } | { ok: false; error: string };

export type AuditWriteResult = { ok: true } | { ok: false; error: string };

export type DeclarationDraft = Omit<IncidentDeclaration, 'actor'>;

/**
 * Every edit the war room makes. Each is checked against the store's own schema, then queued in
 * the outbox and returns at once: the store may be down, and the edit is not lost for that.
 */
export function warRoomWrites(
  outbox: Outbox,
  /** The store's checklist of an incident as this dashboard last read it (by the store's id). */
  storedChecklist: (incidentId: string) => Checklist | undefined = () => undefined,
) {
  const shownPlaybookId = (incidentId: string): string | null => {
    const { entries, ids } = outbox.snapshot().file;
    return followedPlaybookId(storedChecklist(resolveId(incidentId, ids)), entries, incidentId, ids);
  };
  function queue<T>(
    schema: z.ZodType<T>,
    body: T,
    what: string,
    draft: Omit<EditDraft, 'body'>,
  ): WriteResult {
    const parsed = parseOrExplain(schema, body, what);
    if (!parsed.ok) return parsed;
    outbox.enqueue({ ...draft, body: parsed.value as Record<string, unknown> });
    return { ok: true, incidentId: draft.incidentId };
  }
  const actor = () => currentActor();
  return {
    /** Declares in one step; the id is a local placeholder until the store has given its own. */
    declare: (declaration: DeclarationDraft): WriteResult =>
      queue(incidentDeclarationSchema, { ...declaration, actor: actor() }, 'declaration', {
        kind: 'declare',
        incidentId: newLocalId(),
        method: 'POST',
        suffix: '',
      }),
    acknowledge: (incidentId: string) =>
      queue(acknowledgementSchema, { actor: actor() }, 'acknowledgement', {
        kind: 'acknowledge',
        incidentId,
        method: 'POST',
        suffix: '/acknowledge',
      }),
    changeStatus: (incidentId: string, status: IncidentStatus) =>
      queue(statusChangeSchema, { status, actor: actor() }, 'status change', {
        kind: 'status',
        incidentId,
        method: 'POST',
        suffix: '/status',
      }),
    assignRole: (incidentId: string, role: RoleName, person: string | null) =>
      queue(roleAssignmentSchema, { person, actor: actor() }, `${role} role`, {
        kind: 'role',
        incidentId,
        method: 'PUT',
        suffix: `/roles/${role}`,
      }),
    /**
     * Changes fields of the incident, such as the post-mortem's impact and root cause (null clears
     * one). Only the fields given are sent, so edits of different fields never undo each other.
     */
    editIncident: (incidentId: string, fields: Omit<IncidentPatch, 'actor'>) =>
      queue(incidentPatchSchema, { ...fields, actor: actor() }, 'incident edit', {
        kind: 'edit',
        incidentId,
        method: 'PATCH',
        suffix: '',
      }),
    addNote: (incidentId: string, text: string) =>
      queue(noteDraftSchema, { text, actor: actor() }, 'note', {
        kind: 'note',
        incidentId,
        method: 'POST',
        suffix: '/notes',
      }),
    /** The playbook the incident follows; ticks are kept per playbook by the store. */
    choosePlaybook: (incidentId: string, playbookId: string) =>
      queue(playbookChoiceSchema, { playbookId, actor: actor() }, 'playbook choice', {
        kind: 'playbook',
        incidentId,
        method: 'PUT',
        suffix: '/checklist/playbook',
      }),
    /**
     * Ticks a step of `playbookId`, the playbook shown when the person ticked it. The tick carries
     * it: delivered after a switch to another playbook, it is refused rather than ticking a
     * namesake step there. Without it, the playbook this browser shows for the incident now is
     * named, which is right for a tick made now; a caller acting on something started earlier (a
     * control step's confirmation) should name the playbook the step was fired from.
     */
    tickStep: (incidentId: string, stepId: string, ticked: boolean, playbookId?: string): WriteResult => {
      const named = playbookId ?? shownPlaybookId(incidentId);
      if (named === null)
        return {
          ok: false,
          error: `step tick: ${incidentId} follows no playbook on this dashboard; choose one before ticking its steps`,
        };
      return queue(stepTickChangeSchema, { ticked, playbookId: named, actor: actor() }, 'step tick', {
        kind: 'tick',
        incidentId,
        method: 'PUT',
        suffix: `/checklist/steps/${encodeURIComponent(stepId)}`,
      });
    },
    /** An event the dashboard saw; `key` is derived from it so that every dashboard sends the same one. */
    reportEvent: (incidentId: string, event: ReportedEvent, key: string) =>
      queue(reportedEventSchema, event, 'timeline event', {
        kind: 'event',
        incidentId,
        method: 'POST',
        suffix: '/timeline',
        key,
        quiet: true,
      }),
    /**
     * A control attempt for the store's audit log, under the reporter's key so that a repeat is
     * recorded once. Not quiet: a refused record must be read by someone, never dropped unseen.
     */
    recordControlAttempt: (draft: ControlAuditDraft, key: string): AuditWriteResult => {
      const parsed = parseOrExplain(controlAuditDraftSchema, draft, 'control audit record');
      if (!parsed.ok) return parsed;
      outbox.enqueue({
        kind: 'audit',
        incidentId: parsed.value.incidentId,
        method: 'POST',
        suffix: '',
        body: parsed.value,
        key,
      });
      return { ok: true };
    },
  };
}

export type WarRoomWrites = ReturnType<typeof warRoomWrites>;

export function useWarRoomWrites(): WarRoomWrites {
  const baseUrl = useStoreBaseUrl();
  const outbox = outboxFor(baseUrl);
  const queryClient = useQueryClient();
  return useMemo(
    () =>
      warRoomWrites(outbox, (incidentId) =>
        queryClient.getQueryData<Checklist>(warroomKeys.checklist(baseUrl, incidentId)),
      ),
    [outbox, queryClient, baseUrl],
  );
}

// Notes, events the dashboard reports, checklist progress and the control audit log.
import type {
  ControlAuditDraft,
  NoteDraft,
  PlaybookChoice,
  ReportedEvent,
  StepTickChange,
} from '../../contract/store-schemas.ts';
import type { WriteReply, WriteTx } from '../storage/storage.ts';
import { WriteRefusal } from '../storage/storage.ts';
import { requireIncident } from './incident-lifecycle.ts';

export async function addNote(tx: WriteTx, id: string, input: NoteDraft): Promise<WriteReply> {
  const incident = await requireIncident(tx, id);
  const event = await tx.appendTimeline({
    incidentId: id,
    actor: input.actor,
    type: 'note',
    text: input.text,
    details: {},
  });
  // The incident shows when it was last written about: status-update cadence counts from it.
  await tx.saveIncident({ ...incident, lastNoteAt: tx.now, updatedAt: tx.now });
  return { status: 201, body: event };
}

export async function reportEvent(tx: WriteTx, id: string, input: ReportedEvent): Promise<WriteReply> {
  await requireIncident(tx, id);
  const event = await tx.appendTimeline({
    incidentId: id,
    actor: input.actor,
    type: input.type,
    text: input.text ?? null,
    details: input.details ?? {},
  });
  return { status: 201, body: event };
}

export async function choosePlaybook(tx: WriteTx, id: string, input: PlaybookChoice): Promise<WriteReply> {
  await requireIncident(tx, id);
  const current = await tx.checklist(id);
  if (current.playbookId === input.playbookId) return { status: 200, body: current };
  const checklist = await tx.choosePlaybook(id, input.playbookId, input.actor);
  await tx.appendTimeline({
    incidentId: id,
    actor: input.actor,
    type: 'playbook.chosen',
    text: `playbook ${input.playbookId} chosen`,
    details: { playbookId: input.playbookId, previous: current.playbookId },
  });
  return { status: 200, body: checklist };
}

export async function tickStep(
  tx: WriteTx,
  id: string,
  stepId: string,
  input: StepTickChange,
): Promise<WriteReply> {
  await requireIncident(tx, id);
  const current = await tx.checklist(id);
  const { playbookId } = current;
  if (playbookId === null)
    throw new WriteRefusal(409, 'Conflict', `${id} has no playbook yet: choose one before ticking its steps`);
  // Step ids repeat across playbooks, so a tick made under one playbook and delivered after a
  // switch (from an outbox) would tick a namesake step of the other, and could satisfy its
  // verification checks. Refused, and recorded under the key like any refusal of the state.
  if (input.playbookId !== playbookId)
    throw new WriteRefusal(
      409,
      'Conflict',
      `${id} now follows ${playbookId}; this tick of ${stepId} was for ${input.playbookId}, so it was not recorded. Tick the step again in ${playbookId} if it applies there`,
    );
  const ticked = current.ticks.some((tick) => tick.stepId === stepId);
  if (ticked === input.ticked) return { status: 200, body: current };
  const checklist = await tx.setTick(id, stepId, input.ticked ? input.actor : null);
  await tx.appendTimeline({
    incidentId: id,
    actor: input.actor,
    type: input.ticked ? 'checklist.step-ticked' : 'checklist.step-unticked',
    text: `${input.ticked ? 'ticked' : 'unticked'} ${stepId} of ${playbookId}`,
    details: { playbookId, stepId },
  });
  return { status: 200, body: checklist };
}

export async function recordControlAttempt(tx: WriteTx, draft: ControlAuditDraft): Promise<WriteReply> {
  if (draft.incidentId !== null) await requireIncident(tx, draft.incidentId);
  const record = await tx.appendAudit(draft);
  return { status: 201, body: record };
}

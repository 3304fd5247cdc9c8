// The war-room store's timeline, checklist and control audit: part of the zod twins of
// contract/war-room-store.yaml (see store-schemas.ts, which binds them to the document).
import { z } from 'zod';
import { PLAYBOOK_LIMITS } from './playbook-schemas.ts';
import { timestampSchema } from './schemas.ts';
import { actorSchema, systemIdSchema } from './store-schemas-incidents.ts';

export const reportedEventTypes = [
  'alert.fired',
  'alert.cleared',
  'control.attempted',
  'control.accepted',
  'control.confirmed',
  'control.unconfirmed',
  'control.failed',
] as const;

export const timelineEventTypeSchema = z.enum([
  'incident.declared',
  'incident.acknowledged',
  'incident.status-changed',
  'incident.updated',
  'role.assigned',
  'role.unassigned',
  'note',
  'playbook.chosen',
  'checklist.step-ticked',
  'checklist.step-unticked',
  ...reportedEventTypes,
]);
export type TimelineEventType = z.infer<typeof timelineEventTypeSchema>;

export const reportedEventTypeSchema = z.enum(reportedEventTypes);
export type ReportedEventType = z.infer<typeof reportedEventTypeSchema>;

const details = z.record(z.string(), z.unknown());

export const timelineEventSchema = z.object({
  seq: z.int().min(1),
  incidentId: z.string(),
  at: timestampSchema,
  actor: z.string(),
  type: timelineEventTypeSchema,
  text: z.string().nullable(),
  details,
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const timelineSchema = z.object({
  incidentId: z.string(),
  events: z.array(timelineEventSchema),
});
export type Timeline = z.infer<typeof timelineSchema>;

export const reportedEventSchema = z.object({
  type: reportedEventTypeSchema,
  actor: actorSchema,
  text: z.string().min(1).max(10_000).optional(),
  details: details.optional(),
});
export type ReportedEvent = z.infer<typeof reportedEventSchema>;

export const stepTickSchema = z.object({
  stepId: z.string(),
  tickedAt: timestampSchema,
  tickedBy: z.string(),
});
export type StepTick = z.infer<typeof stepTickSchema>;

export const checklistSchema = z.object({
  incidentId: z.string(),
  playbookId: z.string().nullable(),
  chosenAt: timestampSchema.nullable(),
  chosenBy: z.string().nullable(),
  ticks: z.array(stepTickSchema),
});
export type Checklist = z.infer<typeof checklistSchema>;

const playbookIdSchema = z.string().min(1).max(PLAYBOOK_LIMITS.idLength);

export const playbookChoiceSchema = z.object({
  playbookId: playbookIdSchema,
  actor: actorSchema,
});
export type PlaybookChoice = z.infer<typeof playbookChoiceSchema>;

/**
 * A tick names its playbook: step ids repeat across playbooks (`reconcile`, `health`), and a tick
 * queued offline may arrive after someone switched the incident's playbook. The store records it
 * only for the playbook it names, and only while that one is active.
 */
export const stepTickChangeSchema = z.object({
  ticked: z.boolean(),
  playbookId: playbookIdSchema,
  actor: actorSchema,
});
export type StepTickChange = z.infer<typeof stepTickChangeSchema>;

export const controlResultSchema = z.enum([
  'accepted',
  'duplicate',
  'rejected',
  'failed',
  'confirmed',
  'unconfirmed',
]);
export type ControlResult = z.infer<typeof controlResultSchema>;

export const controlAuditDraftSchema = z.object({
  incidentId: z.string().nullable(),
  /** The system the control acted on; an older dashboard does not say. */
  systemId: systemIdSchema.nullable().optional(),
  operator: z.string().min(1).max(200),
  controlId: z.string().min(1).max(100),
  scope: z.string().min(1).max(200),
  reason: z.string().max(2000),
  idempotencyKey: z.string().min(8).max(128),
  result: controlResultSchema,
  latencyMs: z.number().min(0),
  attemptedAt: timestampSchema,
  commandId: z.string().max(200).nullable().optional(),
  detail: z.string().max(2000).nullable().optional(),
});
export type ControlAuditDraft = z.infer<typeof controlAuditDraftSchema>;

export const controlAuditRecordSchema = z.object({
  seq: z.int().min(1),
  recordedAt: timestampSchema,
  incidentId: z.string().nullable(),
  /** Older records (and older stores) do not say: null. */
  systemId: systemIdSchema.nullable().default(null),
  operator: z.string(),
  controlId: z.string(),
  scope: z.string(),
  reason: z.string(),
  idempotencyKey: z.string(),
  result: controlResultSchema,
  latencyMs: z.number().min(0),
  attemptedAt: timestampSchema,
  commandId: z.string().nullable(),
  detail: z.string().nullable(),
});
export type ControlAuditRecord = z.infer<typeof controlAuditRecordSchema>;

export const auditPageSchema = z.object({ records: z.array(controlAuditRecordSchema) });
export type AuditPage = z.infer<typeof auditPageSchema>;

// Runtime twins of `components.schemas` in contract/war-room-store.yaml, the war-room store's
// API. The YAML is the source of truth; store-schemas.typecheck.ts fails `npm run typecheck` when
// a schema stops inferring exactly the type openapi-typescript generates from it, and
// constraints.test.ts compares the value limits that types cannot see.
//
// The store validates every request body with these. Like the trading schemas, objects strip
// unknown keys rather than reject them, so a newer dashboard can send a field an older store
// does not know yet.
import { z } from 'zod';
import * as playbooks from './playbook-schemas.ts';
import { savedPlaybookSchema } from './playbook-schemas.ts';
import { controlIdSchema, problemSchema, timestampSchema } from './schemas.ts';
import * as incidents from './store-schemas-incidents.ts';
import { incidentSchema } from './store-schemas-incidents.ts';
import * as records from './store-schemas-records.ts';
import { checklistSchema, controlAuditRecordSchema, timelineEventSchema } from './store-schemas-records.ts';
import * as session from './store-schemas-session.ts';

export * from './playbook-schemas.ts';
export * from './store-schemas-incidents.ts';
export * from './store-schemas-records.ts';
export * from './store-schemas-session.ts';
export { problemSchema, timestampSchema };

// --- Changes. Written as `allOf: [ChangeBase, {...}]` in the document; extended flat here, as
// the trading stream events are, for z.discriminatedUnion.

export const changeBaseSchema = z.object({
  id: z.int().min(1),
  at: timestampSchema,
  incidentId: z.string().nullable(),
});
export type ChangeBase = z.infer<typeof changeBaseSchema>;

export const incidentCreatedChangeSchema = changeBaseSchema.extend({
  type: z.literal('incident.created'),
  incident: incidentSchema,
});
export const incidentUpdatedChangeSchema = changeBaseSchema.extend({
  type: z.literal('incident.updated'),
  incident: incidentSchema,
});
export const timelineAppendedChangeSchema = changeBaseSchema.extend({
  type: z.literal('timeline.appended'),
  event: timelineEventSchema,
});
export const checklistChangedChangeSchema = changeBaseSchema.extend({
  type: z.literal('checklist.changed'),
  checklist: checklistSchema,
});
export const auditAppendedChangeSchema = changeBaseSchema.extend({
  type: z.literal('audit.appended'),
  record: controlAuditRecordSchema,
});

/** Not tied to an incident: `incidentId` is null. */
export const playbookSavedChangeSchema = changeBaseSchema.extend({
  type: z.literal('playbook.saved'),
  savedPlaybook: savedPlaybookSchema,
});

export const changeSchema = z.discriminatedUnion('type', [
  incidentCreatedChangeSchema,
  incidentUpdatedChangeSchema,
  timelineAppendedChangeSchema,
  checklistChangedChangeSchema,
  auditAppendedChangeSchema,
  playbookSavedChangeSchema,
]);
export type Change = z.infer<typeof changeSchema>;
export type ChangeType = Change['type'];

export const changePageSchema = z.object({
  storeId: z.string(),
  changes: z.array(changeSchema),
  lastChangeId: z.int().min(0),
});
export type ChangePage = z.infer<typeof changePageSchema>;

/**
 * Every schema in `components.schemas` of war-room-store.yaml under its name, for the checks that
 * bind this file to the document (store-schemas.typecheck.ts and constraints.test.ts).
 */
export const storeComponentSchemas = {
  Problem: problemSchema,
  Timestamp: timestampSchema,
  Actor: incidents.actorSchema,
  OperatorRole: session.operatorRoleSchema,
  Person: session.personSchema,
  SignIn: session.signInSchema,
  StoreHealth: incidents.storeHealthSchema,
  SystemId: incidents.systemIdSchema,
  SeverityScheme: incidents.severitySchemeSchema,
  Severity: incidents.severitySchema,
  IncidentType: incidents.incidentTypeSchema,
  IncidentStatus: incidents.incidentStatusSchema,
  RoleName: incidents.roleNameSchema,
  IncidentRoles: incidents.incidentRolesSchema,
  Incident: incidentSchema,
  IncidentList: incidents.incidentListSchema,
  IncidentDeclaration: incidents.incidentDeclarationSchema,
  IncidentPatch: incidents.incidentPatchSchema,
  Acknowledgement: incidents.acknowledgementSchema,
  StatusChange: incidents.statusChangeSchema,
  RoleAssignment: incidents.roleAssignmentSchema,
  NoteDraft: incidents.noteDraftSchema,
  TimelineEventType: records.timelineEventTypeSchema,
  ReportedEventType: records.reportedEventTypeSchema,
  TimelineEvent: timelineEventSchema,
  Timeline: records.timelineSchema,
  ReportedEvent: records.reportedEventSchema,
  StepTick: records.stepTickSchema,
  Checklist: checklistSchema,
  PlaybookChoice: records.playbookChoiceSchema,
  StepTickChange: records.stepTickChangeSchema,
  ControlId: controlIdSchema,
  StepOwner: playbooks.stepOwnerSchema,
  StepControl: playbooks.stepControlSchema,
  StepJump: playbooks.stepJumpSchema,
  PlaybookNote: playbooks.playbookNoteSchema,
  StepBranch: playbooks.stepBranchSchema,
  Step: playbooks.stepSchema,
  PhaseWindow: playbooks.phaseWindowSchema,
  Phase: playbooks.phaseSchema,
  PlaybookSystem: playbooks.playbookSystemSchema,
  Playbook: playbooks.playbookSchema,
  SavedPlaybookId: playbooks.savedPlaybookIdSchema,
  SavedPlaybook: savedPlaybookSchema,
  SavedPlaybookList: playbooks.savedPlaybookListSchema,
  PlaybookSave: playbooks.playbookSaveSchema,
  PlaybookConflict: playbooks.playbookConflictSchema,
  ControlResult: records.controlResultSchema,
  ControlAuditDraft: records.controlAuditDraftSchema,
  ControlAuditRecord: controlAuditRecordSchema,
  AuditPage: records.auditPageSchema,
  ChangeBase: changeBaseSchema,
  IncidentCreatedChange: incidentCreatedChangeSchema,
  IncidentUpdatedChange: incidentUpdatedChangeSchema,
  TimelineAppendedChange: timelineAppendedChangeSchema,
  ChecklistChangedChange: checklistChangedChangeSchema,
  AuditAppendedChange: auditAppendedChangeSchema,
  PlaybookSavedChange: playbookSavedChangeSchema,
  Change: changeSchema,
  ChangePage: changePageSchema,
} as const;
export type StoreComponentName = keyof typeof storeComponentSchemas;

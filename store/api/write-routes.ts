// The store's writes: each binds a path to a contract schema and a domain operation.
import {
  acknowledgementSchema,
  controlAuditDraftSchema,
  incidentDeclarationSchema,
  incidentPatchSchema,
  noteDraftSchema,
  PLAYBOOK_LIMITS,
  playbookChoiceSchema,
  playbookSaveSchema,
  reportedEventSchema,
  roleAssignmentSchema,
  roleNameSchema,
  savedPlaybookIdSchema,
  statusChangeSchema,
  stepTickChangeSchema,
} from '../../contract/store-schemas.ts';
import type { PlaybookSave, RoleName } from '../../contract/store-schemas.ts';
import { assignRole, updateIncident } from '../domain/incident-edits.ts';
import { acknowledgeIncident, changeStatus, declareIncident } from '../domain/incident-lifecycle.ts';
import { savePlaybook } from '../domain/playbooks.ts';
import { addNote, choosePlaybook, recordControlAttempt, reportEvent, tickStep } from '../domain/records.ts';
import { HttpProblem } from '../http/respond.ts';
import type { Params, Route } from '../http/router.ts';
import type { ApiContext } from './context.ts';
import { writeRoute } from './write-route.ts';

const INCIDENT = '/warroom/v1/incidents/:incidentId';

function roleOf(params: Params): RoleName {
  const parsed = roleNameSchema.safeParse(params['role']);
  if (!parsed.success)
    throw new HttpProblem(
      400,
      'Bad Request',
      `"${params['role']}" is not a role; the roles are ${roleNameSchema.options.join(', ')}`,
    );
  return parsed.data;
}

// The same limit a saved playbook's step ids are held to, so that every step saved can be ticked.
function checkStepId(params: Params): void {
  const length = params['stepId']?.length ?? 0;
  if (length > PLAYBOOK_LIMITS.idLength)
    throw new HttpProblem(
      400,
      'Bad Request',
      `the step id is ${length} characters; at most ${PLAYBOOK_LIMITS.idLength} are allowed`,
    );
}

function checkPlaybookId(params: Params): void {
  const id = params['playbookId'] ?? '';
  const parsed = savedPlaybookIdSchema.safeParse(id);
  if (!parsed.success)
    throw new HttpProblem(
      400,
      'Bad Request',
      `"${id.slice(0, 60)}" is not a saved playbook's id: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    );
}

/** The path names the playbook; a body for another one is a client bug, not a rename. */
function checkPlaybookPath(input: PlaybookSave, params: Params): void {
  const id = params['playbookId'];
  if (input.playbook.id !== id)
    throw new HttpProblem(
      400,
      'Bad Request',
      `playbook save: playbook.id: "${input.playbook.id}" is sent to /playbooks/${id}; send a playbook to its own id's path`,
    );
}

export const writeRoutes: readonly Route<ApiContext>[] = [
  writeRoute({
    method: 'POST',
    pattern: '/warroom/v1/incidents',
    what: 'incident declaration',
    schema: incidentDeclarationSchema,
    actorField: 'actor',
    run: (tx, input) => declareIncident(tx, input),
  }),
  writeRoute({
    method: 'PATCH',
    pattern: INCIDENT,
    what: 'incident edit',
    schema: incidentPatchSchema,
    actorField: 'actor',
    run: (tx, input, { incidentId = '' }) => updateIncident(tx, incidentId, input),
  }),
  writeRoute({
    method: 'POST',
    pattern: `${INCIDENT}/acknowledge`,
    what: 'acknowledgement',
    schema: acknowledgementSchema,
    actorField: 'actor',
    run: (tx, input, { incidentId = '' }) => acknowledgeIncident(tx, incidentId, input),
  }),
  writeRoute({
    method: 'POST',
    pattern: `${INCIDENT}/status`,
    what: 'status change',
    schema: statusChangeSchema,
    actorField: 'actor',
    run: (tx, input, { incidentId = '' }) => changeStatus(tx, incidentId, input),
  }),
  writeRoute({
    method: 'PUT',
    pattern: `${INCIDENT}/roles/:role`,
    what: 'role assignment',
    schema: roleAssignmentSchema,
    actorField: 'actor',
    checkParams: roleOf,
    run: (tx, input, params) => assignRole(tx, params['incidentId'] ?? '', roleOf(params), input),
  }),
  writeRoute({
    method: 'POST',
    pattern: `${INCIDENT}/notes`,
    what: 'note',
    schema: noteDraftSchema,
    actorField: 'actor',
    run: (tx, input, { incidentId = '' }) => addNote(tx, incidentId, input),
  }),
  writeRoute({
    method: 'POST',
    pattern: `${INCIDENT}/timeline`,
    what: 'reported event',
    schema: reportedEventSchema,
    actorField: 'actor',
    run: (tx, input, { incidentId = '' }) => reportEvent(tx, incidentId, input),
  }),
  writeRoute({
    method: 'PUT',
    pattern: `${INCIDENT}/checklist/playbook`,
    what: 'playbook choice',
    schema: playbookChoiceSchema,
    actorField: 'actor',
    run: (tx, input, { incidentId = '' }) => choosePlaybook(tx, incidentId, input),
  }),
  writeRoute({
    method: 'PUT',
    pattern: `${INCIDENT}/checklist/steps/:stepId`,
    what: 'step tick',
    schema: stepTickChangeSchema,
    actorField: 'actor',
    checkParams: checkStepId,
    run: (tx, input, { incidentId = '', stepId = '' }) => tickStep(tx, incidentId, stepId, input),
  }),
  writeRoute({
    method: 'PUT',
    pattern: '/warroom/v1/playbooks/:playbookId',
    what: 'playbook save',
    schema: playbookSaveSchema,
    actorField: 'actor',
    checkParams: checkPlaybookId,
    checkBody: checkPlaybookPath,
    run: (tx, input) => savePlaybook(tx, input),
  }),
  writeRoute({
    method: 'POST',
    pattern: '/warroom/v1/audit',
    what: 'control audit record',
    schema: controlAuditDraftSchema,
    actorField: 'operator',
    run: (tx, input) => recordControlAttempt(tx, input),
  }),
];

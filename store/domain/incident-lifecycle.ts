// Declaring an incident, acknowledging it and moving its status: the rules of an incident's life,
// written against WriteTx so that they run inside the write's transaction on any storage.
import type {
  Acknowledgement,
  Incident,
  IncidentDeclaration,
  IncidentStatus,
  StatusChange,
} from '../../contract/store-schemas.ts';
import type { WriteReply, WriteTx } from '../storage/storage.ts';
import { WriteRefusal } from '../storage/storage.ts';

/** The incident, or a 404 refusal that names it. */
export async function requireIncident(tx: WriteTx, id: string): Promise<Incident> {
  const incident = await tx.incident(id);
  if (!incident) throw new WriteRefusal(404, 'Not Found', `there is no incident ${id}`);
  return incident;
}

export async function declareIncident(tx: WriteTx, input: IncidentDeclaration): Promise<WriteReply> {
  const incident = await tx.createIncident({
    title: input.title,
    systemId: input.systemId ?? null,
    severityScheme: input.severityScheme,
    severity: input.severity,
    type: input.type,
    status: 'INVESTIGATING',
    affectedServices: input.affectedServices,
    affectedVenues: input.affectedVenues,
    declaredAt: tx.now,
    declaredBy: input.actor,
    acknowledgedAt: null,
    acknowledgedBy: null,
    statusChangedAt: tx.now,
    resolvedAt: null,
    lastNoteAt: input.note === undefined ? null : tx.now,
    roles: { commander: null, scribe: null, communications: null },
    impact: null,
    rootCause: null,
    updatedAt: tx.now,
  });
  const { severity, severityScheme, type, affectedServices, affectedVenues } = input;
  const { systemId } = incident;
  await tx.appendTimeline({
    incidentId: incident.id,
    actor: input.actor,
    type: 'incident.declared',
    text: `${severity} ${type} declared: ${input.title}`,
    details: { severity, severityScheme, type, affectedServices, affectedVenues, systemId },
  });
  if (input.note !== undefined)
    await tx.appendTimeline({
      incidentId: incident.id,
      actor: input.actor,
      type: 'note',
      text: input.note,
      details: {},
    });
  return { status: 201, body: incident };
}

export async function acknowledgeIncident(
  tx: WriteTx,
  id: string,
  input: Acknowledgement,
): Promise<WriteReply> {
  const incident = await requireIncident(tx, id);
  if (incident.acknowledgedAt !== null)
    throw new WriteRefusal(
      409,
      'Conflict',
      `${id} was already acknowledged by ${incident.acknowledgedBy ?? 'someone'} at ${incident.acknowledgedAt}`,
    );
  const next: Incident = {
    ...incident,
    acknowledgedAt: tx.now,
    acknowledgedBy: input.actor,
    updatedAt: tx.now,
  };
  await tx.saveIncident(next);
  await tx.appendTimeline({
    incidentId: id,
    actor: input.actor,
    type: 'incident.acknowledged',
    text: `${input.actor} acknowledged the incident`,
    details: {},
  });
  return { status: 200, body: next };
}

const ORDER: readonly IncidentStatus[] = ['INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED'];

/**
 * Why `from` → `to` is not allowed, or null. Any forward move is allowed (a fix found at once
 * skips IDENTIFIED); backwards only from RESOLVED to INVESTIGATING, which reopens the incident.
 */
export function statusMoveProblem(from: IncidentStatus, to: IncidentStatus): string | null {
  if (from === to) return `the incident is already ${to}`;
  if (from === 'RESOLVED')
    return to === 'INVESTIGATING'
      ? null
      : `a resolved incident can only be reopened to INVESTIGATING, not moved to ${to}`;
  if (ORDER.indexOf(to) < ORDER.indexOf(from))
    return `the status cannot go back from ${from} to ${to}: it only moves forward (INVESTIGATING → IDENTIFIED → MONITORING → RESOLVED), and a resolved incident can be reopened to INVESTIGATING`;
  return null;
}

export async function changeStatus(tx: WriteTx, id: string, input: StatusChange): Promise<WriteReply> {
  const incident = await requireIncident(tx, id);
  const from = incident.status;
  const problem = statusMoveProblem(from, input.status);
  if (problem) throw new WriteRefusal(409, 'Conflict', `${id}: ${problem}`);
  const reopened = from === 'RESOLVED';
  const next: Incident = {
    ...incident,
    status: input.status,
    statusChangedAt: tx.now,
    resolvedAt: input.status === 'RESOLVED' ? tx.now : null,
    updatedAt: tx.now,
  };
  await tx.saveIncident(next);
  await tx.appendTimeline({
    incidentId: id,
    actor: input.actor,
    type: 'incident.status-changed',
    text: reopened ? `reopened: ${from} → ${input.status}` : `${from} → ${input.status}`,
    details: { from, to: input.status, reopened },
  });
  return { status: 200, body: next };
}

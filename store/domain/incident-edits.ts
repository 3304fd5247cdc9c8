// Editing an incident's description and post-mortem fields, and its roles.
import { severityMismatch } from '../../contract/store-schemas.ts';
import type { Incident, IncidentPatch, RoleAssignment, RoleName } from '../../contract/store-schemas.ts';
import type { WriteReply, WriteTx } from '../storage/storage.ts';
import { WriteRefusal } from '../storage/storage.ts';
import { requireIncident } from './incident-lifecycle.ts';

// Short fields go into the timeline with their old and new values; the long post-mortem texts
// are only named, so a timeline event never carries two copies of a 10 000-character text.
const SHORT_FIELDS = ['title', 'severity', 'type', 'affectedServices', 'affectedVenues'] as const;
const LONG_FIELDS = ['impact', 'rootCause'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function updateIncident(tx: WriteTx, id: string, patch: IncidentPatch): Promise<WriteReply> {
  const incident = await requireIncident(tx, id);
  if (patch.severity !== undefined) {
    // The scheme is fixed at declaration: it is the trading system's, not the incident's.
    const mismatch = severityMismatch(incident.severityScheme, patch.severity);
    if (mismatch) throw new WriteRefusal(400, 'Bad Request', `${id}: ${mismatch}`);
  }
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  const edited: string[] = [];
  const next: Incident = { ...incident };
  for (const field of SHORT_FIELDS) {
    const value = patch[field];
    if (value === undefined || same(value, incident[field])) continue;
    changed[field] = { from: incident[field], to: value };
    Object.assign(next, { [field]: value });
  }
  for (const field of LONG_FIELDS) {
    const value = patch[field];
    if (value === undefined || value === incident[field]) continue;
    edited.push(field);
    next[field] = value;
  }
  // Nothing differs: the incident already says what the edit asks for.
  if (Object.keys(changed).length === 0 && edited.length === 0) return { status: 200, body: incident };

  next.updatedAt = tx.now;
  await tx.saveIncident(next);
  const summary = [
    ...Object.entries(changed).map(([field, { from, to }]) => `${field}: ${String(from)} → ${String(to)}`),
    ...edited.map((field) => `${field} edited`),
  ];
  await tx.appendTimeline({
    incidentId: id,
    actor: patch.actor,
    type: 'incident.updated',
    text: summary.join('; '),
    details: { changed, edited },
  });
  return { status: 200, body: next };
}

const ROLE_LABELS: Record<RoleName, string> = {
  commander: 'incident commander',
  scribe: 'scribe',
  communications: 'communications lead',
};

export async function assignRole(
  tx: WriteTx,
  id: string,
  role: RoleName,
  input: RoleAssignment,
): Promise<WriteReply> {
  const incident = await requireIncident(tx, id);
  const previous = incident.roles[role];
  // A PUT states what should be: already so is a success that changes nothing.
  if (previous === input.person) return { status: 200, body: incident };
  const next: Incident = {
    ...incident,
    roles: { ...incident.roles, [role]: input.person },
    updatedAt: tx.now,
  };
  await tx.saveIncident(next);
  const label = ROLE_LABELS[role];
  await tx.appendTimeline({
    incidentId: id,
    actor: input.actor,
    type: input.person === null ? 'role.unassigned' : 'role.assigned',
    text:
      input.person === null
        ? `${previous ?? 'nobody'} is no longer ${label}`
        : `${input.person} is ${label}${previous === null ? '' : ` (was ${previous})`}`,
    details: { role, person: input.person, previous },
  });
  return { status: 200, body: next };
}

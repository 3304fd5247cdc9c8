import { incidentDeclarationSchema, incidentPatchSchema } from '../../contract/store-schemas.ts';
import type {
  Checklist,
  Incident,
  IncidentPatch,
  IncidentStatus,
  RoleName,
} from '../../contract/store-schemas.ts';
import type { EditEntry, OutboxEntry } from './outbox-file.ts';

// What the dashboard shows before the store has it: an incident declared offline, and edits not
// yet delivered, laid over the store's data so the person sees what they did. Marked as unsynced
// wherever it is shown; the store's answer replaces it.

export const resolveId = (id: string, ids: Readonly<Record<string, string>>): string => ids[id] ?? id;

/** The incident a queued declaration will become, under its local placeholder id. */
export function provisionalIncident(entry: EditEntry): Incident | null {
  if (entry.kind !== 'declare') return null;
  const parsed = incidentDeclarationSchema.safeParse(entry.body);
  if (!parsed.success) return null;
  const d = parsed.data;
  const at = new Date(entry.queuedAt).toISOString();
  return {
    id: entry.incidentId,
    title: d.title,
    systemId: d.systemId ?? null,
    severityScheme: d.severityScheme,
    severity: d.severity,
    type: d.type,
    status: 'INVESTIGATING',
    affectedServices: d.affectedServices,
    affectedVenues: d.affectedVenues,
    declaredAt: at,
    declaredBy: d.actor,
    acknowledgedAt: null,
    acknowledgedBy: null,
    statusChangedAt: at,
    resolvedAt: null,
    lastNoteAt: d.note === undefined ? null : at,
    roles: { commander: null, scribe: null, communications: null },
    impact: null,
    rootCause: null,
    updatedAt: at,
  };
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The fields an undelivered incident edit sets; those it leaves out stay as the store has them. */
function editedFields(body: Record<string, unknown>): Partial<Incident> {
  const parsed = incidentPatchSchema.safeParse(body);
  if (!parsed.success) return {};
  const { actor: _actor, ...fields } = parsed.data;
  return fields;
}

/** The incident with this browser's undelivered acknowledgement, status, role and field edits applied. */
export function withPendingEdits(
  incident: Incident,
  entries: readonly EditEntry[],
  ids: Readonly<Record<string, string>>,
): Incident {
  let out = incident;
  for (const entry of entries) {
    if (resolveId(entry.incidentId, ids) !== incident.id) continue;
    const at = new Date(entry.queuedAt).toISOString();
    const actor = text(entry.body.actor);
    if (entry.kind === 'acknowledge' && out.acknowledgedAt === null)
      out = { ...out, acknowledgedAt: at, acknowledgedBy: actor };
    else if (entry.kind === 'status') {
      const status = entry.body.status as IncidentStatus;
      out = { ...out, status, statusChangedAt: at, resolvedAt: status === 'RESOLVED' ? at : null };
    } else if (entry.kind === 'role') {
      const role = entry.suffix.split('/').at(-1) as RoleName;
      out = { ...out, roles: { ...out.roles, [role]: text(entry.body.person) } };
    } else if (entry.kind === 'note') out = { ...out, lastNoteAt: at };
    else if (entry.kind === 'edit') out = { ...out, ...editedFields(entry.body) };
  }
  return out;
}

/** Notes typed here and not yet delivered, for the timeline. */
export function pendingNotes(
  incidentId: string,
  entries: readonly EditEntry[],
  ids: Readonly<Record<string, string>>,
): EditEntry[] {
  return entries.filter((e) => e.kind === 'note' && resolveId(e.incidentId, ids) === incidentId);
}

/** This browser's latest undelivered edit of one field of the incident, if any. */
export function pendingFieldEdit(
  incidentId: string,
  field: Exclude<keyof IncidentPatch, 'actor'>,
  entries: readonly EditEntry[],
  ids: Readonly<Record<string, string>>,
): EditEntry | undefined {
  return entries.findLast(
    (e) => e.kind === 'edit' && field in e.body && resolveId(e.incidentId, ids) === incidentId,
  );
}

/**
 * The playbook an incident follows as this browser shows it: a choice still to be delivered wins
 * over the store's, since the person sees the playbook they picked.
 */
export function followedPlaybookId(
  checklist: Checklist | undefined,
  entries: readonly OutboxEntry[],
  incidentId: string,
  ids: Readonly<Record<string, string>> = {},
): string | null {
  const incident = resolveId(incidentId, ids);
  const choice = entries.findLast(
    (e) => e.kind === 'playbook' && e.incidentId !== null && resolveId(e.incidentId, ids) === incident,
  );
  return typeof choice?.body.playbookId === 'string'
    ? choice.body.playbookId
    : (checklist?.playbookId ?? null);
}

export interface PendingTick {
  stepId: string;
  ticked: boolean;
  actor: string;
}

const STEP_SUFFIX = '/checklist/steps/';

/**
 * This browser's undelivered ticks and unticks of one playbook's steps, oldest first. Only those
 * queued for that playbook: step ids repeat across playbooks, and a tick queued under another one
 * (before a switch) is not a tick of this one. The store will refuse it, and it must not look
 * done meanwhile. Ticks queued before ticks named their playbook count for none.
 */
export function pendingTicks(
  entries: readonly OutboxEntry[],
  incidentId: string,
  playbookId: string | null,
  ids: Readonly<Record<string, string>> = {},
): PendingTick[] {
  if (playbookId === null) return [];
  const incident = resolveId(incidentId, ids);
  const out: PendingTick[] = [];
  for (const e of entries) {
    if (e.kind !== 'tick' || resolveId(e.incidentId, ids) !== incident) continue;
    if (e.body.playbookId !== playbookId || !e.suffix.startsWith(STEP_SUFFIX)) continue;
    const stepId = decodeURIComponent(e.suffix.slice(STEP_SUFFIX.length));
    out.push({ stepId, ticked: e.body.ticked === true, actor: String(e.body.actor) });
  }
  return out;
}

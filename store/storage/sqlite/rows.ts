// Between SQLite rows and the contract's shapes. Rows are trusted (only this store writes them),
// so reading them checks types only as far as TypeScript needs it.
import type { SQLInputValue, SQLOutputValue } from 'node:sqlite';
import type {
  Change,
  ControlAuditRecord,
  Incident,
  IncidentStatus,
  IncidentType,
  SavedPlaybook,
  Severity,
  SeverityScheme,
  TimelineEvent,
  TimelineEventType,
  ControlResult,
} from '../../../contract/store-schemas.ts';
import type { NewIncident } from '../storage.ts';

export type Row = Record<string, SQLOutputValue>;
export type Params = Record<string, SQLInputValue>;

export const incidentIdOf = (incidentNumber: number): string => `INC-${incidentNumber}`;

/** The number in `INC-<number>`, or null for anything else (which then names no incident). */
export function incidentNumberOf(id: string): number | null {
  const match = /^INC-([1-9]\d{0,14})$/.exec(id);
  return match ? Number(match[1]) : null;
}

const text = (row: Row, key: string): string => String(row[key]);
const textOrNull = (row: Row, key: string): string | null => (row[key] === null ? null : String(row[key]));
const number = (row: Row, key: string): number => Number(row[key]);
const json = <T>(row: Row, key: string): T => JSON.parse(text(row, key)) as T;

export function incidentFromRow(row: Row): Incident {
  return {
    id: incidentIdOf(number(row, 'number')),
    title: text(row, 'title'),
    systemId: textOrNull(row, 'system_id'),
    severityScheme: text(row, 'severity_scheme') as SeverityScheme,
    severity: text(row, 'severity') as Severity,
    type: text(row, 'type') as IncidentType,
    status: text(row, 'status') as IncidentStatus,
    affectedServices: json<string[]>(row, 'affected_services'),
    affectedVenues: json<string[]>(row, 'affected_venues'),
    declaredAt: text(row, 'declared_at'),
    declaredBy: text(row, 'declared_by'),
    acknowledgedAt: textOrNull(row, 'acknowledged_at'),
    acknowledgedBy: textOrNull(row, 'acknowledged_by'),
    statusChangedAt: text(row, 'status_changed_at'),
    resolvedAt: textOrNull(row, 'resolved_at'),
    lastNoteAt: textOrNull(row, 'last_note_at'),
    roles: {
      commander: textOrNull(row, 'commander'),
      scribe: textOrNull(row, 'scribe'),
      communications: textOrNull(row, 'communications'),
    },
    impact: textOrNull(row, 'impact'),
    rootCause: textOrNull(row, 'root_cause'),
    updatedAt: text(row, 'updated_at'),
  };
}

/** Named parameters for every incident column but `number`. */
export function incidentParams(incident: NewIncident): Params {
  return {
    title: incident.title,
    system_id: incident.systemId,
    severity_scheme: incident.severityScheme,
    severity: incident.severity,
    type: incident.type,
    status: incident.status,
    affected_services: JSON.stringify(incident.affectedServices),
    affected_venues: JSON.stringify(incident.affectedVenues),
    declared_at: incident.declaredAt,
    declared_by: incident.declaredBy,
    acknowledged_at: incident.acknowledgedAt,
    acknowledged_by: incident.acknowledgedBy,
    status_changed_at: incident.statusChangedAt,
    resolved_at: incident.resolvedAt,
    last_note_at: incident.lastNoteAt,
    commander: incident.roles.commander,
    scribe: incident.roles.scribe,
    communications: incident.roles.communications,
    impact: incident.impact,
    root_cause: incident.rootCause,
    updated_at: incident.updatedAt,
  };
}

/** The columns incidentParams fills, in its order, for building INSERT and UPDATE statements. */
export const INCIDENT_COLUMNS = [
  'title',
  'system_id',
  'severity_scheme',
  'severity',
  'type',
  'status',
  'affected_services',
  'affected_venues',
  'declared_at',
  'declared_by',
  'acknowledged_at',
  'acknowledged_by',
  'status_changed_at',
  'resolved_at',
  'last_note_at',
  'commander',
  'scribe',
  'communications',
  'impact',
  'root_cause',
  'updated_at',
] as const;

export function timelineEventFromRow(row: Row): TimelineEvent {
  return {
    seq: number(row, 'seq'),
    incidentId: incidentIdOf(number(row, 'incident_number')),
    at: text(row, 'at'),
    actor: text(row, 'actor'),
    type: text(row, 'type') as TimelineEventType,
    text: textOrNull(row, 'text'),
    details: json<Record<string, unknown>>(row, 'details'),
  };
}

export function auditRecordFromRow(row: Row): ControlAuditRecord {
  const incident = row['incident_number'];
  return {
    seq: number(row, 'seq'),
    recordedAt: text(row, 'recorded_at'),
    incidentId: incident === null ? null : incidentIdOf(Number(incident)),
    systemId: textOrNull(row, 'system_id'),
    operator: text(row, 'operator'),
    controlId: text(row, 'control_id'),
    scope: text(row, 'scope'),
    reason: text(row, 'reason'),
    idempotencyKey: text(row, 'idempotency_key'),
    result: text(row, 'result') as ControlResult,
    latencyMs: number(row, 'latency_ms'),
    attemptedAt: text(row, 'attempted_at'),
    commandId: textOrNull(row, 'command_id'),
    detail: textOrNull(row, 'detail'),
  };
}

export function savedPlaybookFromRow(row: Row): SavedPlaybook {
  return {
    playbook: json<SavedPlaybook['playbook']>(row, 'playbook'),
    revision: number(row, 'revision'),
    savedAt: text(row, 'saved_at'),
    savedBy: text(row, 'saved_by'),
  };
}

/** A change row: its payload is the change's own field (incident, event, checklist, record or savedPlaybook). */
export function changeFromRow(row: Row): Change {
  return {
    id: number(row, 'id'),
    at: text(row, 'at'),
    incidentId: textOrNull(row, 'incident_id'),
    type: text(row, 'type'),
    ...json<Record<string, unknown>>(row, 'payload'),
  } as Change;
}

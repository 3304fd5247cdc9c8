// The reads, shared by the read connection (committed data only) and by a write's transaction
// (which must see its own writes).
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type {
  Change,
  Checklist,
  ControlAuditRecord,
  Incident,
  SavedPlaybook,
  TimelineEvent,
} from '../../../contract/store-schemas.ts';
import type { IncidentFilter } from '../storage.ts';
import type { Row } from './rows.ts';
import {
  auditRecordFromRow,
  changeFromRow,
  incidentFromRow,
  incidentIdOf,
  incidentNumberOf,
  savedPlaybookFromRow,
  timelineEventFromRow,
} from './rows.ts';

const cache = new WeakMap<DatabaseSync, Map<string, StatementSync>>();

/** A prepared statement, prepared once per connection. */
export function sql(db: DatabaseSync, text: string): StatementSync {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let statement = statements.get(text);
  if (!statement) statements.set(text, (statement = db.prepare(text)));
  return statement;
}

const rows = (statement: StatementSync, ...params: (string | number)[]): Row[] =>
  statement.all(...params) as Row[];

export function readIncident(db: DatabaseSync, id: string): Incident | null {
  const number = incidentNumberOf(id);
  if (number === null) return null;
  const row = sql(db, 'SELECT * FROM incidents WHERE number = ?').get(number) as Row | undefined;
  return row ? incidentFromRow(row) : null;
}

const FILTERS: Record<IncidentFilter, string> = {
  all: '',
  open: "WHERE status <> 'RESOLVED'",
  resolved: "WHERE status = 'RESOLVED'",
};

export function readIncidents(db: DatabaseSync, filter: IncidentFilter): Incident[] {
  return rows(sql(db, `SELECT * FROM incidents ${FILTERS[filter]} ORDER BY number DESC`)).map(
    incidentFromRow,
  );
}

export function readTimeline(db: DatabaseSync, incidentId: string): TimelineEvent[] {
  const number = incidentNumberOf(incidentId);
  if (number === null) return [];
  const statement = sql(db, 'SELECT * FROM timeline_events WHERE incident_number = ? ORDER BY seq');
  return rows(statement, number).map(timelineEventFromRow);
}

/** The checklist of an incident: the active playbook and its ticks, in the order they were made. */
export function readChecklist(db: DatabaseSync, incidentId: string): Checklist {
  const number = incidentNumberOf(incidentId) ?? 0;
  const active = sql(db, 'SELECT * FROM checklists WHERE incident_number = ?').get(number) as Row | undefined;
  if (!active) return { incidentId, playbookId: null, chosenAt: null, chosenBy: null, ticks: [] };
  const playbookId = String(active['playbook_id']);
  const ticks = rows(
    sql(
      db,
      'SELECT step_id, ticked_at, ticked_by FROM step_ticks WHERE incident_number = ? AND playbook_id = ? ORDER BY tick_order',
    ),
    number,
    playbookId,
  ).map((row) => ({
    stepId: String(row['step_id']),
    tickedAt: String(row['ticked_at']),
    tickedBy: String(row['ticked_by']),
  }));
  return {
    incidentId: incidentIdOf(number),
    playbookId,
    chosenAt: String(active['chosen_at']),
    chosenBy: String(active['chosen_by']),
    ticks,
  };
}

export function readAudit(
  db: DatabaseSync,
  query: { incidentId?: string; after: number; limit: number },
): ControlAuditRecord[] {
  if (query.incidentId === undefined) {
    const statement = sql(db, 'SELECT * FROM audit_records WHERE seq > ? ORDER BY seq LIMIT ?');
    return rows(statement, query.after, query.limit).map(auditRecordFromRow);
  }
  const number = incidentNumberOf(query.incidentId);
  if (number === null) return [];
  const statement = sql(
    db,
    'SELECT * FROM audit_records WHERE incident_number = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  return rows(statement, number, query.after, query.limit).map(auditRecordFromRow);
}

export function readSavedPlaybook(db: DatabaseSync, id: string): SavedPlaybook | null {
  const row = sql(db, 'SELECT * FROM saved_playbooks WHERE id = ?').get(id) as Row | undefined;
  return row ? savedPlaybookFromRow(row) : null;
}

export function readSavedPlaybooks(db: DatabaseSync): SavedPlaybook[] {
  return rows(sql(db, 'SELECT * FROM saved_playbooks ORDER BY id')).map(savedPlaybookFromRow);
}

export function readChanges(db: DatabaseSync, after: number, limit: number): Change[] {
  return rows(sql(db, 'SELECT * FROM changes WHERE id > ? ORDER BY id LIMIT ?'), after, limit).map(
    changeFromRow,
  );
}

export function readLastChangeId(db: DatabaseSync): number {
  return Number(sql(db, 'SELECT COALESCE(MAX(id), 0) AS id FROM changes').get()?.['id'] ?? 0);
}

export function readStoreId(db: DatabaseSync): string {
  return String(sql(db, "SELECT value FROM store_meta WHERE key = 'store_id'").get()?.['value']);
}

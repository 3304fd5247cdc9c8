// A write's view of the database inside its transaction. Every mutation appends its change to the
// `changes` table in the same transaction: the feed holds exactly what was committed.
import type { DatabaseSync } from 'node:sqlite';
import type { ChangeType, Incident } from '../../../contract/store-schemas.ts';
import type { NewIncident, TimelineEntry, WriteTx } from '../storage.ts';
import {
  INCIDENT_COLUMNS,
  auditRecordFromRow,
  incidentIdOf,
  incidentNumberOf,
  incidentParams,
  timelineEventFromRow,
} from './rows.ts';
import type { Row } from './rows.ts';
import { readChecklist, readIncident, readSavedPlaybook, sql } from './queries.ts';

const INSERT_INCIDENT = `INSERT INTO incidents (${INCIDENT_COLUMNS.join(', ')})
  VALUES (${INCIDENT_COLUMNS.map((column) => `:${column}`).join(', ')})`;
const UPDATE_INCIDENT = `UPDATE incidents SET ${INCIDENT_COLUMNS.map((c) => `${c} = :${c}`).join(', ')}
  WHERE number = :number`;

/** The change's payload goes under its own field name: incident, event, checklist, record or savedPlaybook. */
function appendChange(
  db: DatabaseSync,
  at: string,
  type: ChangeType,
  incidentId: string | null,
  payload: Record<string, unknown>,
): void {
  sql(db, 'INSERT INTO changes (at, type, incident_id, payload) VALUES (?, ?, ?, ?)').run(
    at,
    type,
    incidentId,
    JSON.stringify(payload),
  );
}

/** The incident number of an id the work has already looked up; a bug if it names none. */
function numberOf(id: string): number {
  const number = incidentNumberOf(id);
  if (number === null) throw new Error(`not an incident id: ${id}`);
  return number;
}

export function sqliteWriteTx(db: DatabaseSync, now: string): WriteTx {
  return {
    now,
    incident: async (id) => readIncident(db, id),
    checklist: async (incidentId) => readChecklist(db, incidentId),

    async createIncident(fields: NewIncident) {
      const result = sql(db, INSERT_INCIDENT).run(incidentParams(fields));
      const incident: Incident = { id: incidentIdOf(Number(result.lastInsertRowid)), ...fields };
      appendChange(db, now, 'incident.created', incident.id, { incident });
      return incident;
    },

    async saveIncident(incident) {
      sql(db, UPDATE_INCIDENT).run({ ...incidentParams(incident), number: numberOf(incident.id) });
      appendChange(db, now, 'incident.updated', incident.id, { incident });
    },

    async appendTimeline(entry: TimelineEntry) {
      const row = sql(
        db,
        `INSERT INTO timeline_events (incident_number, at, actor, type, text, details)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING *`,
      ).get(
        numberOf(entry.incidentId),
        now,
        entry.actor,
        entry.type,
        entry.text,
        JSON.stringify(entry.details),
      );
      const event = timelineEventFromRow(row as Row);
      appendChange(db, now, 'timeline.appended', entry.incidentId, { event });
      return event;
    },

    async choosePlaybook(incidentId, playbookId, actor) {
      sql(
        db,
        `INSERT INTO checklists (incident_number, playbook_id, chosen_at, chosen_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (incident_number) DO UPDATE
         SET playbook_id = excluded.playbook_id, chosen_at = excluded.chosen_at, chosen_by = excluded.chosen_by`,
      ).run(numberOf(incidentId), playbookId, now, actor);
      const checklist = readChecklist(db, incidentId);
      appendChange(db, now, 'checklist.changed', incidentId, { checklist });
      return checklist;
    },

    async setTick(incidentId, stepId, by) {
      const number = numberOf(incidentId);
      const playbookId = readChecklist(db, incidentId).playbookId;
      if (playbookId === null) throw new Error(`${incidentId} has no active playbook`);
      if (by === null)
        sql(db, 'DELETE FROM step_ticks WHERE incident_number = ? AND playbook_id = ? AND step_id = ?').run(
          number,
          playbookId,
          stepId,
        );
      else
        sql(
          db,
          `INSERT INTO step_ticks (incident_number, playbook_id, step_id, ticked_at, ticked_by)
           VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        ).run(number, playbookId, stepId, now, by);
      const checklist = readChecklist(db, incidentId);
      appendChange(db, now, 'checklist.changed', incidentId, { checklist });
      return checklist;
    },

    async appendAudit(draft) {
      const row = sql(
        db,
        `INSERT INTO audit_records (recorded_at, incident_number, system_id, operator, control_id, scope,
           reason, idempotency_key, result, latency_ms, attempted_at, command_id, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      ).get(
        now,
        draft.incidentId === null ? null : numberOf(draft.incidentId),
        draft.systemId ?? null,
        draft.operator,
        draft.controlId,
        draft.scope,
        draft.reason,
        draft.idempotencyKey,
        draft.result,
        draft.latencyMs,
        draft.attemptedAt,
        draft.commandId ?? null,
        draft.detail ?? null,
      ) as Row;
      const record = auditRecordFromRow(row);
      appendChange(db, now, 'audit.appended', record.incidentId, { record });
      return record;
    },

    savedPlaybook: async (id) => readSavedPlaybook(db, id),

    async savePlaybook(saved) {
      sql(
        db,
        `INSERT INTO saved_playbooks (id, revision, playbook, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, playbook = excluded.playbook,
           saved_at = excluded.saved_at, saved_by = excluded.saved_by`,
      ).run(saved.playbook.id, saved.revision, JSON.stringify(saved.playbook), saved.savedAt, saved.savedBy);
      appendChange(db, now, 'playbook.saved', null, { savedPlaybook: saved });
    },
  };
}

import {
  checklistSchema,
  controlAuditDraftSchema,
  controlAuditRecordSchema,
  incidentSchema,
  timelineEventSchema,
} from '../../contract/store-schemas.ts';
import type { Checklist, ControlAuditRecord, Incident, TimelineEvent } from '../../contract/store-schemas.ts';
import { parseOrExplain } from '../../contract/validate.ts';
import type { ParseResult } from '../../contract/validate.ts';
import { auditEntrySchema, isLocalId } from './outbox-file.ts';
import type { AuditEntry, OutboxEntry, OutboxFile } from './outbox-file.ts';

// What the outbox sends for an entry and how it reads the store's answer: the request's path and
// body once the store's ids for incidents declared offline are known, audit records re-queued
// without an incident that is gone, and each kind's answer read with its schema.

export type Delivered =
  | { kind: 'incident'; incident: Incident }
  | { kind: 'event'; event: TimelineEvent }
  | { kind: 'checklist'; checklist: Checklist }
  | { kind: 'audit'; record: ControlAuditRecord };

const MAX_AUDIT_DETAIL = controlAuditDraftSchema.shape.detail.unwrap().unwrap().maxLength ?? Infinity;
const MAX_KEY = auditEntrySchema.shape.key.maxLength ?? 128;
const UNLINKED = '.unlinked';

/**
 * An audit record the store refused because its incident is gone (deleted, or a store that was
 * reset): the control was still used, so the record is sent again without the incident, saying
 * which one it was for. A new key, because the store has kept its refusal under the old one; the
 * same in every tab, so two tabs re-queueing it still make one record.
 */
export function unlinkedRecord(head: AuditEntry, incidentId: string): AuditEntry {
  const note = `recorded without incident ${incidentId}: the store no longer has it`;
  const before = typeof head.body['detail'] === 'string' ? head.body['detail'] : '';
  // What the record already said comes first; cut, rather than the note, to stay in the limit.
  const room = MAX_AUDIT_DETAIL - note.length - 3;
  const kept = before.length > room ? `${before.slice(0, Math.max(0, room - 1))}…` : before;
  const detail = (kept ? `${kept} — ${note}` : note).slice(0, MAX_AUDIT_DETAIL);
  return {
    ...head,
    incidentId: null,
    key: `${head.key.slice(0, MAX_KEY - UNLINKED.length)}${UNLINKED}`,
    body: { ...head.body, incidentId: null, detail },
    attempts: 0,
    problem: null,
  };
}

/** The incident an audit record is sent with: the store's id for one declared offline. */
export function auditIncidentOf(head: AuditEntry, file: OutboxFile): string | null {
  // The control was used whatever became of the incident: if its declaration was refused, the
  // record goes without an incident rather than not at all.
  const id = head.incidentId;
  return id !== null && isLocalId(id) ? (file.ids[id] ?? null) : id;
}

/**
 * Where the head is sent and with what body, once the store's ids for incidents declared offline
 * are known: the queue is in order, so a declaration has been answered before anything that
 * names its placeholder comes to the head.
 */
export function requestFor(
  head: OutboxEntry,
  file: OutboxFile,
): { path: string; body: Record<string, unknown> } | { refused: string } {
  if (head.kind === 'audit')
    return { path: '/audit', body: { ...head.body, incidentId: auditIncidentOf(head, file) } };
  if (head.kind === 'declare') return { path: '/incidents', body: head.body };
  const incidentId = isLocalId(head.incidentId) ? file.ids[head.incidentId] : head.incidentId;
  if (incidentId === undefined)
    return { refused: 'its incident was never declared: that declaration was refused' };
  return { path: `/incidents/${encodeURIComponent(incidentId)}${head.suffix}`, body: head.body };
}

/** The store's answer, read as what this kind of write gives back. */
export function answerOf(head: OutboxEntry, value: unknown): ParseResult<Delivered> {
  const what = 'store answer';
  const as = <T>(parsed: ParseResult<T>, wrap: (value: T) => Delivered): ParseResult<Delivered> =>
    parsed.ok ? { ok: true, value: wrap(parsed.value) } : parsed;
  switch (head.kind) {
    case 'note':
    case 'event':
      return as(parseOrExplain(timelineEventSchema, value, what), (event) => ({ kind: 'event', event }));
    case 'playbook':
    case 'tick':
      return as(parseOrExplain(checklistSchema, value, what), (checklist) => ({
        kind: 'checklist',
        checklist,
      }));
    case 'audit':
      return as(parseOrExplain(controlAuditRecordSchema, value, what), (record) => ({
        kind: 'audit',
        record,
      }));
    default:
      return as(parseOrExplain(incidentSchema, value, what), (incident) => ({ kind: 'incident', incident }));
  }
}

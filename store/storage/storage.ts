// The one interface between the store's API and its database. SQLite implements it today
// (storage/sqlite/); PostgreSQL will implement the same operations, so nothing above this file
// may know which database it talks to. Every operation returns a promise for that reason, even
// where SQLite answers synchronously.
import type {
  Change,
  Checklist,
  ControlAuditDraft,
  ControlAuditRecord,
  Incident,
  SavedPlaybook,
  TimelineEvent,
  TimelineEventType,
} from '../../contract/store-schemas.ts';

/** What a write answered: kept under its idempotency key and given again to a repeat. */
export interface WriteReply {
  status: number;
  body: unknown;
}

/** A write as the client meant it: its key, and a fingerprint of the request it named. */
export interface WriteRequest {
  key: string;
  fingerprint: string;
  /** Method and path of the request, to say where a reused key was first used. */
  method: string;
  path: string;
}

export type WriteOutcome =
  /** The work ran and committed (or was refused, and the refusal was recorded). */
  | { kind: 'written'; reply: WriteReply }
  /** The key was seen with the same fingerprint: its first reply, nothing written. */
  | { kind: 'replayed'; reply: WriteReply }
  /** The key was seen with another fingerprint: nothing written. */
  | { kind: 'key-reused'; firstUse: { method: string; path: string; at: string } };

/**
 * Thrown by a write's work when the state does not allow it (no such incident, a status move
 * backwards). The storage undoes whatever the work wrote, then records the refusal under the
 * key like any reply, so a retry gets the same answer.
 */
export class WriteRefusal extends Error {
  readonly status: number;
  readonly title: string;
  /** Fields the problem document carries besides title, status and detail (a conflict's `current`). */
  readonly extra: Readonly<Record<string, unknown>>;
  constructor(status: number, title: string, detail: string, extra: Record<string, unknown> = {}) {
    super(detail);
    this.status = status;
    this.title = title;
    this.extra = extra;
  }

  reply(): WriteReply {
    return {
      status: this.status,
      body: { title: this.title, status: this.status, detail: this.message, ...this.extra },
    };
  }
}

export type NewIncident = Omit<Incident, 'id'>;

export interface TimelineEntry {
  incidentId: string;
  actor: string;
  type: TimelineEventType;
  text: string | null;
  details: Record<string, unknown>;
}

/**
 * What a write's work may do, inside its transaction. Each mutation also appends its change
 * (incident.created, incident.updated, timeline.appended, checklist.changed, audit.appended,
 * playbook.saved) to the change feed in the same transaction, so the feed cannot miss or invent
 * a change.
 */
export interface WriteTx {
  /** The transaction's time: every time stamp the write sets. */
  readonly now: string;
  incident(id: string): Promise<Incident | null>;
  checklist(incidentId: string): Promise<Checklist>;
  /** Gives the incident its id. */
  createIncident(fields: NewIncident): Promise<Incident>;
  saveIncident(incident: Incident): Promise<void>;
  /** Gives the event its `seq` and `at`. */
  appendTimeline(entry: TimelineEntry): Promise<TimelineEvent>;
  /** Makes `playbookId` the active playbook; its earlier ticks, if any, count again. */
  choosePlaybook(incidentId: string, playbookId: string, actor: string): Promise<Checklist>;
  /** Ticks (`by` a person) or unticks (null) a step of the active playbook. */
  setTick(incidentId: string, stepId: string, by: string | null): Promise<Checklist>;
  appendAudit(draft: ControlAuditDraft): Promise<ControlAuditRecord>;
  savedPlaybook(id: string): Promise<SavedPlaybook | null>;
  /** Stores this revision in place of the one before (the change feed keeps every revision). */
  savePlaybook(saved: SavedPlaybook): Promise<void>;
}

export interface StoreInfo {
  storeId: string;
  storage: string;
  schemaVersion: number;
  lastChangeId: number;
}

export type IncidentFilter = 'open' | 'resolved' | 'all';

/**
 * A signed-in session as stored: only the SHA-256 of its id, so that a copy of the database
 * signs nobody in. Times are ISO-8601 UTC; the person's role is not kept here but read from the
 * operators file on every use, so that a changed file takes effect on the next request.
 */
export interface StoredSession {
  idHash: string;
  operator: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/**
 * Sessions are not war-room records: no change feed, no idempotency key. Their writes still
 * take their turn with every other write on the one connection that writes.
 */
export interface SessionStorage {
  createSession(session: StoredSession): Promise<void>;
  session(idHash: string): Promise<StoredSession | null>;
  /** Moves a session's expiry on when it is used. */
  touchSession(idHash: string, lastSeenAt: string, expiresAt: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Removes every session that expired before `now`. */
  deleteExpiredSessions(now: string): Promise<void>;
}

/**
 * What the connector sent each trading system, by command key (see connector/control/executor.ts).
 * Not a war-room record: no change feed; the outcome is the connector's JSON, kept as it is.
 */
export interface ControlKeyStorage {
  controlKey(systemId: string, key: string): Promise<{ fingerprint: string; outcome: string } | null>;
  putControlKey(systemId: string, key: string, fingerprint: string, outcome: string): Promise<void>;
  deleteControlKey(systemId: string, key: string): Promise<void>;
}

export interface Storage {
  info(): Promise<StoreInfo>;
  /**
   * Runs `work` in one transaction with the idempotency check and the recording of its reply:
   * the outcome is returned only after the transaction committed.
   */
  write(request: WriteRequest, work: (tx: WriteTx) => Promise<WriteReply>): Promise<WriteOutcome>;
  incident(id: string): Promise<Incident | null>;
  /** The incidents, newest first, and the newest change they include, read consistently. */
  incidents(filter: IncidentFilter): Promise<{ incidents: Incident[]; lastChangeId: number }>;
  timeline(incidentId: string): Promise<TimelineEvent[]>;
  checklist(incidentId: string): Promise<Checklist>;
  audit(query: { incidentId?: string; after: number; limit: number }): Promise<ControlAuditRecord[]>;
  /** The saved playbooks by id, and the newest change they include, read consistently. */
  playbooks(): Promise<{ playbooks: SavedPlaybook[]; lastChangeId: number }>;
  /** Changes with an id greater than `after`, oldest first. */
  changes(after: number, limit: number): Promise<Change[]>;
  sessions: SessionStorage;
  controlKeys: ControlKeyStorage;
  /**
   * Calls `listener` after each commit that appended changes: in-process for SQLite; for several
   * instances on PostgreSQL, on LISTEN/NOTIFY. Returns the unsubscribe function.
   */
  onCommit(listener: () => void): () => void;
  close(): Promise<void>;
}

// Schema migrations, applied in order on open. A migration is never edited once released: a
// change to the schema is a new entry, so every database reaches the same schema by the same steps.
import type { DatabaseSync } from 'node:sqlite';

interface Migration {
  version: number;
  sql: string;
}

// Incidents are keyed by a number (AUTOINCREMENT: never reused) and shown as INC-<number>.
// JSON columns hold what is only ever read whole (lists of names, event details, change payloads).
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      -- Names this database: change ids from another one mean nothing.
      INSERT INTO store_meta (key, value) VALUES ('store_id', lower(hex(randomblob(16))));

      CREATE TABLE incidents (
        number INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        severity_scheme TEXT NOT NULL,
        severity TEXT NOT NULL,
        type TEXT NOT NULL,
        status TEXT NOT NULL,
        affected_services TEXT NOT NULL,
        affected_venues TEXT NOT NULL,
        declared_at TEXT NOT NULL,
        declared_by TEXT NOT NULL,
        acknowledged_at TEXT,
        acknowledged_by TEXT,
        status_changed_at TEXT NOT NULL,
        resolved_at TEXT,
        last_note_at TEXT,
        commander TEXT,
        scribe TEXT,
        communications TEXT,
        impact TEXT,
        root_cause TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE timeline_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        incident_number INTEGER NOT NULL REFERENCES incidents (number),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        type TEXT NOT NULL,
        text TEXT,
        details TEXT NOT NULL
      ) STRICT;
      CREATE INDEX timeline_by_incident ON timeline_events (incident_number, seq);

      CREATE TABLE checklists (
        incident_number INTEGER PRIMARY KEY REFERENCES incidents (number),
        playbook_id TEXT NOT NULL,
        chosen_at TEXT NOT NULL,
        chosen_by TEXT NOT NULL
      ) STRICT;

      -- Ticks belong to a playbook, so switching playbooks and back keeps them.
      CREATE TABLE step_ticks (
        tick_order INTEGER PRIMARY KEY AUTOINCREMENT,
        incident_number INTEGER NOT NULL REFERENCES incidents (number),
        playbook_id TEXT NOT NULL,
        step_id TEXT NOT NULL,
        ticked_at TEXT NOT NULL,
        ticked_by TEXT NOT NULL,
        UNIQUE (incident_number, playbook_id, step_id)
      ) STRICT;

      CREATE TABLE audit_records (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        recorded_at TEXT NOT NULL,
        incident_number INTEGER REFERENCES incidents (number),
        operator TEXT NOT NULL,
        control_id TEXT NOT NULL,
        scope TEXT NOT NULL,
        reason TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        result TEXT NOT NULL,
        latency_ms REAL NOT NULL,
        attempted_at TEXT NOT NULL,
        command_id TEXT,
        detail TEXT
      ) STRICT;
      CREATE INDEX audit_by_incident ON audit_records (incident_number, seq);
      -- The audit log is append-only: not even the store itself may change or remove a record.
      CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records
        BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
      CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records
        BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;

      -- The change feed. AUTOINCREMENT: an id is never reused, even if the newest row went away.
      CREATE TABLE changes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        type TEXT NOT NULL,
        incident_id TEXT,
        payload TEXT NOT NULL
      ) STRICT;

      CREATE TABLE idempotency_keys (
        key TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    sql: `
      -- Playbooks the war room imported, the latest revision of each, stored whole as JSON: the
      -- store never reads inside one. Earlier revisions stay in the changes table (playbook.saved).
      CREATE TABLE saved_playbooks (
        id TEXT PRIMARY KEY,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        playbook TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 3,
    sql: `
      -- Signed-in sessions. The id itself is never stored, only its SHA-256 (hex): the cookie is
      -- the only copy. Expired rows are removed as the store goes.
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        operator TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sessions_by_expiry ON sessions (expires_at);
    `,
  },
  {
    version: 4,
    sql: `
      -- Which trading system an incident and a control record are about, now that one board
      -- holds several. Rows from before do not say: NULL, read as "unknown system".
      ALTER TABLE incidents ADD COLUMN system_id TEXT;
      -- Adding a column is no UPDATE: the append-only triggers stay as they are, untouched.
      ALTER TABLE audit_records ADD COLUMN system_id TEXT;

      -- What the store serves again says so too: the change feed replays incidents and records
      -- as they were written, and a retried write answers its first response.
      UPDATE changes SET payload = json_set(payload, '$.incident.systemId', NULL)
        WHERE type IN ('incident.created', 'incident.updated');
      UPDATE changes SET payload = json_set(payload, '$.record.systemId', NULL)
        WHERE type = 'audit.appended';
      UPDATE idempotency_keys SET body = json_set(body, '$.systemId', NULL)
        WHERE json_valid(body) AND json_type(body, '$.declaredAt') IS NOT NULL;
      UPDATE idempotency_keys SET body = json_set(body, '$.systemId', NULL)
        WHERE json_valid(body) AND json_type(body, '$.controlId') IS NOT NULL
          AND json_type(body, '$.recordedAt') IS NOT NULL;
    `,
  },
  {
    version: 5,
    sql: `
      -- The connector's record of each control command it sent a trading system, by the
      -- command's idempotency key: what came of it, so that a retry after a restart of this
      -- server is answered from here instead of running the command a second time.
      CREATE TABLE control_keys (
        system_id TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        outcome TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (system_id, idempotency_key)
      ) STRICT;
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('SELECT COALESCE(MAX(version), 0) AS version FROM schema_version').get();
  return Number(row?.['version'] ?? 0);
}

/**
 * Brings the database to the latest schema (or to `target`, for tests that need a database as an
 * older store left it), one transaction per migration.
 */
export function migrate(db: DatabaseSync, target = LATEST_SCHEMA_VERSION): number {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  const current = schemaVersion(db);
  // An older store must not write into a schema it does not know.
  if (current > LATEST_SCHEMA_VERSION)
    throw new Error(
      `the database has schema version ${current}, newer than this store knows (${LATEST_SCHEMA_VERSION}): run a newer store`,
    );
  for (const migration of MIGRATIONS.filter((m) => m.version > current && m.version <= target)) {
    db.exec('BEGIN IMMEDIATE');
    try {
      // Another store process opening the same file may have applied it since the version was
      // read: decided again under the write lock, so two starts never apply one migration twice.
      if (schemaVersion(db) >= migration.version) {
        db.exec('COMMIT');
        continue;
      }
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)').run(
        migration.version,
        new Date().toISOString(),
      );
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
  return schemaVersion(db);
}

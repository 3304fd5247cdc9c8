// The Storage interface on SQLite (node:sqlite). Two connections: one writes, one reads. The
// read connection sees only committed data (WAL gives it a consistent snapshot per transaction),
// so a read never shows a write that may still roll back.
import { DatabaseSync } from 'node:sqlite';
import type { Storage, WriteOutcome, WriteReply, WriteRequest, WriteTx } from '../storage.ts';
import { WriteRefusal } from '../storage.ts';
import { migrate } from './migrations.ts';
import {
  readAudit,
  readChanges,
  readChecklist,
  readIncident,
  readIncidents,
  readLastChangeId,
  readSavedPlaybooks,
  readStoreId,
  readTimeline,
  sql,
} from './queries.ts';
import { sqliteControlKeys } from './control-keys.ts';
import { sqliteSessions } from './sessions.ts';
import { sqliteWriteTx } from './write-tx.ts';

/** The write connection, set up for durability; exported so a test can read its settings. */
export function openWriter(path: string): DatabaseSync {
  const db = new DatabaseSync(path);
  // WAL lets the reader read while a write is open; FULL syncs the WAL on every commit, so a
  // commit survives a crash or power loss, not only a killed process.
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  return db;
}

function notify(listener: () => void): void {
  try {
    listener();
  } catch (error) {
    console.error('war-room store: a change listener failed', error);
  }
}

export function openSqliteStorage(path: string): Storage {
  const writer = openWriter(path);
  const schemaVersion = migrate(writer);
  const reader = new DatabaseSync(path, { readOnly: true });
  reader.exec('PRAGMA busy_timeout = 5000');
  const storeId = readStoreId(writer);
  const listeners = new Set<() => void>();

  // One write at a time: a write's work is async (the interface must suit PostgreSQL), and two
  // transactions cannot interleave on one connection.
  let queue: Promise<unknown> = Promise.resolve();

  async function runWrite(
    request: WriteRequest,
    work: (tx: WriteTx) => Promise<WriteReply>,
  ): Promise<WriteOutcome> {
    writer.exec('BEGIN IMMEDIATE');
    try {
      const seen = sql(writer, 'SELECT * FROM idempotency_keys WHERE key = ?').get(request.key);
      if (seen) {
        writer.exec('ROLLBACK');
        if (seen['fingerprint'] === request.fingerprint)
          return {
            kind: 'replayed',
            reply: { status: Number(seen['status']), body: JSON.parse(String(seen['body'])) as unknown },
          };
        const firstUse = {
          method: String(seen['method']),
          path: String(seen['path']),
          at: String(seen['created_at']),
        };
        return { kind: 'key-reused', firstUse };
      }
      const before = readLastChangeId(writer);
      const now = new Date().toISOString();
      writer.exec('SAVEPOINT work');
      let reply: WriteReply;
      try {
        reply = await work(sqliteWriteTx(writer, now));
      } catch (error) {
        if (!(error instanceof WriteRefusal)) throw error;
        // Undo what the work wrote before it refused; the refusal itself is recorded below.
        writer.exec('ROLLBACK TO work');
        reply = error.reply();
      }
      writer.exec('RELEASE work');
      sql(
        writer,
        'INSERT INTO idempotency_keys (key, fingerprint, method, path, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(
        request.key,
        request.fingerprint,
        request.method,
        request.path,
        reply.status,
        JSON.stringify(reply.body),
        now,
      );
      writer.exec('COMMIT');
      // After the commit: a listener that fails must not turn a committed write into an error.
      if (readLastChangeId(writer) !== before) for (const listener of listeners) notify(listener);
      return { kind: 'written', reply };
    } catch (error) {
      if (writer.isTransaction) writer.exec('ROLLBACK');
      throw error;
    }
  }

  /** A read in one transaction, so that what it reads in several queries is one snapshot. */
  function read<T>(query: () => T): Promise<T> {
    reader.exec('BEGIN');
    try {
      return Promise.resolve(query());
    } finally {
      reader.exec('COMMIT');
    }
  }

  /** Work on the write connection in its turn, outside every write's transaction. */
  function exclusive(work: () => void): Promise<void> {
    const done = queue.then(work);
    queue = done.catch(() => {});
    return done;
  }

  return {
    info: () =>
      read(() => ({ storeId, storage: 'sqlite', schemaVersion, lastChangeId: readLastChangeId(reader) })),
    write(request, work) {
      const outcome = queue.then(() => runWrite(request, work));
      queue = outcome.catch(() => {});
      return outcome;
    },
    incident: (id) => read(() => readIncident(reader, id)),
    incidents: (filter) =>
      read(() => ({ incidents: readIncidents(reader, filter), lastChangeId: readLastChangeId(reader) })),
    timeline: (incidentId) => read(() => readTimeline(reader, incidentId)),
    checklist: (incidentId) => read(() => readChecklist(reader, incidentId)),
    audit: (query) => read(() => readAudit(reader, query)),
    playbooks: () =>
      read(() => ({ playbooks: readSavedPlaybooks(reader), lastChangeId: readLastChangeId(reader) })),
    changes: (after, limit) => read(() => readChanges(reader, after, limit)),
    sessions: sqliteSessions(writer, read, reader, exclusive),
    controlKeys: sqliteControlKeys(writer, read, reader, exclusive),
    onCommit(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await queue;
      // Closing twice (a signal during shutdown, a test's cleanup) is not an error.
      if (!writer.isOpen) return;
      reader.close();
      writer.close();
    },
  };
}

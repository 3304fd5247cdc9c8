// Signed-in sessions on SQLite. Reads go through the read connection (committed data only);
// writes are handed to `exclusive`, which runs them between the store's other writes on the
// write connection, never inside one of their transactions.
import type { DatabaseSync } from 'node:sqlite';
import type { SessionStorage, StoredSession } from '../storage.ts';
import { sql } from './queries.ts';
import type { Row } from './rows.ts';

function sessionFromRow(row: Row): StoredSession {
  return {
    idHash: String(row['id_hash']),
    operator: String(row['operator']),
    createdAt: String(row['created_at']),
    lastSeenAt: String(row['last_seen_at']),
    expiresAt: String(row['expires_at']),
  };
}

export function sqliteSessions(
  writer: DatabaseSync,
  read: <T>(query: () => T) => Promise<T>,
  reader: DatabaseSync,
  exclusive: (work: () => void) => Promise<void>,
): SessionStorage {
  return {
    createSession: (s) =>
      exclusive(() => {
        sql(
          writer,
          'INSERT INTO sessions (id_hash, operator, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)',
        ).run(s.idHash, s.operator, s.createdAt, s.lastSeenAt, s.expiresAt);
      }),
    session: (idHash) =>
      read(() => {
        const row = sql(reader, 'SELECT * FROM sessions WHERE id_hash = ?').get(idHash);
        return row ? sessionFromRow(row as Row) : null;
      }),
    touchSession: (idHash, lastSeenAt, expiresAt) =>
      exclusive(() => {
        sql(writer, 'UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?').run(
          lastSeenAt,
          expiresAt,
          idHash,
        );
      }),
    deleteSession: (idHash) =>
      exclusive(() => {
        sql(writer, 'DELETE FROM sessions WHERE id_hash = ?').run(idHash);
      }),
    deleteExpiredSessions: (now) =>
      exclusive(() => {
        sql(writer, 'DELETE FROM sessions WHERE expires_at < ?').run(now);
      }),
  };
}

// The connector's control keys on SQLite: reads on the read connection, writes taking their turn
// on the write connection between the store's other writes (as sessions do).
import type { DatabaseSync } from 'node:sqlite';
import type { ControlKeyStorage } from '../storage.ts';
import { sql } from './queries.ts';

export function sqliteControlKeys(
  writer: DatabaseSync,
  read: <T>(query: () => T) => Promise<T>,
  reader: DatabaseSync,
  exclusive: (work: () => void) => Promise<void>,
): ControlKeyStorage {
  return {
    controlKey: (systemId, key) =>
      read(() => {
        const row = sql(
          reader,
          'SELECT fingerprint, outcome FROM control_keys WHERE system_id = ? AND idempotency_key = ?',
        ).get(systemId, key);
        return row ? { fingerprint: String(row['fingerprint']), outcome: String(row['outcome']) } : null;
      }),
    putControlKey: (systemId, key, fingerprint, outcome) =>
      exclusive(() => {
        sql(
          writer,
          `INSERT INTO control_keys (system_id, idempotency_key, fingerprint, outcome, recorded_at)
           VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (system_id, idempotency_key) DO UPDATE SET outcome = excluded.outcome, recorded_at = excluded.recorded_at`,
        ).run(systemId, key, fingerprint, outcome, new Date().toISOString());
      }),
    deleteControlKey: (systemId, key) =>
      exclusive(() => {
        sql(writer, 'DELETE FROM control_keys WHERE system_id = ? AND idempotency_key = ?').run(
          systemId,
          key,
        );
      }),
  };
}

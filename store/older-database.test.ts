// A database an older store left (schema 3, before incidents and control records named their
// trading system), opened by this store as a real process: what it held reads as "the system is
// not known", everywhere the store serves it again, and new writes name their system beside it.
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { requestFingerprint } from './api/fingerprint.ts';
import { storeProcessFactory } from './process-support.ts';
import { migrate } from './storage/sqlite/migrations.ts';
import { openWriter } from './storage/sqlite/sqlite-storage.ts';
import { TEST_TIMEOUT_MS, call, declaration, tempDir, write } from './test-support.ts';

const runStore = storeProcessFactory();
const removals: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const remove of removals.splice(0)) await remove();
});

const AT = '2026-01-05T09:58:12.000Z';

/** What a schema-3 store wrote for one declaration and one control record, row for row. */
function olderStoreWrites(path: string, declareKey: string): void {
  const db = openWriter(path);
  expect(migrate(db, 3)).toBe(3);
  const { actor, ...declared } = declaration();
  const incident = {
    id: 'INC-1',
    ...declared,
    status: 'INVESTIGATING',
    declaredAt: AT,
    declaredBy: actor,
    acknowledgedAt: null,
    acknowledgedBy: null,
    statusChangedAt: AT,
    resolvedAt: null,
    lastNoteAt: null,
    roles: { commander: null, scribe: null, communications: null },
    impact: null,
    rootCause: null,
    updatedAt: AT,
  };
  db.prepare(
    `INSERT INTO incidents (title, severity_scheme, severity, type, status, affected_services,
       affected_venues, declared_at, declared_by, status_changed_at, updated_at)
     VALUES (?, ?, ?, ?, 'INVESTIGATING', ?, ?, ?, ?, ?, ?)`,
  ).run(
    incident.title,
    incident.severityScheme,
    incident.severity,
    incident.type,
    JSON.stringify(incident.affectedServices),
    JSON.stringify(incident.affectedVenues),
    AT,
    actor,
    AT,
    AT,
  );
  const record = {
    seq: 1,
    recordedAt: AT,
    incidentId: 'INC-1',
    operator: 'ana',
    controlId: 'halt',
    scope: 'all',
    reason: 'Runaway order flow',
    idempotencyKey: 'cmd-key-0001',
    result: 'accepted',
    latencyMs: 12,
    attemptedAt: AT,
    commandId: null,
    detail: null,
  };
  db.prepare(
    `INSERT INTO audit_records (recorded_at, incident_number, operator, control_id, scope, reason,
       idempotency_key, result, latency_ms, attempted_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(AT, 'ana', 'halt', 'all', record.reason, record.idempotencyKey, 'accepted', 12, AT);
  const change = db.prepare('INSERT INTO changes (at, type, incident_id, payload) VALUES (?, ?, ?, ?)');
  change.run(AT, 'incident.created', 'INC-1', JSON.stringify({ incident }));
  change.run(AT, 'audit.appended', 'INC-1', JSON.stringify({ record }));
  const incidentsPath = '/warroom/v1/incidents';
  db.prepare(
    `INSERT INTO idempotency_keys (key, fingerprint, method, path, status, body, created_at)
     VALUES (?, ?, 'POST', ?, 201, ?, ?)`,
  ).run(
    declareKey,
    requestFingerprint('POST', incidentsPath, declaration()),
    incidentsPath,
    JSON.stringify(incident),
    AT,
  );
  db.close();
}

describe('a database of an older store', { timeout: TEST_TIMEOUT_MS * 2 }, () => {
  test('its incidents and records read as naming no system; new ones name theirs', async () => {
    const dir = await tempDir();
    removals.push(dir.remove);
    const db = join(dir.path, 'war-room.db');
    olderStoreWrites(db, 'older-declare-key-1');

    const store = runStore(['--port', '0', '--db', db]);
    const port = await store.port();
    const api = (path: string) => `http://127.0.0.1:${port}/warroom/v1${path}`;

    // Read raw: `systemId: null` must be in what the store sends, not filled in by a reader.
    const incidents = (await call(api('/incidents'))).body as { incidents: Record<string, unknown>[] };
    expect(incidents.incidents).toEqual([expect.objectContaining({ id: 'INC-1', systemId: null })]);
    const audit = (await call(api('/audit'))).body as { records: Record<string, unknown>[] };
    expect(audit.records).toEqual([expect.objectContaining({ seq: 1, systemId: null })]);
    const feed = (await call(api('/changes?after=0'))).body as {
      changes: Record<string, Record<string, unknown>>[];
    };
    const written = feed.changes.map((c) => c['incident'] ?? c['record'] ?? {});
    expect(written.map((w) => [w['id'] ?? w['seq'], 'systemId' in w, w['systemId']])).toEqual([
      ['INC-1', true, null],
      [1, true, null],
    ]);
    // A dashboard retrying the older declaration gets its first answer, naming no system either.
    const replay = await write(api('/incidents'), 'POST', declaration(), { key: 'older-declare-key-1' });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toMatchObject({ id: 'INC-1', systemId: null });

    const named = await write(api('/incidents'), 'POST', declaration({ systemId: 'hft' }));
    expect(named.body).toMatchObject({ id: 'INC-2', systemId: 'hft' });
    const recorded = await write(api('/audit'), 'POST', {
      incidentId: 'INC-2',
      systemId: 'hft',
      operator: 'ana',
      controlId: 'halt',
      scope: 'system:hft',
      reason: 'Runaway order flow',
      idempotencyKey: 'cmd-key-0002',
      result: 'accepted',
      latencyMs: 9,
      attemptedAt: AT,
    });
    expect(recorded.body).toMatchObject({ seq: 2, systemId: 'hft' });
    const health = (await call(api('/health'))).body as { schemaVersion: number };
    expect(health.schemaVersion).toBe(5);
  });
});

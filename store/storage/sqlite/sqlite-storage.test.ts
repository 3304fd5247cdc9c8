import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { tempDir } from '../../test-support.ts';
import type { Storage, WriteRequest, WriteTx } from '../storage.ts';
import { WriteRefusal } from '../storage.ts';
import { savedPlaybookFixture } from '../../../contract/fixtures.ts';
import { migrate } from './migrations.ts';
import { openSqliteStorage, openWriter } from './sqlite-storage.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function dbPath(): Promise<string> {
  const dir = await tempDir();
  cleanups.push(dir.remove);
  return join(dir.path, 'store.db');
}

function open(path: string): Storage {
  const storage = openSqliteStorage(path);
  cleanups.push(() => storage.close());
  return storage;
}

const request = (key: string, fingerprint = 'f1'): WriteRequest => ({
  key,
  fingerprint,
  method: 'POST',
  path: '/x',
});

async function declareIn(tx: WriteTx) {
  return tx.createIncident({
    title: 't',
    systemId: null,
    severityScheme: 'P0-P3',
    severity: 'P1',
    type: 'database',
    status: 'INVESTIGATING',
    affectedServices: [],
    affectedVenues: [],
    declaredAt: tx.now,
    declaredBy: 'a',
    acknowledgedAt: null,
    acknowledgedBy: null,
    statusChangedAt: tx.now,
    resolvedAt: null,
    lastNoteAt: null,
    roles: { commander: null, scribe: null, communications: null },
    impact: null,
    rootCause: null,
    updatedAt: tx.now,
  });
}

describe('SQLite storage', () => {
  test('the migrations create everything once, in WAL mode; the store id stays with the file', async () => {
    const path = await dbPath();
    const first = open(path);
    const { storeId, schemaVersion } = await first.info();
    expect(schemaVersion).toBe(5);
    await first.close();
    const again = open(path);
    expect(await again.info()).toMatchObject({ storeId, schemaVersion: 5, storage: 'sqlite' });

    const raw = new DatabaseSync(path, { readOnly: true });
    cleanups.push(() => raw.close());
    expect(raw.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(raw.prepare('SELECT version FROM schema_version').all()).toEqual([
      { version: 1 },
      { version: 2 },
      { version: 3 },
      { version: 4 },
      { version: 5 },
    ]);
  });

  test('a database of an older store (schema 1) gets saved playbooks and keeps what it held', async () => {
    const path = await dbPath();
    const old = openWriter(path);
    expect(migrate(old, 1)).toBe(1);
    old.exec(
      `INSERT INTO changes (at, type, incident_id, payload) VALUES ('2026-01-01T00:00:00Z', 'x', NULL, '{}')`,
    );
    const storeId = old.prepare("SELECT value FROM store_meta WHERE key = 'store_id'").get()?.['value'];
    old.close();

    const storage = open(path);
    expect(await storage.info()).toMatchObject({ storeId, schemaVersion: 5, lastChangeId: 1 });
    expect(await storage.playbooks()).toEqual({ playbooks: [], lastChangeId: 1 });
    const saved = { ...savedPlaybookFixture, revision: 1 };
    await storage.write(request('key-5'), async (tx) => {
      await tx.savePlaybook(saved);
      return { status: 201, body: saved };
    });
    expect(await storage.playbooks()).toEqual({ playbooks: [saved], lastChangeId: 2 });
  });

  test('two stores starting on one older database apply its migration once, without failing', async () => {
    const path = await dbPath();
    const setup = openWriter(path);
    migrate(setup, 1);
    setup.close();
    const first = openWriter(path);
    const second = openWriter(path);
    cleanups.push(
      () => first.close(),
      () => second.close(),
    );
    // The second store migrates between the first one reading the version and taking the lock.
    let raced = false;
    const racing = new Proxy(first, {
      get(target, prop) {
        if (prop !== 'exec') {
          const value: unknown = Reflect.get(target, prop, target);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        }
        return (sql: string) => {
          if (sql === 'BEGIN IMMEDIATE' && !raced) {
            raced = true;
            migrate(second);
          }
          return target.exec(sql);
        };
      },
    });
    expect(migrate(racing)).toBe(5);
    expect(raced).toBe(true);
    expect(first.prepare('SELECT version FROM schema_version').all()).toEqual([
      { version: 1 },
      { version: 2 },
      { version: 3 },
      { version: 4 },
      { version: 5 },
    ]);
  });

  test('the write connection syncs every commit: WAL with synchronous=FULL', async () => {
    // A killed process loses nothing either way (the OS keeps its buffers); these are what make
    // a commit survive power loss, which no test here can cause.
    const writer = openWriter(await dbPath());
    cleanups.push(() => writer.close());
    expect(writer.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(writer.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
    expect(writer.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
  });

  test('a database written by a newer store is refused, not written into', async () => {
    const path = await dbPath();
    await open(path).close();
    const raw = new DatabaseSync(path);
    raw.prepare("INSERT INTO schema_version VALUES (6, '2030-01-01T00:00:00Z')").run();
    raw.close();
    expect(() => openSqliteStorage(path)).toThrow(
      'the database has schema version 6, newer than this store knows (5): run a newer store',
    );
  });

  test('a refusal undoes what the work wrote but is recorded under its key', async () => {
    const storage = open(await dbPath());
    let commits = 0;
    storage.onCommit(() => (commits += 1));
    const refuse = async (tx: WriteTx) => {
      await declareIn(tx);
      throw new WriteRefusal(409, 'Conflict', 'changed my mind');
    };
    const reply = { status: 409, body: { title: 'Conflict', status: 409, detail: 'changed my mind' } };
    expect(await storage.write(request('key-1'), refuse)).toEqual({ kind: 'written', reply });
    expect(await storage.incidents('all')).toEqual({ incidents: [], lastChangeId: 0 });
    expect(commits).toBe(0);
    expect(await storage.write(request('key-1'), refuse)).toEqual({ kind: 'replayed', reply });
  });

  test('a failure that is not a refusal records nothing: the key stays free for a retry', async () => {
    const storage = open(await dbPath());
    const failing = storage.write(request('key-2'), async (tx) => {
      await declareIn(tx);
      throw new Error('disk on fire');
    });
    await expect(failing).rejects.toThrow('disk on fire');
    const retry = await storage.write(request('key-2'), async (tx) => ({
      status: 201,
      body: await declareIn(tx),
    }));
    expect(retry).toMatchObject({ kind: 'written', reply: { status: 201, body: { id: 'INC-1' } } });
  });

  test('listeners hear each commit that changed something, not replays or key conflicts', async () => {
    const storage = open(await dbPath());
    let commits = 0;
    storage.onCommit(() => (commits += 1));
    const work = async (tx: WriteTx) => ({ status: 201, body: await declareIn(tx) });
    await storage.write(request('key-3'), work);
    await storage.write(request('key-3'), work);
    expect(await storage.write(request('key-3', 'other'), work)).toMatchObject({
      kind: 'key-reused',
      firstUse: { method: 'POST', path: '/x' },
    });
    expect(commits).toBe(1);
  });

  test('audit records are append-only, even for SQL run on the file', async () => {
    const path = await dbPath();
    const storage = open(path);
    await storage.write(request('key-4'), async (tx) => ({
      status: 201,
      body: await tx.appendAudit({
        incidentId: null,
        operator: 'a',
        controlId: 'halt',
        scope: 'all',
        reason: '',
        idempotencyKey: 'k-12345678',
        result: 'failed',
        latencyMs: 0,
        attemptedAt: '2026-01-01T00:00:00Z',
      }),
    }));
    const raw = new DatabaseSync(path);
    cleanups.push(() => raw.close());
    expect(() => raw.exec("UPDATE audit_records SET result = 'accepted'")).toThrow(
      'audit records are append-only',
    );
    expect(() => raw.exec('DELETE FROM audit_records')).toThrow('audit records are append-only');
    expect((await storage.audit({ after: 0, limit: 10 }))[0]?.result).toBe('failed');
  });
});

describe('SQLite sessions', () => {
  const session = (idHash: string, expiresAt: string) => ({
    idHash,
    operator: 'dana',
    createdAt: '2026-11-02T09:00:00.000Z',
    lastSeenAt: '2026-11-02T09:00:00.000Z',
    expiresAt,
  });

  test('kept, moved on, removed; the expired ones swept; none of it in the change feed', async () => {
    const storage = open(await dbPath());
    await storage.sessions.createSession(session('h1', '2026-11-02T21:00:00.000Z'));
    await storage.sessions.createSession(session('h2', '2026-11-02T10:00:00.000Z'));
    expect(await storage.sessions.session('h1')).toEqual(session('h1', '2026-11-02T21:00:00.000Z'));
    await storage.sessions.touchSession('h1', '2026-11-02T12:00:00.000Z', '2026-11-03T00:00:00.000Z');
    expect(await storage.sessions.session('h1')).toMatchObject({
      lastSeenAt: '2026-11-02T12:00:00.000Z',
      expiresAt: '2026-11-03T00:00:00.000Z',
    });
    await storage.sessions.deleteExpiredSessions('2026-11-02T11:00:00.000Z');
    expect(await storage.sessions.session('h2')).toBeNull();
    await storage.sessions.deleteSession('h1');
    expect(await storage.sessions.session('h1')).toBeNull();
    expect(await storage.changes(0, 10)).toEqual([]);
  });

  test("a session's write waits for a write in progress instead of joining its transaction", async () => {
    const storage = open(await dbPath());
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const write = storage.write(request('key-s1'), async () => {
      await held;
      throw new Error('rolled back');
    });
    const created = storage.sessions.createSession(session('h3', '2026-11-03T00:00:00.000Z'));
    release();
    await expect(write).rejects.toThrow('rolled back');
    await created;
    // Had it run inside the write's transaction, the rollback would have taken it too.
    expect(await storage.sessions.session('h3')).toMatchObject({ idHash: 'h3' });
  });
});

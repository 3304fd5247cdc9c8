// Shared set-up for the store's tests: a real store server on an ephemeral 127.0.0.1 port over a
// real SQLite file in a temporary directory, talked to over HTTP. Not a test file itself.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { incidentSchema } from '../contract/store-schemas.ts';
import type { Incident, IncidentDeclaration } from '../contract/store-schemas.ts';
import { request } from '../http-kit/testing/request.ts';
import type { Answer } from '../http-kit/testing/request.ts';
import { createStoreServer } from './server.ts';
import type { StoreServerOptions } from './server.ts';
import { openSqliteStorage } from './storage/sqlite/sqlite-storage.ts';
import type { Storage } from './storage/storage.ts';

// The waits, requests and SSE reader every Node service's tests share.
export { TEST_TIMEOUT_MS, WAIT_MS, waitFor } from '../http-kit/testing/wait.ts';
export { request as call } from '../http-kit/testing/request.ts';
export type { Answer } from '../http-kit/testing/request.ts';
export { openStream, readSseMessages, sseReader } from '../http-kit/testing/sse-reader.ts';
export type { SseMessage } from '../http-kit/testing/sse-reader.ts';

export async function tempDir(
  prefix = 'war-room-store-',
): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export interface TestStore {
  port: number;
  storage: Storage;
  dbPath: string;
  /** Absolute URL of a store path, e.g. `/warroom/v1/incidents`. */
  url(path: string): string;
  /** Absolute URL of an API path: api('/incidents') is /warroom/v1/incidents. */
  api(path: string): string;
  /** Closes this store and opens a new one on the same database file (on another port). */
  restart(): Promise<TestStore>;
}

/** Registers an afterEach that closes every store started in the test and removes its files. */
export function storeFactory() {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const open = async (dbPath: string, options: Omit<StoreServerOptions, 'storage'>): Promise<TestStore> => {
    const storage = openSqliteStorage(dbPath);
    const server = createStoreServer({ storage, ...options });
    let closed = false;
    // Once: a restarted store was closed by its restart, and is still in the cleanups.
    const close = async () => {
      if (closed) return;
      closed = true;
      await server.close();
      await storage.close();
    };
    cleanups.push(close);
    const port = await server.listen(0, '127.0.0.1');
    const url = (path: string) => `http://127.0.0.1:${port}${path}`;
    return {
      port,
      storage,
      dbPath,
      url,
      api: (path) => url(`/warroom/v1${path}`),
      async restart() {
        await close();
        return open(dbPath, options);
      },
    };
  };
  return async (options: Omit<StoreServerOptions, 'storage'> = {}): Promise<TestStore> => {
    const dir = await tempDir();
    cleanups.push(dir.remove);
    return open(join(dir.path, 'war-room.db'), options);
  };
}

/**
 * A write as the dashboard sends it: JSON with a fresh Idempotency-Key unless one is given
 * (`key: null` sends none).
 */
export function write(
  url: string,
  method: 'POST' | 'PUT' | 'PATCH',
  body: unknown,
  options: { key?: string | null; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const key = options.key === undefined ? randomUUID() : options.key;
  return request(url, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(key === null ? {} : { 'idempotency-key': key }),
      ...options.headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const declaration = (overrides: Partial<IncidentDeclaration> = {}): IncidentDeclaration => ({
  title: 'Order gateway rejecting new orders',
  severityScheme: 'SEV1-SEV4',
  severity: 'SEV2',
  type: 'system-crash',
  affectedServices: ['oms'],
  affectedVenues: ['xnas'],
  actor: 'dana',
  ...overrides,
});

/** Declares an incident and returns it, failing the test when the store refuses. */
export async function declare(
  store: TestStore,
  overrides: Partial<IncidentDeclaration> = {},
): Promise<Incident> {
  const answer = await write(store.api('/incidents'), 'POST', declaration(overrides));
  if (answer.status !== 201) throw new Error(`declare: ${answer.status} ${answer.text}`);
  return incidentSchema.parse(answer.body);
}

// Shared set-up for the store's tests: a real store server on an ephemeral 127.0.0.1 port over a
// real SQLite file in a temporary directory, talked to over HTTP. Not a test file itself.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { incidentSchema } from '../contract/store-schemas.ts';
import type { Incident, IncidentDeclaration } from '../contract/store-schemas.ts';
import { WAIT_MS } from '../sim/host/test-support.ts';
import { createStoreServer } from './server.ts';
import type { StoreServerOptions } from './server.ts';
import { openSqliteStorage } from './storage/sqlite/sqlite-storage.ts';
import type { Storage } from './storage/storage.ts';

// The SSE reader and waits are the simulator host's: one implementation for both servers.
export {
  TEST_TIMEOUT_MS,
  WAIT_MS,
  openStream,
  readSseMessages,
  sseReader,
  waitFor,
} from '../sim/host/test-support.ts';

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
}

/** Registers an afterEach that closes every store started in the test and removes its files. */
export function storeFactory() {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return async (options: Omit<StoreServerOptions, 'storage'> = {}): Promise<TestStore> => {
    const dir = await tempDir();
    const dbPath = join(dir.path, 'war-room.db');
    const storage = openSqliteStorage(dbPath);
    const server = createStoreServer({ storage, ...options });
    cleanups.push(
      dir.remove,
      () => storage.close(),
      () => server.close(),
    );
    const port = await server.listen(0, '127.0.0.1');
    const url = (path: string) => `http://127.0.0.1:${port}${path}`;
    return { port, storage, dbPath, url, api: (path) => url(`/warroom/v1${path}`) };
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; undefined when it is not JSON. */
  body: unknown;
}

export async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(WAIT_MS), ...init });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
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
  return call(url, {
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

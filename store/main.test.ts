import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { storeHealthSchema } from '../contract/store-schemas.ts';
import { parseStoreArgs } from './cli-args.ts';
import { storeProcessFactory } from './process-support.ts';
import { LATEST_SCHEMA_VERSION } from './storage/sqlite/migrations.ts';
import {
  TEST_TIMEOUT_MS,
  call,
  openStream,
  readSseMessages,
  sseReader,
  tempDir,
  write,
  declaration,
} from './test-support.ts';

const runStore = storeProcessFactory();
const removals: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const remove of removals.splice(0)) await remove();
});

async function dir(): Promise<string> {
  const made = await tempDir();
  removals.push(made.remove);
  return made.path;
}

describe('node store/main.ts', { timeout: TEST_TIMEOUT_MS }, () => {
  test('prints where it listens, serves the API; SIGTERM ends it cleanly with a stream open', async () => {
    const store = runStore(['--port', '0', '--db', join(await dir(), 'w.db')]);
    const port = await store.port();
    expect(store.stdout()).toBe(`war-room store listening on http://127.0.0.1:${port}\n`);
    const health = storeHealthSchema.parse((await call(`http://127.0.0.1:${port}/warroom/v1/health`)).body);
    expect(health).toMatchObject({
      status: 'ok',
      storage: 'sqlite',
      schemaVersion: LATEST_SCHEMA_VERSION,
      lastChangeId: 0,
    });

    const stream = await openStream(`http://127.0.0.1:${port}/warroom/v1/stream`);
    await write(`http://127.0.0.1:${port}/warroom/v1/incidents`, 'POST', declaration());
    await readSseMessages(stream, 1);
    store.child.kill('SIGTERM');
    expect(await store.exited()).toEqual({ code: 0, signal: null });
    expect(await sseReader(stream).ended()).toBe('closed');
    expect(store.stderr()).toBe('');
  });

  test.for([
    [['--port', '70000'], '--port must be a port number (0 picks a free one), got "70000"'],
    [['--port', '-1'], '--port must be a port number (0 picks a free one), got "-1"'],
    [
      ['--static', '/no/such/dir'],
      '--static must be a directory (the built dashboard, dist/), got "/no/such/dir"',
    ],
    [
      ['--trading-api', 'localhost:4311'],
      '--trading-api must be an http(s) URL such as http://127.0.0.1:4311, got "localhost:4311"',
    ],
    [['--bogus'], "Unknown option '--bogus'"],
  ] as const)('%s: one line on stderr, exit 2, no listening', async ([args, message]) => {
    const store = runStore(['--db', join(await dir(), 'w.db'), ...args]);
    expect(await store.exited()).toEqual({ code: 2, signal: null });
    // Node's own wording for unknown options goes on after the part quoted here.
    expect(store.stderr().startsWith(`war-room store: ${message}`)).toBe(true);
    expect(store.stderr().indexOf('\n')).toBe(store.stderr().length - 1);
    expect(store.stdout()).toBe('');
  });

  test('a database it cannot open is a clear message and exit 1', async () => {
    const folder = join(await dir(), 'a-folder');
    await mkdir(folder);
    const store = runStore(['--port', '0', '--db', folder]);
    expect(await store.exited()).toEqual({ code: 1, signal: null });
    expect(store.stderr()).toMatch(new RegExp(`^war-room store: cannot open the database ${folder}: .+\\n$`));
  });
});

describe('parseStoreArgs', () => {
  test('defaults', () => {
    expect(parseStoreArgs([], {})).toEqual({
      ok: true,
      args: {
        port: 4312,
        host: '127.0.0.1',
        db: '.data/war-room.db',
        staticDir: undefined,
        tradingApi: undefined,
        profiles: [],
      },
    });
  });

  test('every option', () => {
    const parsed = parseStoreArgs([
      '--port=0',
      '--host',
      '0.0.0.0',
      '--db',
      'x.db',
      '--static',
      '.',
      '--trading-api',
      'http://127.0.0.1:4311/',
      '--operators',
      'ops.json',
      '--profile',
      'a.yaml',
      '--profile=b.yaml',
    ]);
    expect(parsed).toEqual({
      ok: true,
      args: {
        port: 0,
        host: '0.0.0.0',
        db: 'x.db',
        staticDir: '.',
        tradingApi: new URL('http://127.0.0.1:4311/'),
        operatorsFile: 'ops.json',
        profiles: ['a.yaml', 'b.yaml'],
      },
    });
  });

  test('the profiles: --profile, else WARROOM_PROFILES, comma-separated', () => {
    expect(parseStoreArgs([], { WARROOM_PROFILES: 'a.yaml, b.yaml,' })).toMatchObject({
      args: { profiles: ['a.yaml', 'b.yaml'] },
    });
    expect(parseStoreArgs(['--profile', 'c.yaml'], { WARROOM_PROFILES: 'a.yaml' })).toMatchObject({
      args: { profiles: ['c.yaml'] },
    });
  });

  test('the operators file: --operators, else the one WARROOM_OPERATORS_FILE names', () => {
    const env = { WARROOM_OPERATORS_FILE: 'from-env.json' };
    expect(parseStoreArgs([], env)).toMatchObject({ ok: true, args: { operatorsFile: 'from-env.json' } });
    expect(parseStoreArgs(['--operators', 'given.json'], env)).toMatchObject({
      ok: true,
      args: { operatorsFile: 'given.json' },
    });
    expect(parseStoreArgs([], {})).toMatchObject({ ok: true, args: { operatorsFile: undefined } });
    expect(parseStoreArgs(['--operators='], {})).toEqual({
      ok: false,
      error: '--operators must be a file path (the operators file, JSON)',
    });
  });
});

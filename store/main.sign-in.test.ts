// Signing in to a real store process started with an operators file: round trips over real
// HTTP, a session that outlives a killed and restarted store, and the file checked at start.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { OPERATORS_FILE_ENV } from './auth/operators-file.ts';
import {
  makeOperators,
  originOf,
  sessionCookieOf,
  signInAt,
  writeOperatorsFile,
} from './auth/session-test-support.ts';
import type { TestOperator } from './auth/session-test-support.ts';
import { storeProcessFactory } from './process-support.ts';
import { TEST_TIMEOUT_MS, call, declaration, tempDir, write } from './test-support.ts';
import { serviceProcessFactory } from '../http-kit/testing/process.ts';
import { fileURLToPath } from 'node:url';

let commander: TestOperator;
let viewer: TestOperator;
beforeAll(async () => {
  ({ commander, viewer } = await makeOperators());
});

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

describe('node store/main.ts --operators FILE', { timeout: TEST_TIMEOUT_MS }, () => {
  test('sign in, act, sign out; a session outlives a killed store', async () => {
    const folder = await dir();
    const args = [
      '--port',
      '0',
      '--db',
      join(folder, 'w.db'),
      '--operators',
      await writeOperatorsFile(folder, [commander, viewer]),
    ];
    const first = runStore(args);
    const base = `http://127.0.0.1:${await first.port()}/warroom/v1`;
    const answer = await signInAt(`${base}/session`, { name: 'dana', password: commander.password });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ name: 'dana', role: 'commander' });
    const cookie = sessionCookieOf(answer);
    const declared = await write(`${base}/incidents`, 'POST', declaration({ actor: 'someone' }), {
      headers: { cookie },
    });
    expect(declared.body).toMatchObject({ declaredBy: 'dana' });

    // SIGKILL right after the answer: the session was committed before it was sent.
    first.child.kill('SIGKILL');
    await first.exited();
    const second = runStore(args);
    const again = `http://127.0.0.1:${await second.port()}/warroom/v1`;
    expect((await call(`${again}/session`, { headers: { cookie } })).body).toEqual({
      name: 'dana',
      role: 'commander',
    });
    const out = await call(`${again}/session`, {
      method: 'DELETE',
      headers: { cookie, origin: originOf(again) },
    });
    expect(out.status).toBe(204);
    expect((await call(`${again}/session`, { headers: { cookie } })).status).toBe(401);
    // Neither the passwords nor the session id are ever printed.
    for (const output of [first.stdout(), first.stderr(), second.stdout(), second.stderr()]) {
      expect(output).not.toContain(commander.password);
      expect(output).not.toContain(cookie.split('=')[1]);
    }
  });

  test('the file may be named by WARROOM_OPERATORS_FILE instead', async () => {
    const folder = await dir();
    const file = await writeOperatorsFile(folder, [viewer]);
    const start = serviceProcessFactory({
      name: 'store',
      main: fileURLToPath(new URL('./main.ts', import.meta.url)),
      env: { ...process.env, [OPERATORS_FILE_ENV]: file },
    });
    const store = start(['--port', '0', '--db', join(folder, 'w.db')]);
    const url = `http://127.0.0.1:${await store.port()}/warroom/v1/session`;
    expect((await signInAt(url, { name: 'vic', password: viewer.password })).body).toEqual({
      name: 'vic',
      role: 'viewer',
    });
  });

  test.for([
    [
      '{"operators": [{"name": "dana", "role": "chief", "passwordHash": "x"}]}',
      'operators[0].role: Invalid option: expected one of "viewer"|"commander"',
    ],
    [
      '{"operators": [{"name": "dana", "role": "viewer", "password": "hunter2-in-clear"}]}',
      'operators[0]: unknown field "password"; the file holds password hashes only (passwordHash), never passwords',
    ],
    ['{"operators": []}', 'operators: lists nobody: add at least one operator'],
    ['dana:hunter2', 'not valid JSON'],
  ] as const)('an invalid file stops the start: %s', async ([text, message]) => {
    const folder = await dir();
    const file = join(folder, 'operators.json');
    await writeFile(file, text);
    const store = runStore(['--port', '0', '--db', join(folder, 'w.db'), '--operators', file]);
    expect(await store.exited()).toEqual({ code: 2, signal: null });
    expect(store.stderr()).toContain(`war-room store: operators file ${file}: ${message}`);
    expect(store.stderr()).not.toContain('hunter2');
    expect(store.stdout()).toBe('');
  });

  test('a missing file stops the start too', async () => {
    const folder = await dir();
    const store = runStore([
      '--port',
      '0',
      '--db',
      join(folder, 'w.db'),
      '--operators',
      join(folder, 'none.json'),
    ]);
    expect(await store.exited()).toEqual({ code: 2, signal: null });
    expect(store.stderr()).toBe(
      `war-room store: operators file ${join(folder, 'none.json')}: cannot read it (ENOENT)\n`,
    );
  });
});

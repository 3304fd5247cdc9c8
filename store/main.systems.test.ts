// The war-room server as a real process with a profile: it reads the system itself, serves the
// contract under /api/systems/, and takes controls only from a signed-in commander on its own
// page (Origin checked). A profile that is wrong stops the start, naming the field.
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { request } from '../http-kit/testing/request.ts';
import { waitFor } from '../http-kit/testing/wait.ts';
import { DESK_KEY, startMadeUpSystem } from '../connector/testing/made-up-system.ts';
import type { MadeUpSystem } from '../connector/testing/made-up-system.ts';
import {
  makeOperators,
  originOf,
  sessionCookieOf,
  signInAt,
  writeOperatorsFile,
} from './auth/session-test-support.ts';
import type { TestOperator } from './auth/session-test-support.ts';
import { serviceProcessFactory } from '../http-kit/testing/process.ts';
import { TEST_TIMEOUT_MS, tempDir } from './test-support.ts';

const PROFILE = fileURLToPath(new URL('../connector/testing/made-up-system.profile.yaml', import.meta.url));

let commander: TestOperator;
let viewer: TestOperator;
beforeAll(async () => {
  ({ commander, viewer } = await makeOperators());
});

// Each test points the profile at its own made-up system, through the environment.
const storeEnv: NodeJS.ProcessEnv = { ...process.env };
const runStore = serviceProcessFactory({
  name: 'store',
  main: fileURLToPath(new URL('./main.ts', import.meta.url)),
  env: storeEnv,
});
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setUp(): Promise<{ folder: string; native: MadeUpSystem }> {
  const made = await tempDir();
  const native = await startMadeUpSystem();
  cleanups.push(made.remove, () => native.close());
  Object.assign(storeEnv, { MADE_UP_URL: `http://127.0.0.1:${native.port}`, MADE_UP_DESK_KEY: DESK_KEY });
  return { folder: made.path, native };
}

describe('node store/main.ts --profile FILE', { timeout: TEST_TIMEOUT_MS }, () => {
  test('reads the system, and a signed-in commander on its own page fires a control', async () => {
    const { folder, native } = await setUp();
    const store = runStore([
      '--port',
      '0',
      '--db',
      join(folder, 'w.db'),
      '--operators',
      await writeOperatorsFile(folder, [commander, viewer]),
      '--profile',
      PROFILE,
    ]);
    const origin = `http://127.0.0.1:${await store.port()}`;
    const system = `${origin}/api/systems/made-up/v1`;
    await waitFor('the snapshot', async () =>
      (await request(`${system}/status`)).status === 200 ? true : undefined,
    );

    const signIn = await signInAt(`${origin}/warroom/v1/session`, {
      name: commander.name,
      password: commander.password,
    });
    const cookie = sessionCookieOf(signIn);
    const viewerCookie = sessionCookieOf(
      await signInAt(`${origin}/warroom/v1/session`, { name: viewer.name, password: viewer.password }),
    );
    const fire = (headers: Record<string, string>, key: string) =>
      request(`${system}/controls/halt`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key, ...headers },
        body: JSON.stringify({ reason: 'drill: freeze' }),
      });

    expect((await fire({ origin: originOf(origin) }, 'key-no-session-1')).status).toBe(401);
    expect((await fire({ cookie }, 'key-no-origin-01')).status).toBe(403);
    expect((await fire({ cookie, origin: 'http://evil.example' }, 'key-evil-origin1')).status).toBe(403);
    expect((await fire({ cookie: viewerCookie, origin: originOf(origin) }, 'key-viewer-0001')).status).toBe(
      403,
    );
    expect(native.state.mode).toBe('GO');

    const accepted = await fire({ cookie, origin: originOf(origin) }, 'key-commander-1');
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ operator: commander.name, controlId: 'halt' });
    await waitFor('read back', async () =>
      ((await request(`${system}/status`)).body as { tradingState?: { state?: string } })?.tradingState
        ?.state === 'HALTED'
        ? true
        : undefined,
    );
  });

  test('a retry after the server was killed and restarted is answered from its record: the command runs once', async () => {
    const { folder, native } = await setUp();
    const args = [
      '--port',
      '0',
      '--db',
      join(folder, 'w.db'),
      '--operators',
      await writeOperatorsFile(folder, [commander]),
      '--profile',
      PROFILE,
    ];
    const halt = async (origin: string, cookie: string) =>
      request(`${origin}/api/systems/made-up/v1/controls/halt`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': 'key-across-restarts',
          cookie,
          origin,
        },
        body: JSON.stringify({ reason: 'drill: freeze' }),
      });
    const first = runStore(args);
    const origin1 = `http://127.0.0.1:${await first.port()}`;
    await waitFor('read', async () =>
      (await request(`${origin1}/api/systems/made-up/v1/status`)).status === 200 ? true : undefined,
    );
    const cookie = sessionCookieOf(
      await signInAt(`${origin1}/warroom/v1/session`, { name: commander.name, password: commander.password }),
    );
    const accepted = await halt(origin1, cookie);
    expect(accepted.status).toBe(202);
    first.child.kill('SIGKILL');
    await first.exited();

    const second = runStore(args);
    const origin2 = `http://127.0.0.1:${await second.port()}`;
    await waitFor('read again', async () =>
      (await request(`${origin2}/api/systems/made-up/v1/status`)).status === 200 ? true : undefined,
    );
    const retry = await halt(origin2, cookie);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({
      outcome: 'duplicate',
      commandId: (accepted.body as { commandId: string }).commandId,
    });
    expect(native.requests.filter((r) => r === 'POST /desk/freeze')).toHaveLength(1);
  });

  test('an invalid profile stops the start with the file, the field and why', async () => {
    const { folder } = await setUp();
    const broken = join(folder, 'broken.yaml');
    await copyFile(PROFILE, broken);
    await writeFile(broken, `id: Broken One\nname: x\nsections: {}\n`);
    const store = runStore(['--port', '0', '--db', join(folder, 'w.db'), '--profile', broken]);
    expect(await store.exited()).toMatchObject({ code: 2 });
    expect(store.stderr()).toContain('broken.yaml is not a valid profile');
    expect(store.stderr()).toContain('id: lower-case letters, digits and dashes');
  });
});

// Signing in and out over real HTTP against the store server on a real SQLite file.
import { beforeAll, describe, expect, test } from 'vitest';
import { personSchema } from '../../contract/store-schemas.ts';
import {
  asOperators,
  makeOperators,
  originOf,
  sessionCookieOf,
  signInAt,
  signedIn,
} from '../auth/session-test-support.ts';
import type { TestOperator } from '../auth/session-test-support.ts';
import { SESSION_IDLE_MS } from '../auth/sessions.ts';
import { createStoreServer } from '../server.ts';
import { openSqliteStorage } from '../storage/sqlite/sqlite-storage.ts';
import { TEST_TIMEOUT_MS, call, storeFactory } from '../test-support.ts';
import type { TestStore } from '../test-support.ts';

let commander: TestOperator;
let viewer: TestOperator;
beforeAll(async () => {
  ({ commander, viewer } = await makeOperators());
});

const startStore = storeFactory();
let clock = Date.parse('2026-11-02T09:00:00Z');
async function store(): Promise<TestStore> {
  return startStore({ auth: { operators: asOperators([commander, viewer]), now: () => clock } });
}

const session = (s: TestStore) => s.api('/session');
const whoAmI = (s: TestStore, cookie: string) => call(session(s), { headers: { cookie } });
const signOut = (s: TestStore, cookie: string, headers: Record<string, string> = {}) =>
  call(session(s), { method: 'DELETE', headers: { cookie, origin: originOf(s.url('/')), ...headers } });

describe('signing in to the war room', { timeout: TEST_TIMEOUT_MS }, () => {
  test('sign in, ask who it is, sign out: the session ends and the cookie is cleared', async () => {
    const s = await store();
    expect((await call(session(s))).status).toBe(401);

    const answer = await signInAt(session(s), { name: commander.name, password: commander.password });
    expect(answer.status).toBe(200);
    expect(personSchema.parse(answer.body)).toEqual({ name: 'dana', role: 'commander' });
    const [setCookie] = answer.headers.getSetCookie();
    expect(setCookie).toMatch(/^warroom_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const cookie = sessionCookieOf(answer);

    const me = await whoAmI(s, cookie);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ name: 'dana', role: 'commander' });

    const out = await signOut(s, cookie);
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()).toEqual([
      'warroom_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0',
    ]);
    const after = await whoAmI(s, cookie);
    expect(after.status).toBe(401);
    expect(after.contentType).toContain('application/problem+json');
    // Signing out again (a second tab, a retry) is no error.
    expect((await signOut(s, cookie)).status).toBe(204);
  });

  test('a viewer signs in as a viewer; each sign-in is its own session', async () => {
    const s = await store();
    const first = await signedIn(session(s), viewer);
    const second = await signedIn(session(s), viewer);
    expect(first).not.toBe(second);
    expect((await whoAmI(s, first)).body).toEqual({ name: 'vic', role: 'viewer' });
    expect((await whoAmI(s, second)).body).toEqual({ name: 'vic', role: 'viewer' });
  });

  test('signing in with a session cookie ends that session: no one inherits another sign-in', async () => {
    const s = await store();
    const old = await signedIn(session(s), viewer);
    const answer = await signInAt(
      session(s),
      { name: commander.name, password: commander.password },
      { cookie: old },
    );
    expect(answer.status).toBe(200);
    expect((await whoAmI(s, old)).status).toBe(401);
    expect((await whoAmI(s, sessionCookieOf(answer))).body).toMatchObject({ name: 'dana' });
  });

  test('only a hash of the session id is stored', async () => {
    const s = await store();
    const cookie = await signedIn(session(s), commander);
    const id = cookie.split('=')[1] ?? '';
    const { createHash } = await import('node:crypto');
    expect(await s.storage.sessions.session(id)).toBeNull();
    expect(await s.storage.sessions.session(createHash('sha256').update(id).digest('hex'))).toMatchObject({
      operator: 'dana',
      expiresAt: new Date(clock + SESSION_IDLE_MS).toISOString(),
    });
  });

  test('over https (as a TLS proxy says) the cookie is Secure too', async () => {
    const s = await store();
    const answer = await signInAt(
      session(s),
      { name: commander.name, password: commander.password },
      { 'x-forwarded-proto': 'https', origin: originOf(s.url('/')).replace('http:', 'https:') },
    );
    expect(answer.headers.getSetCookie()[0]).toMatch(/; HttpOnly; SameSite=Strict; Path=\/; Secure$/);
  });

  test('a wrong name and a wrong password get the same answer, which names neither', async () => {
    const s = await store();
    const wrongPassword = await signInAt(session(s), { name: 'dana', password: 'not-the-password' });
    const wrongName = await signInAt(session(s), { name: 'dano', password: commander.password });
    expect(wrongPassword.status).toBe(401);
    expect(wrongName.status).toBe(401);
    expect(wrongName.body).toEqual(wrongPassword.body);
    expect(wrongPassword.body).toEqual({
      title: 'Unauthorized',
      status: 401,
      detail:
        'the name or the password is wrong; after 5 failed sign-ins in a row for one name, sign-in for that name pauses for 30 s, then twice as long after each further failure, up to 5 minutes',
    });
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
  });

  test('repeated failures pause that name, even for the right password; other names still sign in', async () => {
    const s = await store();
    // Sent all at once: a burst in parallel counts like the same guesses in a row.
    const guesses = await Promise.all(
      Array.from({ length: 5 }, (_, i) => signInAt(session(s), { name: 'dana', password: `guess-${i}` })),
    );
    expect(guesses.map((g) => g.status)).toEqual([401, 401, 401, 401, 401]);
    const paused = await signInAt(session(s), { name: 'dana', password: commander.password });
    expect(paused.status).toBe(429);
    expect(paused.headers.get('retry-after')).toBe('30');
    expect((paused.body as { detail: string }).detail).toMatch(
      /^too many failed sign-ins for this name: try again in 30 s \(after 5 failed sign-ins in a row/,
    );
    // Unknown names are paused alike, so a pause does not tell a name exists.
    for (let i = 0; i < 5; i++) await signInAt(session(s), { name: 'nobody', password: 'guess' });
    expect((await signInAt(session(s), { name: 'nobody', password: 'guess' })).status).toBe(429);

    expect((await signInAt(session(s), { name: viewer.name, password: viewer.password })).status).toBe(200);
    clock += 30_000;
    expect((await signInAt(session(s), { name: 'dana', password: commander.password })).status).toBe(200);
  });

  test('a session ends after 12 hours without use; each use moves that on', async () => {
    const s = await store();
    const cookie = await signedIn(session(s), commander);
    clock += SESSION_IDLE_MS - 60_000;
    expect((await whoAmI(s, cookie)).status).toBe(200);
    clock += SESSION_IDLE_MS - 60_000;
    expect((await whoAmI(s, cookie)).status).toBe(200);
    clock += SESSION_IDLE_MS;
    const ended = await whoAmI(s, cookie);
    expect(ended.status).toBe(401);
    expect((ended.body as { detail: string }).detail).toMatch(/^the session has ended/);
    expect(ended.headers.getSetCookie()[0]).toMatch(/^warroom_session=; .*Max-Age=0/);
  });

  test('a session is kept in the database: it outlives a restart of the store', async () => {
    const s = await store();
    const cookie = await signedIn(session(s), commander);
    const again = await s.restart();
    expect((await whoAmI(again, cookie)).body).toEqual({ name: 'dana', role: 'commander' });
  });

  test('a sign-in or sign-out from another site is refused before anything else', async () => {
    const s = await store();
    const body = { name: commander.name, password: commander.password };
    for (const headers of [{ origin: 'https://evil.example' }, { origin: 'null' }]) {
      const answer = await signInAt(session(s), body, headers);
      expect(answer.status).toBe(403);
      expect(answer.headers.getSetCookie()).toEqual([]);
    }
    const noOrigin = await call(session(s), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(noOrigin.status).toBe(403);
    expect((noOrigin.body as { detail: string }).detail).toBe(
      "a POST must say where it comes from: send the Origin header of the war room's own page",
    );
    // A browser's own same-origin request passes on Sec-Fetch-Site alone.
    expect((await signInAt(session(s), body, { origin: 'x', 'sec-fetch-site': 'same-origin' })).status).toBe(
      200,
    );

    const cookie = await signedIn(session(s), commander);
    expect((await signOut(s, cookie, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await whoAmI(s, cookie)).status).toBe(200);
  });

  test('a malformed sign-in is a 400 that never repeats the password', async () => {
    const s = await store();
    const secret = 'hunter2-hunter2';
    for (const body of [
      `{"name": "dana", "password": "${secret}"`,
      { name: 'dana' },
      { name: 'dana', password: `${secret}${'x'.repeat(1100)}` },
      { name: 'd'.repeat(65), password: secret },
    ]) {
      const answer = await signInAt(session(s), body);
      expect(answer.status).toBe(400);
      expect(answer.text).not.toContain('hunter2');
    }
    const notJson = await call(session(s), {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: originOf(s.url('/')) },
      body: 'dana:hunter2',
    });
    expect(notJson.status).toBe(415);
  });

  test('a store without operators says that nobody can sign in', async () => {
    const s = await startStore();
    const answer = await signInAt(session(s), { name: 'dana', password: 'whatever-it-is' });
    expect(answer.status).toBe(401);
    expect((answer.body as { detail: string }).detail).toBe(
      'nobody can sign in here: this war-room store was started without an operators file (--operators FILE)',
    );
  });

  test('a session whose operator left the file has ended', async () => {
    const s = await store();
    const cookie = await signedIn(session(s), viewer);
    // The same database, opened by a second store whose file lists only the commander.
    const storage = openSqliteStorage(s.dbPath);
    const server = createStoreServer({ storage, auth: { operators: asOperators([commander]) } });
    try {
      const port = await server.listen(0, '127.0.0.1');
      const answer = await call(`http://127.0.0.1:${port}/warroom/v1/session`, { headers: { cookie } });
      expect(answer.status).toBe(401);
    } finally {
      await server.close();
      await storage.close();
    }
    // And it was removed, so the store that still lists the viewer no longer has it either.
    expect((await whoAmI(s, cookie)).status).toBe(401);
  });

  test('other methods on /session are a 405 that lists the right ones', async () => {
    const s = await store();
    const answer = await call(session(s), { method: 'PUT' });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, POST, DELETE');
  });
});

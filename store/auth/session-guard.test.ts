// The guard as a route of the connector will use it: a real HTTP server whose one route calls
// check(), beside a real store (over the same SQLite file) that signs people in.
import { createServer } from 'node:http';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { closeServer, listen } from '../../http-kit/listen.ts';
import { TEST_TIMEOUT_MS, call, storeFactory } from '../test-support.ts';
import { createSessionGuard, sendGuardRefusal } from './session-guard.ts';
import { createSessions } from './sessions.ts';
import { asOperators, makeOperators, signedIn } from './session-test-support.ts';
import type { TestOperator } from './session-test-support.ts';

let commander: TestOperator;
let viewer: TestOperator;
beforeAll(async () => {
  ({ commander, viewer } = await makeOperators());
});

const startStore = storeFactory();
const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

/** A store to sign in at, and a server whose routes need a viewer (GET) or a commander (POST). */
async function setUp() {
  const operators = asOperators([commander, viewer]);
  const store = await startStore({ auth: { operators } });
  const guard = createSessionGuard(createSessions({ storage: store.storage.sessions, operators }));
  const server = createServer((req, res) => {
    void guard.check(req, req.method === 'GET' ? 'viewer' : 'commander').then((guarded) => {
      if (!guarded.ok) return sendGuardRefusal(res, guarded);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(guarded.person));
    });
  });
  const port = await listen(server, 0, '127.0.0.1');
  closing.push(() => closeServer(server));
  const url = `http://127.0.0.1:${port}/api/systems/hft/v1/controls/halt`;
  const own = `http://127.0.0.1:${port}`;
  const post = (headers: Record<string, string>) => call(url, { method: 'POST', headers });
  return { store, url, own, post, signIn: (o: TestOperator) => signedIn(store.api('/session'), o) };
}

describe('the session guard', { timeout: TEST_TIMEOUT_MS }, () => {
  test('a commander from the own origin is let through, named', async () => {
    const { own, post, signIn } = await setUp();
    const cookie = await signIn(commander);
    const answer = await post({ cookie, origin: own });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ name: 'dana', role: 'commander' });
    // A browser's same-origin request passes on Sec-Fetch-Site too.
    expect((await post({ cookie, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  test('no session, or one that ended: 401', async () => {
    const { store, own, post, signIn } = await setUp();
    const none = await post({ origin: own });
    expect(none.status).toBe(401);
    expect(none.contentType).toContain('application/problem+json');
    expect(none.body).toEqual({
      title: 'Unauthorized',
      status: 401,
      detail: 'sign in to the war room first (POST /warroom/v1/session)',
    });
    const cookie = await signIn(commander);
    await call(store.api('/session'), {
      method: 'DELETE',
      headers: { cookie, origin: new URL(store.url('/')).origin },
    });
    const ended = await post({ cookie, origin: own });
    expect(ended.status).toBe(401);
    expect((ended.body as { detail: string }).detail).toMatch(/^your session has ended/);
    // A cookie nobody was ever given is no session either.
    expect((await post({ cookie: `warroom_session=${'A'.repeat(43)}`, origin: own })).status).toBe(401);
  });

  test('a viewer may read and nothing more: 403 on what needs a commander', async () => {
    const { url, own, post, signIn } = await setUp();
    const cookie = await signIn(viewer);
    expect((await call(url, { headers: { cookie } })).body).toEqual({ name: 'vic', role: 'viewer' });
    const refused = await post({ cookie, origin: own });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      title: 'Forbidden',
      status: 403,
      detail: 'vic is a viewer: a viewer may read and nothing more; this needs a commander',
    });
  });

  test('a POST without an Origin, or from another origin, is refused even with a good session', async () => {
    const { own, post, signIn } = await setUp();
    const cookie = await signIn(commander);
    const missing = await post({ cookie });
    expect(missing.status).toBe(403);
    expect((missing.body as { detail: string }).detail).toBe(
      "a POST must say where it comes from: send the Origin header of the war room's own page",
    );
    for (const origin of [
      'https://evil.example',
      own.replace('http:', 'https:'),
      'null',
      `${own}.evil.example`,
    ]) {
      const foreign = await post({ cookie, origin });
      expect(foreign.status).toBe(403);
      expect((foreign.body as { detail: string }).detail).toMatch(/is refused: only the war room's own page/);
    }
    // What the browser says of the page outweighs an Origin header.
    for (const site of ['cross-site', 'same-site'])
      expect((await post({ cookie, origin: own, 'sec-fetch-site': site })).status).toBe(403);
    // Without a session the origin is refused first: nothing about the session is said to it.
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403);
  });
});

// The canonical contract served per system over real HTTP: what a dashboard reads, what it may
// send, who may send it, and what all of it costs the trading system.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { snapshotSchema, systemListSchema } from '../../contract/schemas.ts';
import { closeServer, listen } from '../../http-kit/listen.ts';
import { SseReader } from '../../http-kit/testing/sse-reader.ts';
import { TEST_TIMEOUT_MS, waitFor } from '../../http-kit/testing/wait.ts';
import { HttpProblem, sendHttpProblem } from '../../store/http/respond.ts';
import { DESK_KEY, startMadeUpSystem } from '../testing/made-up-system.ts';
import type { MadeUpSystem } from '../testing/made-up-system.ts';
import { loadSystems } from './systems.ts';
import type { Systems } from './systems.ts';
import { handleSystems } from './system-routes.ts';
import type { ControlGuard } from './system-routes.ts';

const DRILL_TOKEN = 'drill-token-for-these-tests';
const PROFILE = fileURLToPath(new URL('../testing/made-up-system.profile.yaml', import.meta.url));

/** Stands in for the war-room sign-in: the cookie names the role. */
const guard: ControlGuard = {
  check: (req, need) => {
    const role = /session=(\w+)/.exec(req.headers.cookie ?? '')?.[1];
    if (!role)
      return Promise.resolve({ ok: false, status: 401, title: 'Unauthorized', detail: 'sign in first' });
    if (need === 'commander' && role !== 'commander')
      return Promise.resolve({
        ok: false,
        status: 403,
        title: 'Forbidden',
        detail: 'a viewer may only watch',
      });
    return Promise.resolve({ ok: true, person: { name: `${role}-alice`, role } });
  },
};

let native: MadeUpSystem;
let systems: Systems;
let server: Server;
let base: string;

beforeEach(async () => {
  native = await startMadeUpSystem();
  systems = loadSystems([PROFILE], guard, {
    MADE_UP_URL: `http://127.0.0.1:${native.port}`,
    MADE_UP_DESK_KEY: DESK_KEY,
    WARROOM_DRILL_TOKEN: DRILL_TOKEN,
  });
  systems.start();
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x.invalid');
    handleSystems(systems.context, req, res, url).catch((error: unknown) => {
      if (error instanceof HttpProblem) sendHttpProblem(res, error);
      else res.writeHead(500).end(String(error));
    });
  });
  base = `http://127.0.0.1:${await listen(server, 0)}/api/systems`;
  await waitFor('the system read', () =>
    systems.context.systems.get('made-up')?.reachable ? true : undefined,
  );
});
afterEach(async () => {
  await systems.stop();
  await closeServer(server);
  await native.close();
});

const openStream = async () => new SseReader(await fetch(`${base}/made-up/v1/stream`));

const control = (path: string, init: { cookie?: string; keys?: string[]; body?: unknown } = {}) => {
  const headers = new Headers({ 'content-type': 'application/json' });
  if (init.cookie) headers.set('cookie', init.cookie);
  for (const key of init.keys ?? ['key-made-up-0001']) headers.append('idempotency-key', key);
  return fetch(`${base}/made-up/v1/controls/${path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(init.body ?? { reason: 'drill' }),
  });
};

describe('the systems API', { timeout: TEST_TIMEOUT_MS }, () => {
  test('lists each system at a glance, and serves its snapshot in the contract', async () => {
    const list = systemListSchema.parse(await (await fetch(base)).json());
    expect(list.systems).toEqual([
      expect.objectContaining({
        id: 'made-up',
        name: 'Made-up desk',
        reachable: true,
        problem: null,
        tradingState: expect.objectContaining({ state: 'ACTIVE' }),
      }),
    ]);
    const snapshot = snapshotSchema.parse(await (await fetch(`${base}/made-up/v1/status`)).json());
    expect(snapshot.system).toMatchObject({
      id: 'made-up',
      controls: ['halt', 'resume', 'venue-cancel-all'],
    });
    expect((await fetch(`${base}/nope/v1/status`)).status).toBe(404);
    expect((await fetch(`${base}/%E0%A4%A/v1/status`)).status).toBe(400);
  });

  test("controls need a commander's session; the receipt names the person, never a field the client sent", async () => {
    expect((await control('halt')).status).toBe(401);
    expect((await control('halt', { cookie: 'session=viewer' })).status).toBe(403);
    expect(native.state.mode).toBe('GO');
    const accepted = await control('halt', { cookie: 'session=commander', body: { reason: 'drill' } });
    expect(accepted.status).toBe(202);
    expect(await accepted.json()).toMatchObject({
      operator: 'commander-alice',
      controlId: 'halt',
      outcome: 'accepted',
    });
    expect(native.state.mode).toBe('FROZEN');
    const again = await control('halt', { cookie: 'session=commander' });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: 'duplicate' });
  });

  test('two Idempotency-Key headers, an unknown control, a bad body: clear 4xx, nothing sent', async () => {
    const commander = 'session=commander';
    const twoKeys = await control('halt', { cookie: commander, keys: ['key-one-00001', 'key-two-00002'] });
    expect(twoKeys.status).toBe(400);
    expect(await twoKeys.text()).toContain('one Idempotency-Key header');
    expect((await control('launch-rockets', { cookie: commander })).status).toBe(404);
    expect((await control('halt', { cookie: commander, body: { reason: '' } })).status).toBe(400);
    expect(
      (await control('halt', { cookie: commander, body: { reason: 'x', actor: 'mallory' } })).status,
    ).toBe(400);
    expect(native.requests.filter((r) => r.startsWith('POST'))).toEqual([]);
  });

  test('the stream starts with a snapshot, then carries changes as the system shows them', async () => {
    const reader = await openStream();
    try {
      const [first] = await reader.read(1);
      expect(JSON.parse(first?.data ?? '')).toMatchObject({
        type: 'reset',
        snapshot: { system: { id: 'made-up' } },
      });
      native.state.mode = 'STOP';
      const changed = await waitFor('the kill seen', async () => {
        const [message] = await reader.read(1);
        const event = JSON.parse(message?.data ?? '{}') as { type: string; tradingState?: { state: string } };
        return event.type === 'trading-state.changed' ? event : undefined;
      });
      expect(changed.tradingState?.state).toBe('KILLED');
    } finally {
      reader.cancel();
    }
  });

  test('while the system cannot be read, status and events answer 503 with why, and open streams end', async () => {
    const reader = await openStream();
    await reader.read(1);
    native.failWith = 503;
    expect(await reader.ended()).toBe('closed');
    const status = await waitFor('503', async () => {
      const r = await fetch(`${base}/made-up/v1/status`);
      return r.status === 503 ? r : undefined;
    });
    expect(await status.json()).toMatchObject({
      detail: expect.stringContaining('Made-up desk cannot be read'),
    });
    expect((await fetch(`${base}/made-up/v1/events?after=0`)).status).toBe(503);
    native.failWith = null;
    await waitFor('200 again', async () =>
      (await fetch(`${base}/made-up/v1/status`)).ok ? true : undefined,
    );
  });

  test('ten dashboards cost the trading system what one does', async () => {
    const connector = systems.context.systems.get('made-up');
    if (!connector) throw new Error('no connector');
    const readers = await Promise.all(Array.from({ length: 10 }, () => openStream()));
    try {
      await Promise.all(readers.map((r) => r.read(1)));
      const startCount = native.requests.length;
      const started = performance.now();
      // Ten dashboards polling hard on top of their streams, for a second and more.
      while (performance.now() - started < 1500)
        await Promise.all(
          readers.map(() => fetch(`${base}/made-up/v1/events?after=0`).then((r) => r.arrayBuffer())),
        );
      const seconds = (performance.now() - started) / 1000;
      const perSecond = (native.requests.length - startCount) / seconds;
      // The profile reads /desk/overview and /ping every 200 ms: at most 10 requests a second,
      // whatever the dashboards do (a busy machine only makes it fewer).
      expect(perSecond).toBeLessThanOrEqual(10 * 1.2 + 2);
      // Every request the system saw was one of the connector's own reads.
      // (at most its two reads still on the wire when counted).
      expect(native.requests.length).toBeLessThanOrEqual(connector.requestCount);
      expect(native.requests.length).toBeGreaterThanOrEqual(connector.requestCount - 2);
    } finally {
      readers.forEach((r) => r.cancel());
    }
  });

  test("a drill cuts the dashboards' streams and refuses new ones, for the drill token only, until it ends", async () => {
    const fault = (method: string, token?: string) =>
      fetch(`${base}/made-up/__drill/stream-drop`, {
        method,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    const reader = await openStream();
    await reader.read(1);
    expect((await fault('PUT')).status).toBe(401);
    expect((await fault('PUT', 'not-the-drill-token')).status).toBe(401);
    expect((await fault('PUT', DRILL_TOKEN)).status).toBe(204);
    expect(await reader.ended()).toMatch(/closed|error/);
    await expect(fetch(`${base}/made-up/v1/stream`)).rejects.toThrow();
    // Polling still works: only the stream is cut.
    expect((await fetch(`${base}/made-up/v1/events?after=0`)).status).toBe(200);
    expect((await fault('DELETE', DRILL_TOKEN)).status).toBe(204);
    const again = await openStream();
    expect((await again.read(1))[0]?.data).toContain('"type":"reset"');
    again.cancel();
  });
});

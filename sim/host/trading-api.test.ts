import { describe, expect, test } from 'vitest';
import { eventPageSchema, problemSchema, simStateSchema, snapshotSchema } from '../../contract/schemas.ts';
import type { EventPage, SimState, Snapshot } from '../../contract/schemas.ts';
import { TEST_TIMEOUT_MS, request, sendJson, simHostFactory, waitFor } from './test-support.ts';
import type { TestHost } from './test-support.ts';

const startHost = simHostFactory();

async function status(t: TestHost): Promise<Snapshot> {
  const answer = await request(t.url('/api/v1/status'));
  expect(answer.status).toBe(200);
  return snapshotSchema.parse(answer.body);
}

async function eventsPage(t: TestHost, query: string): Promise<EventPage> {
  const answer = await request(t.url(`/api/v1/events?${query}`));
  expect(answer.status, answer.text).toBe(200);
  return eventPageSchema.parse(answer.body);
}

/** Lets events accumulate, then pauses the clock so that the history stands still. */
async function historyOf(t: TestHost, atLeast: number): Promise<number> {
  await waitFor(`${atLeast} events`, () => (t.host.sim.lastEventId >= atLeast ? true : undefined));
  const paused = await sendJson(t.url('/__sim/clock'), 'POST', { paused: true });
  expect(paused.status).toBe(200);
  return simStateSchema.parse(paused.body).lastEventId;
}

describe('GET /api/v1/status', { timeout: TEST_TIMEOUT_MS }, () => {
  test('answers a snapshot that matches the contract, naming this instance', async () => {
    const t = await startHost({ speed: 20 });
    await waitFor('a first event', () => (t.host.sim.lastEventId > 0 ? true : undefined));
    const answer = await request(t.url('/api/v1/status'));
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^application\/json/);
    const snapshot = snapshotSchema.parse(answer.body);
    expect(snapshot.instance).toBe(t.host.sim.instance);
    expect(snapshot.instance).not.toBe('');
    expect(snapshot.eventId).toBeGreaterThan(0);
    expect(snapshot.system.environment).toBe('simulator');
    expect(snapshot.venues.map((v) => v.id)).toEqual(['binance', 'bybit', 'okx', 'kraken']);
  });

  test('each host is a new instance, so ids from an earlier life are not mistaken for ours', async () => {
    const a = await startHost();
    const b = await startHost();
    const [sa, sb] = await Promise.all([status(a), status(b)]);
    expect(sa.instance).not.toBe(sb.instance);
  });

  test('a drill host says so in its snapshot', async () => {
    const t = await startHost({ drill: true });
    expect((await status(t)).system.environment).toBe('drill');
  });

  test('POST is 405 with a problem body', async () => {
    const t = await startHost();
    const answer = await request(t.url('/api/v1/status'), { method: 'POST', body: '{}' });
    expect(answer.status).toBe(405);
    expect(problemSchema.parse(answer.body).detail).toContain('POST');
  });
});

describe('GET /api/v1/events', { timeout: TEST_TIMEOUT_MS }, () => {
  test('returns exactly the events after the id given, oldest first, as the model recorded them', async () => {
    const t = await startHost({ speed: 20 });
    const last = await historyOf(t, 12);
    const snapshot = await status(t);
    expect(snapshot.eventId).toBe(last); // paused: nothing new since

    const page = await eventsPage(t, `after=4&instance=${snapshot.instance}`);
    expect(page.gap).toBe(false);
    expect(page.instance).toBe(snapshot.instance);
    expect(page.lastEventId).toBe(last);
    expect(page.events.map((e) => e.id)).toEqual(range(5, last));
    expect(page.events).toEqual(t.host.sim.eventsAfter(4, 1000).events);
  });

  test('nothing after the last id; `limit` caps the page; no instance means this one', async () => {
    const t = await startHost({ speed: 20 });
    const last = await historyOf(t, 12);
    const instance = t.host.sim.instance;

    const atEnd = await eventsPage(t, `after=${last}&instance=${instance}`);
    expect(atEnd).toEqual({ instance, events: [], lastEventId: last, gap: false });

    const capped = await eventsPage(t, 'after=2&limit=3');
    expect(capped.gap).toBe(false);
    expect(capped.events.map((e) => e.id)).toEqual([3, 4, 5]);
  });

  test('`gap` for another instance and for an id ahead of the server', async () => {
    const t = await startHost({ speed: 20 });
    const last = await historyOf(t, 5);

    const other = await eventsPage(t, 'after=1&instance=some-earlier-life');
    expect(other).toMatchObject({ events: [], gap: true, lastEventId: last });
    expect(other.instance).toBe(t.host.sim.instance);

    const ahead = await eventsPage(t, `after=${last + 100}&instance=${t.host.sim.instance}`);
    expect(ahead).toMatchObject({ events: [], gap: true, lastEventId: last });
  });

  test.for([
    ['after=abc', '`after`'],
    ['', '`after`'],
    ['after=', '`after`'],
    ['after=-1', '`after`'],
    ['after=1.5', '`after`'],
    ['after=0&limit=0', '`limit`'],
    ['after=0&limit=1001', '`limit`'],
    ['after=0&limit=ten', '`limit`'],
  ] as const)('?%s is a 400 whose detail names %s', async ([query, named]) => {
    const t = await startHost();
    const answer = await request(t.url(`/api/v1/events?${query}`));
    expect(answer.status).toBe(400);
    const problem = problemSchema.parse(answer.body);
    expect(problem.status).toBe(400);
    expect(problem.detail).toContain(named);
  });
});

describe('routes', { timeout: TEST_TIMEOUT_MS }, () => {
  test.for(['/api/v1/nope', '/api/v2/status', '/', '/favicon.ico', '/__sim/nope'])(
    'GET %s is a 404 problem naming the path',
    async (path) => {
      const t = await startHost();
      const answer = await request(t.url(path));
      expect(answer.status).toBe(404);
      expect(answer.contentType).toMatch(/^application\/json/);
      const problem = problemSchema.parse(answer.body);
      expect(problem).toMatchObject({ status: 404, title: 'Not Found' });
      expect(problem.detail).toContain(path);
    },
  );
});

describe('drill state is not part of the trading API', { timeout: TEST_TIMEOUT_MS }, () => {
  test('GET /__sim/state answers the simulator state', async () => {
    const t = await startHost({ seed: 9, speed: 3 });
    const answer = await request(t.url('/__sim/state'));
    expect(answer.status).toBe(200);
    const state: SimState = simStateSchema.parse(answer.body);
    expect(state).toMatchObject({ seed: 9, speed: 3, paused: false, scenarios: ['normal'], fault: null });
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

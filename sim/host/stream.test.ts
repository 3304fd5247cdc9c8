import { describe, expect, test } from 'vitest';
import { heartbeatSchema, snapshotSchema, streamEventSchema } from '../../contract/schemas.ts';
import type { StreamEvent } from '../../contract/schemas.ts';
import {
  TEST_TIMEOUT_MS,
  openStream,
  readSseMessages,
  request,
  simHostFactory,
  sseReader,
  waitFor,
} from './test-support.ts';
import type { SseMessage, TestHost } from './test-support.ts';

// Fast simulated time: windows close 20 times a real second, so live events come at once.
const startHost = simHostFactory({ speed: 20 });

/** Parses every message against the contract and checks that its SSE id is the event's id. */
function events(messages: SseMessage[]): StreamEvent[] {
  return messages.map((message) => {
    const event = streamEventSchema.parse(JSON.parse(message.data));
    expect(message.id).toBe(String(event.id));
    return event;
  });
}

/** The snapshot's event id, once the history has at least `ahead` more events than it. */
async function missedSince(t: TestHost, ahead: number): Promise<{ since: number; instance: string }> {
  const answer = await request(t.url('/api/v1/status'));
  const snapshot = snapshotSchema.parse(answer.body);
  await waitFor(`${ahead} events after ${snapshot.eventId}`, () =>
    t.host.sim.lastEventId >= snapshot.eventId + ahead ? true : undefined,
  );
  return { since: snapshot.eventId, instance: snapshot.instance };
}

/** Replayed then live: ids go on by one from `since + 1`, and every event is the model's own. */
function expectContinuation(t: TestHost, received: StreamEvent[], since: number): void {
  expect(received.map((e) => e.id)).toEqual(received.map((_, i) => since + 1 + i));
  expect(received).toEqual(t.host.sim.eventsAfter(since, received.length).events);
}

describe('GET /api/v1/stream', { timeout: TEST_TIMEOUT_MS }, () => {
  test('without a last id, starts with a reset carrying a full snapshot, then goes on live', async () => {
    const t = await startHost();
    await waitFor('a first event', () => (t.host.sim.lastEventId > 0 ? true : undefined));
    const response = await openStream(t.url('/api/v1/stream'));
    expect(response.headers.get('cache-control')).toBe('no-store');

    const [first, ...rest] = events(await readSseMessages(response, 8));
    if (first?.type !== 'reset') throw new Error(`expected a reset first, got ${first?.type}`);
    expect(first.id).toBe(first.snapshot.eventId);
    expect(first.at).toBe(first.snapshot.asOf);
    expect(first.snapshot.instance).toBe(t.host.sim.instance);
    expect(first.id).toBeGreaterThan(0);
    expect(rest.every((e) => e.type !== 'reset')).toBe(true);
    expectContinuation(t, rest, first.id);
  });

  test('with a Last-Event-ID header, replays exactly the missed events, then goes on live', async () => {
    const t = await startHost();
    const { since, instance } = await missedSince(t, 6);
    const response = await openStream(t.url(`/api/v1/stream?instance=${instance}`), {
      'last-event-id': String(since),
    });
    const missed = t.host.sim.lastEventId - since; // at least: more may come before the replay
    const received = events(await readSseMessages(response, missed + 6));
    expect(received.some((e) => e.type === 'reset')).toBe(false);
    expectContinuation(t, received, since);
  });

  test('with ?lastEventId=&instance=, replays exactly the missed events, then goes on live', async () => {
    const t = await startHost();
    const { since, instance } = await missedSince(t, 6);
    const response = await openStream(
      t.url(`/api/v1/stream?lastEventId=${since}&instance=${encodeURIComponent(instance)}`),
    );
    const missed = t.host.sim.lastEventId - since;
    const received = events(await readSseMessages(response, missed + 6));
    expect(received.some((e) => e.type === 'reset')).toBe(false);
    expectContinuation(t, received, since);
  });

  test('the header wins over the query parameter', async () => {
    const t = await startHost();
    const { since } = await missedSince(t, 4);
    const response = await openStream(t.url('/api/v1/stream?lastEventId=1'), {
      'last-event-id': String(since),
    });
    const [first] = events(await readSseMessages(response, 1));
    expect(first?.id).toBe(since + 1);
  });

  test.for([
    ['another instance', (since: number) => `?lastEventId=${since}&instance=an-earlier-life`, {}],
    ['an id ahead of the server', () => '', { 'last-event-id': '999999' }],
    ['an id that is not a number', () => '', { 'last-event-id': 'abc' }],
    ['an empty lastEventId', () => '?lastEventId=', {}],
  ] as const)('with %s, starts over from a reset', async ([, query, headers]) => {
    const t = await startHost();
    const { since } = await missedSince(t, 2);
    const response = await openStream(t.url(`/api/v1/stream${query(since)}`), headers);
    const received = events(await readSseMessages(response, 4));
    const [first, ...rest] = received;
    if (first?.type !== 'reset') throw new Error(`expected a reset first, got ${first?.type}`);
    expect(first.snapshot.instance).toBe(t.host.sim.instance);
    expect(first.id).toBe(first.snapshot.eventId);
    expectContinuation(t, rest, first.id);
  });

  test('two streams see the same events with the same ids', async () => {
    const t = await startHost();
    const { since, instance } = await missedSince(t, 2);
    const url = t.url(`/api/v1/stream?lastEventId=${since}&instance=${instance}`);
    const [a, b] = await Promise.all([openStream(url), openStream(url)]);
    const [ea, eb] = await Promise.all([readSseMessages(a, 10), readSseMessages(b, 10)]);
    expect(events(ea)).toEqual(events(eb));
    expectContinuation(t, events(ea), since);
  });
});

describe('heartbeats and delays', { timeout: 30_000 }, () => {
  test('a heartbeat without an id comes every 2 s, carrying the simulated time', async () => {
    const t = await startHost();
    await request(t.url('/__sim/clock'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ paused: true }),
    });
    const stream = await openStream(t.url('/api/v1/stream'));
    const reader = sseReader(stream);
    const beats: SseMessage[] = [];
    while (beats.length < 2) {
      const [message] = await reader.read(1, 6000);
      if (message && message.id === null) beats.push(message);
    }
    for (const beat of beats) {
      expect(heartbeatSchema.parse(JSON.parse(beat.data)).type).toBe('heartbeat');
    }
  });

  test('a slow fault delays the stream but never reorders it, even when the delay changes', async () => {
    const t = await startHost();
    const stream = await openStream(t.url('/api/v1/stream'));
    const reader = sseReader(stream);
    await reader.read(1, 5000);
    const put = (fault: unknown) =>
      request(t.url('/__sim/faults'), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fault),
      });
    await put({ kind: 'slow', delayMs: 800 });
    await new Promise((r) => setTimeout(r, 400));
    await request(t.url('/__sim/faults'), { method: 'DELETE' });
    const ids = (await reader.read(25, 15_000)).filter((m) => m.id !== null).map((m) => Number(m.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { eventFixtures, snapshotFixture } from '../../contract/fixtures.ts';
import type { StreamEvent } from '../../contract/schemas.ts';
import { FakeEventSource } from '../testing/fake-event-source.ts';
import { server } from '../testing/msw-server.ts';
import { applyAll, fromSnapshot } from './apply-event.ts';
import type { LiveState } from './live-state.ts';
import { idOf } from './parse.ts';
import { backoffDelay } from './backoff.ts';
import { StreamClient } from './stream-client.ts';
import type { ConnectionReport, StreamSink } from './stream-types.ts';

const base = 'http://trading.test/api/v1';

/** A sink that holds state the way the query cache does, and records what it was told. */
function recordingSink() {
  const sink = {
    snapshot: null as LiveState | null,
    reports: [] as ConnectionReport[],
    invalid: [] as string[],
    applied: [] as number[],
  };
  const api: StreamSink = {
    position: () =>
      sink.snapshot ? { instance: sink.snapshot.instance, eventId: sink.snapshot.eventId } : null,
    replace: (parts) => void (sink.snapshot = fromSnapshot(parts, sink.snapshot, Date.now())),
    apply: (items) => {
      sink.applied.push(...items.map(idOf));
      sink.snapshot = applyAll(sink.snapshot!, items, Date.now());
    },
    report: (r) => void sink.reports.push(r),
    invalid: (m) => void sink.invalid.push(m),
    hasProblems: () => Object.keys(sink.snapshot?.problems ?? {}).length > 0,
  };
  return { sink, api, phase: () => sink.reports.at(-1)?.phase };
}

const windowEvent = (id: number): StreamEvent => ({ ...eventFixtures['metrics.window'], id });

function makeClient(api: StreamSink, overrides = {}) {
  return new StreamClient(api, {
    baseUrl: base,
    pollMs: 20,
    silenceMs: 200,
    maxBackoffMs: 80,
    requestTimeoutMs: 500,
    createEventSource: (url) => new FakeEventSource(url),
    ...overrides,
  });
}

let client: StreamClient | null = null;
beforeEach(() => FakeEventSource.reset());
afterEach(() => client?.stop());

describe('StreamClient', () => {
  test('loads a snapshot, then opens the stream from its position and goes live', async () => {
    server.use(http.get(`${base}/status`, () => HttpResponse.json(snapshotFixture)));
    const { sink, api, phase } = recordingSink();
    client = makeClient(api);
    client.start();

    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    expect(sink.snapshot?.eventId).toBe(41);
    expect(sink.snapshot?.problems).toEqual({});
    expect(FakeEventSource.latest().url).toBe(
      `${base}/stream?lastEventId=41&instance=${snapshotFixture.instance}`,
    );
    FakeEventSource.latest().open();
    expect(phase()).toBe('live');

    FakeEventSource.latest().emit(windowEvent(42), 42);
    FakeEventSource.latest().emit(windowEvent(42), 42); // a repeat is ignored
    FakeEventSource.latest().emit(windowEvent(43), 43);
    expect(sink.applied).toEqual([42, 43]);
    expect(sink.snapshot?.eventId).toBe(43);
  });

  test('a gap in the stream is filled from the events endpoint before the stream resumes', async () => {
    let asked = '';
    server.use(
      http.get(`${base}/status`, () => HttpResponse.json(snapshotFixture)),
      http.get(`${base}/events`, ({ request }) => {
        asked = new URL(request.url).search;
        return HttpResponse.json({
          instance: snapshotFixture.instance,
          events: [windowEvent(42), windowEvent(43), windowEvent(44)],
          lastEventId: 44,
          gap: false,
        });
      }),
    );
    const { sink, api } = recordingSink();
    client = makeClient(api);
    client.start();
    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    FakeEventSource.latest().open();

    FakeEventSource.latest().emit(windowEvent(44), 44); // 42 and 43 never arrived
    expect(FakeEventSource.latest().closed).toBe(true);
    await vi.waitFor(() => expect(sink.applied).toEqual([42, 43, 44]));
    expect(asked).toBe(`?after=41&instance=${snapshotFixture.instance}`);
    await vi.waitFor(() => expect(FakeEventSource.instances.length).toBeGreaterThan(1));
    expect(FakeEventSource.latest().url).toContain('lastEventId=44');
  });

  test('when the stream drops it polls (missing nothing), then returns to the stream', async () => {
    let polls = 0;
    server.use(
      http.get(`${base}/status`, () => HttpResponse.json(snapshotFixture)),
      http.get(`${base}/events`, ({ request }) => {
        polls += 1;
        const after = Number(new URL(request.url).searchParams.get('after'));
        return HttpResponse.json({
          instance: snapshotFixture.instance,
          events: [windowEvent(after + 1)],
          lastEventId: after + 1,
          gap: false,
        });
      }),
    );
    const { sink, api, phase } = recordingSink();
    client = makeClient(api, { streamRetryEvery: 3 });
    client.start();
    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    FakeEventSource.latest().open();
    FakeEventSource.latest().fail();
    expect(phase()).toBe('polling');

    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(2));
    expect(polls).toBeGreaterThanOrEqual(2);
    // Every id after the snapshot arrived exactly once, in order.
    expect(sink.applied).toEqual(Array.from({ length: sink.applied.length }, (_, i) => 42 + i));
    expect(FakeEventSource.latest().url).toContain(`lastEventId=${sink.snapshot!.eventId}`);
    FakeEventSource.latest().open();
    expect(phase()).toBe('live');
  });

  test('an unreachable API is reported with the time it started, with growing backoff, and recovery is automatic', async () => {
    const times: number[] = [];
    let down = true;
    server.use(
      http.get(`${base}/status`, () => {
        times.push(Date.now());
        return down ? HttpResponse.error() : HttpResponse.json(snapshotFixture);
      }),
    );
    const { sink, api, phase } = recordingSink();
    client = makeClient(api, { pollMs: 20, maxBackoffMs: 200, random: () => 1 });
    client.start();

    await vi.waitFor(() => expect(times.length).toBeGreaterThanOrEqual(4), { timeout: 2000 });
    expect(phase()).toBe('unreachable');
    const unreachable = sink.reports.filter((r) => r.phase === 'unreachable');
    expect(new Set(unreachable.map((r) => r.since)).size).toBe(1); // "since" is when it started
    expect(unreachable.at(-1)?.problem).toBe('no connection');
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps[2]!).toBeGreaterThan(gaps[0]! + 10); // backing off, not hammering

    down = false;
    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(1), { timeout: 2000 });
    expect(sink.snapshot?.eventId).toBe(41);
    expect(phase()).toBe('polling');
  });

  test('a slow API counts as unreachable after the request deadline', async () => {
    server.use(http.get(`${base}/status`, () => new Promise(() => {})));
    const { sink, api, phase } = recordingSink();
    client = makeClient(api, { requestTimeoutMs: 50 });
    client.start();
    await vi.waitFor(() => expect(phase()).toBe('unreachable'));
    expect(sink.reports.at(-1)?.problem).toBe('no answer within 0.05 s');
  });

  test('invalid data is reported in words and never replaces last-known data', async () => {
    server.use(
      http.get(`${base}/status`, () => HttpResponse.json(snapshotFixture)),
      http.get(`${base}/events`, () =>
        HttpResponse.json({ instance: snapshotFixture.instance, events: [], lastEventId: 41, gap: false }),
      ),
    );
    const { sink, api } = recordingSink();
    client = makeClient(api);
    client.start();
    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    FakeEventSource.latest().open();

    FakeEventSource.latest().emit('{"type":"metrics.wind', 42);
    expect(sink.invalid.at(-1)).toMatch(/^stream event: not valid JSON/);
    FakeEventSource.reset();
    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    FakeEventSource.latest().open();
    const before = sink.snapshot!.metrics;
    FakeEventSource.latest().emit(
      { ...windowEvent(42), window: { ...eventFixtures['metrics.window'].window, errorRate: 'n/a' } },
      42,
    );
    // Positioned but broken: the stream moves past it, the metrics section says what was wrong
    // and keeps its last valid windows; nothing else is touched.
    expect(sink.snapshot!.eventId).toBe(42);
    expect(sink.snapshot!.problems.metrics?.message).toMatch(/^stream event: window\.errorRate/);
    expect(sink.snapshot!.metrics).toEqual(before);
    expect(sink.snapshot!.problems.venues).toBeUndefined();
  });

  test('a restarted system (another instance) makes the client start over from a snapshot', async () => {
    const restarted = { ...structuredClone(snapshotFixture), instance: 'after-restart', eventId: 3 };
    let statusCalls = 0;
    server.use(
      http.get(`${base}/status`, () => HttpResponse.json(statusCalls++ === 0 ? snapshotFixture : restarted)),
      http.get(`${base}/events`, () =>
        HttpResponse.json({ instance: 'after-restart', events: [], lastEventId: 3, gap: true }),
      ),
    );
    const { sink, api } = recordingSink();
    client = makeClient(api);
    client.start();
    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    FakeEventSource.latest().fail();
    await vi.waitFor(() => expect(sink.snapshot?.instance).toBe('after-restart'));
    expect(sink.snapshot?.eventId).toBe(3);
  });

  test('a stream that goes silent is treated as lost', async () => {
    server.use(
      http.get(`${base}/status`, () => HttpResponse.json(snapshotFixture)),
      http.get(`${base}/events`, () =>
        HttpResponse.json({ instance: snapshotFixture.instance, events: [], lastEventId: 41, gap: false }),
      ),
    );
    const { sink, api, phase } = recordingSink();
    client = makeClient(api, { silenceMs: 60 });
    client.start();
    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    FakeEventSource.latest().open();
    expect(phase()).toBe('live');
    await vi.waitFor(() => expect(phase()).toBe('polling'));
    expect(sink.reports.at(-1)?.problem).toMatch(/went silent/);
  });

  test('losing the stream does not make old data look current', async () => {
    server.use(
      http.get(`${base}/status`, () => HttpResponse.json(snapshotFixture)),
      http.get(`${base}/events`, () => new Promise(() => {})), // polls hang: nothing new arrives
    );
    const { sink, api } = recordingSink();
    client = makeClient(api, { requestTimeoutMs: 5000 });
    client.start();
    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    FakeEventSource.latest().open();
    const contact = sink.reports.at(-1)!.lastContactAt;
    await new Promise((r) => setTimeout(r, 50));
    FakeEventSource.latest().fail();
    expect(sink.reports.at(-1)!.phase).toBe('polling');
    expect(sink.reports.at(-1)!.lastContactAt).toBe(contact);
  });

  test('a stream that never opens is given up on, and polling carries on', async () => {
    let polls = 0;
    server.use(
      http.get(`${base}/status`, () => HttpResponse.json(snapshotFixture)),
      http.get(`${base}/events`, () => {
        polls += 1;
        return HttpResponse.json({
          instance: snapshotFixture.instance,
          events: [],
          lastEventId: 41,
          gap: false,
        });
      }),
    );
    const { api, phase } = recordingSink();
    client = makeClient(api, { silenceMs: 80 });
    client.start();
    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    // never opened…
    await vi.waitFor(() => expect(polls).toBeGreaterThanOrEqual(2));
    expect(phase()).toBe('polling');
    expect(FakeEventSource.instances[0]!.closed).toBe(true);
  });

  test('heartbeats keep a quiet stream live without moving the position', async () => {
    server.use(http.get(`${base}/status`, () => HttpResponse.json(snapshotFixture)));
    const { sink, api, phase } = recordingSink();
    // Beats every 250 ms for 1.5 s against a 1 s silence window: longer than the window in all,
    // each gap far inside it, so a loaded machine cannot make it flap.
    client = makeClient(api, { silenceMs: 1000 });
    client.start();
    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    FakeEventSource.latest().open();
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 250));
      FakeEventSource.latest().emit({ type: 'heartbeat', at: new Date().toISOString() });
    }
    expect(phase()).toBe('live');
    expect(FakeEventSource.instances).toHaveLength(1);
    expect(sink.snapshot!.eventId).toBe(41);
  });

  test('data that arrives late is shown as old as it is', async () => {
    let now = Date.parse('2026-01-05T10:00:00.000Z');
    const at = (ms: number) => new Date(ms).toISOString();
    server.use(http.get(`${base}/status`, () => HttpResponse.json(snapshotFixture)));
    const { sink, api } = recordingSink();
    client = makeClient(api, { silenceMs: 60_000, now: () => now });
    client.start();
    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    FakeEventSource.latest().open();
    // The server's clock is 5 s behind this browser's; heartbeats arrive 20 ms after they are sent.
    for (let i = 0; i < 3; i++) {
      now += 1000;
      FakeEventSource.latest().emit({ type: 'heartbeat', at: at(now - 5000 - 20) });
    }
    expect(sink.reports.at(-1)!.lastContactAt).toBe(now);
    // Then the API slows down: an event made at `made` arrives 2.8 s later.
    const made = now + 200;
    now = made + 2800;
    FakeEventSource.latest().emit({ ...windowEvent(42), at: at(made - 5000 - 20) }, 42);
    expect(now - sink.reports.at(-1)!.lastContactAt!).toBe(2800);
  });

  test('an event that can never be read at one position is stepped over by a snapshot', async () => {
    let statusCalls = 0;
    server.use(
      http.get(`${base}/status`, () => {
        statusCalls += 1;
        return HttpResponse.json(statusCalls === 1 ? snapshotFixture : { ...snapshotFixture, eventId: 50 });
      }),
      // The events page carries an event with no valid id: it cannot be positioned.
      http.get(`${base}/events`, () =>
        HttpResponse.json({
          instance: snapshotFixture.instance,
          events: [{ id: 'x', type: 'metrics.window' }],
          lastEventId: 42,
          gap: false,
        }),
      ),
    );
    const { sink, api } = recordingSink();
    client = makeClient(api, { streamRetryEvery: 100 });
    client.start();
    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    FakeEventSource.latest().fail();
    await vi.waitFor(() => expect(sink.snapshot!.eventId).toBe(50), { timeout: 3000 });
    expect(sink.invalid.length).toBeGreaterThanOrEqual(2);
    expect(sink.reports.at(-1)!.resyncs).toBe(1);
  });

  test('an invalid event met while polling is re-synced by the next poll, never by a parallel stream', async () => {
    let snapshots = 0;
    server.use(
      http.get(`${base}/status`, () => {
        snapshots += 1;
        return HttpResponse.json(snapshotFixture);
      }),
      http.get(`${base}/events`, ({ request }) => {
        const after = Number(new URL(request.url).searchParams.get('after'));
        const bad = { ...windowEvent(after + 1), window: { errorRate: 'n/a' } };
        return HttpResponse.json({
          instance: snapshotFixture.instance,
          events: [bad],
          lastEventId: after + 1,
          gap: false,
        });
      }),
    );
    const { api } = recordingSink();
    client = makeClient(api, { streamRetryEvery: 100 });
    client.start();
    await vi.waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    FakeEventSource.latest().fail();
    await vi.waitFor(() => expect(snapshots).toBe(2));
    expect(FakeEventSource.instances).toHaveLength(1); // no stream opened beside the polling
  });

  test('backoff grows, is capped, has jitter, and never goes faster than the poll interval', () => {
    expect([1, 2, 3, 4, 5].map((f) => backoffDelay(f, 1000, 5000, () => 1))).toEqual([
      1000, 2000, 4000, 5000, 5000,
    ]);
    expect(backoffDelay(3, 1000, 5000, () => 0)).toBe(3000); // jitter takes up to a quarter off
    expect(backoffDelay(1, 1000, 5000, () => 0)).toBe(1000); // but never below the poll interval
    const spread = new Set(Array.from({ length: 20 }, (_, i) => backoffDelay(4, 1000, 8000, () => i / 20)));
    expect(spread.size).toBeGreaterThan(10);
  });

  test('a section left broken after a fault heals with a later snapshot, even when no event comes', async () => {
    let bad = true;
    server.use(
      http.get(`${base}/status`, () =>
        HttpResponse.json(
          bad
            ? { ...snapshotFixture, tradingState: { ...snapshotFixture.tradingState, state: 'PAUSED' } }
            : snapshotFixture,
        ),
      ),
    );
    const { sink, api } = recordingSink();
    client = makeClient(api, { resyncEveryMs: 60, silenceMs: 10_000 });
    client.start();
    await vi.waitFor(() => expect(sink.snapshot?.problems.tradingState).toBeDefined());
    await vi.waitFor(() => expect(FakeEventSource.instances.length).toBeGreaterThan(0));
    FakeEventSource.latest().open();
    bad = false; // the fault clears; the stream stays quiet
    await vi.waitFor(() => expect(sink.snapshot?.problems.tradingState).toBeUndefined(), { timeout: 2000 });
    expect(sink.snapshot?.tradingState?.state).toBe('ACTIVE');
  });
});

import { describe, expect, test } from 'vitest';
import {
  eventPageSchema,
  problemSchema,
  simStateSchema,
  snapshotSchema,
  streamEventSchema,
} from '../../contract/schemas.ts';
import type { Fault, SimState, Snapshot } from '../../contract/schemas.ts';
import { parseJsonOrExplain } from '../../contract/validate.ts';
import {
  TEST_TIMEOUT_MS,
  connectionOutcome,
  openStream,
  readSseMessages,
  request,
  sendJson,
  sseReader,
  simHostFactory,
  waitFor,
} from './test-support.ts';
import type { TestHost } from './test-support.ts';

// Fast simulated time so that the event history and live events build up within moments.
const startHost = simHostFactory({ speed: 20 });

async function setFault(t: TestHost, fault: Fault): Promise<void> {
  const answer = await sendJson(t.url('/__sim/faults'), 'PUT', fault);
  expect(answer.status, answer.text).toBe(200);
  expect(simStateSchema.parse(answer.body).fault).toEqual(fault);
}

async function clearFault(t: TestHost): Promise<void> {
  const answer = await request(t.url('/__sim/faults'), { method: 'DELETE' });
  expect(answer.status, answer.text).toBe(200);
  expect(simStateSchema.parse(answer.body).fault).toBeNull();
}

/** The trading API answering normally: a valid snapshot, a valid page, a stream that starts with a reset. */
async function expectNormalAnswers(t: TestHost): Promise<void> {
  const statusAnswer = await request(t.url('/api/v1/status'));
  expect(statusAnswer.status).toBe(200);
  const snapshot: Snapshot = snapshotSchema.parse(statusAnswer.body);
  const pageAnswer = await request(t.url(`/api/v1/events?after=0&instance=${snapshot.instance}`));
  expect(pageAnswer.status).toBe(200);
  expect(eventPageSchema.parse(pageAnswer.body).events.length).toBeGreaterThan(0);
  const stream = await openStream(t.url('/api/v1/stream'));
  const [message] = await readSseMessages(stream, 1);
  expect(streamEventSchema.parse(JSON.parse(message!.data)).type).toBe('reset');
  sseReader(stream).cancel();
}

async function withHistory(events = 3): Promise<TestHost> {
  const t = await startHost();
  await waitFor(`${events} events`, () => (t.host.sim.lastEventId >= events ? true : undefined));
  return t;
}

describe('fault: down', { timeout: TEST_TIMEOUT_MS }, () => {
  test('every trading API request dies at the connection level and open streams are cut', async () => {
    const t = await withHistory();
    const stream = await openStream(t.url('/api/v1/stream'));
    await readSseMessages(stream, 1);
    await setFault(t, { kind: 'down' });

    await sseReader(stream).ended();
    expect(await connectionOutcome(t.url('/api/v1/status'))).toBe('rejected');
    expect(await connectionOutcome(t.url('/api/v1/events?after=0'))).toBe('rejected');
    expect(await connectionOutcome(t.url('/api/v1/stream'))).toBe('rejected');

    await clearFault(t);
    await expectNormalAnswers(t);
  });
});

describe('fault: slow', { timeout: TEST_TIMEOUT_MS }, () => {
  test('responses take at least the delay', async () => {
    const t = await withHistory();
    await setFault(t, { kind: 'slow', delayMs: 300 });
    // Timers fire on whole milliseconds of the event loop's clock: allow that rounding.
    const atLeast = 300 - 2;
    for (const path of ['/api/v1/status', '/api/v1/events?after=0']) {
      const started = performance.now();
      const answer = await request(t.url(path));
      expect(performance.now() - started).toBeGreaterThanOrEqual(atLeast);
      expect(answer.status).toBe(200);
    }
    const started = performance.now();
    const stream = await openStream(t.url('/api/v1/stream'));
    await readSseMessages(stream, 1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(atLeast);
  });

  test('clearing the fault takes the delay away', async () => {
    const t = await withHistory();
    // A delay no test could wait out: answers within the request deadline prove it is gone.
    await setFault(t, { kind: 'slow', delayMs: 120_000 });
    await clearFault(t);
    await expectNormalAnswers(t);
  });
});

describe('fault: http-500', { timeout: TEST_TIMEOUT_MS }, () => {
  test('every trading API request is a 500 with a problem body, and open streams are cut', async () => {
    const t = await withHistory();
    const stream = await openStream(t.url('/api/v1/stream'));
    await readSseMessages(stream, 1);
    await setFault(t, { kind: 'http-500' });

    await sseReader(stream).ended();
    for (const path of ['/api/v1/status', '/api/v1/events?after=0', '/api/v1/stream']) {
      const answer = await request(t.url(path));
      expect(answer.status).toBe(500);
      const problem = problemSchema.parse(answer.body);
      expect(problem.status).toBe(500);
      expect(problem.detail).toContain('http-500');
    }

    await clearFault(t);
    await expectNormalAnswers(t);
  });
});

describe('fault: malformed-json', { timeout: TEST_TIMEOUT_MS }, () => {
  test('answers 200 with bodies and stream messages that are not valid JSON', async () => {
    const t = await withHistory();
    await setFault(t, { kind: 'malformed-json' });

    for (const path of ['/api/v1/status', '/api/v1/events?after=0']) {
      const answer = await request(t.url(path));
      expect(answer.status).toBe(200);
      expect(answer.contentType).toMatch(/^application\/json/);
      expect(answer.text.length).toBeGreaterThan(0);
      expect(answer.body).toBeUndefined(); // did not parse
      const explained = parseJsonOrExplain(answer.text, snapshotSchema, 'status');
      expect(explained.ok).toBe(false);
      if (!explained.ok) expect(explained.error).toContain('not valid JSON');
    }

    const stream = await openStream(t.url('/api/v1/stream'));
    for (const message of await readSseMessages(stream, 3))
      expect(() => JSON.parse(message.data) as unknown).toThrow(SyntaxError);

    await clearFault(t);
    await expectNormalAnswers(t);
  });
});

describe('fault: schema-violation', { timeout: TEST_TIMEOUT_MS }, () => {
  test('the snapshot is valid JSON that breaks the contract, and the explanation names the field', async () => {
    const t = await withHistory();
    await setFault(t, { kind: 'schema-violation' });

    const answer = await request(t.url('/api/v1/status'));
    expect(answer.status).toBe(200);
    expect(answer.body).toBeDefined(); // valid JSON
    const explained = parseJsonOrExplain(answer.text, snapshotSchema, 'status');
    if (explained.ok) throw new Error('the snapshot passed the schema');
    expect(explained.error).toContain('tradingState.state');
    expect(explained.error).toContain('"PAUSED"');

    await clearFault(t);
    await expectNormalAnswers(t);
  });

  test('the events page breaks its schema at an event, and the explanation names where', async () => {
    const t = await withHistory();
    await setFault(t, { kind: 'schema-violation' });

    const answer = await request(t.url('/api/v1/events?after=0'));
    expect(answer.status).toBe(200);
    const first = t.host.sim.eventsAfter(0, 1).events[0]!;
    const field = first.type === 'metrics.window' ? 'events[0].window.errorRate' : 'events[0].at';
    const explained = parseJsonOrExplain(answer.text, eventPageSchema, 'events');
    if (explained.ok) throw new Error('the events page passed the schema');
    expect(explained.error).toContain(field);
  });

  test('metrics and trading-state events break their schema, other events stay valid, ids intact', async () => {
    const t = await withHistory();
    await setFault(t, { kind: 'schema-violation' });

    const stream = await openStream(t.url('/api/v1/stream'));
    const messages = (await readSseMessages(stream, 12)).filter((m) => m.id !== null);
    const broken = new Set(['reset', 'metrics.window', 'trading-state.changed']);
    const seen = new Set<string>();
    for (const [i, message] of messages.entries()) {
      const raw = JSON.parse(message.data) as { id: unknown; type: string };
      expect(message.id).toBe(String(raw.id));
      seen.add(raw.type);
      const explained = parseJsonOrExplain(message.data, streamEventSchema, 'stream event');
      expect(explained.ok, `${raw.type} should ${broken.has(raw.type) ? 'fail' : 'pass'}`).toBe(
        !broken.has(raw.type),
      );
      if (i === 0) {
        expect(raw.type).toBe('reset');
        if (!explained.ok) expect(explained.error).toContain('snapshot.tradingState.state');
      }
    }
    expect(seen.has('metrics.window')).toBe(true);
    expect([...seen].some((type) => !broken.has(type))).toBe(true);
  });
});

describe('fault: stream-drop', { timeout: TEST_TIMEOUT_MS }, () => {
  test('open streams are cut and new ones fail, while status and events still answer', async () => {
    const t = await withHistory();
    const stream = await openStream(t.url('/api/v1/stream'));
    await readSseMessages(stream, 1);
    await setFault(t, { kind: 'stream-drop' });

    await sseReader(stream).ended();
    expect(await connectionOutcome(t.url('/api/v1/stream'))).toBe('rejected');
    const status = await request(t.url('/api/v1/status'));
    expect(status.status).toBe(200);
    snapshotSchema.parse(status.body);
    const page = await request(t.url('/api/v1/events?after=0'));
    expect(page.status).toBe(200);
    eventPageSchema.parse(page.body);

    await clearFault(t);
    await expectNormalAnswers(t);
  });
});

const ALL_FAULTS: Fault[] = [
  { kind: 'down' },
  { kind: 'slow', delayMs: 60_000 },
  { kind: 'http-500' },
  { kind: 'malformed-json' },
  { kind: 'schema-violation' },
  { kind: 'stream-drop' },
];

describe('faults and drill control', { timeout: TEST_TIMEOUT_MS }, () => {
  test.for(ALL_FAULTS)('$kind never touches /__sim', async (fault) => {
    const t = await withHistory();
    await setFault(t, fault);

    // A minute's delay would blow the request deadline: an answer in time means no delay.
    const state = await request(t.url('/__sim/state'));
    expect(state.status).toBe(200);
    const parsed: SimState = simStateSchema.parse(state.body);
    expect(parsed.fault).toEqual(fault);
    const stepped = await sendJson(t.url('/__sim/clock'), 'POST', { advanceMs: 1_000 });
    expect(stepped.status).toBe(200);
    simStateSchema.parse(stepped.body);
    const missing = await request(t.url('/__sim/nope'));
    expect(missing.status).toBe(404);
    problemSchema.parse(missing.body);
  });

  test.for(ALL_FAULTS)('clearing $kind restores normal answers', async (fault) => {
    const t = await withHistory();
    await setFault(t, fault);
    await clearFault(t);
    await expectNormalAnswers(t);
  });

  test('a new fault replaces the previous one', async () => {
    const t = await withHistory();
    await setFault(t, { kind: 'down' });
    await setFault(t, { kind: 'http-500' });
    expect((await request(t.url('/api/v1/status'))).status).toBe(500);
  });
});

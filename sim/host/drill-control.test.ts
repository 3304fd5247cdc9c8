import { describe, expect, test } from 'vitest';
import { eventPageSchema, problemSchema, simStateSchema, snapshotSchema } from '../../contract/schemas.ts';
import type { SimState, Snapshot } from '../../contract/schemas.ts';
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
import type { JsonAnswer, TestHost } from './test-support.ts';

const startHost = simHostFactory();

function okState(answer: JsonAnswer): SimState {
  expect(answer.status, answer.text).toBe(200);
  return simStateSchema.parse(answer.body);
}

async function simState(t: TestHost): Promise<SimState> {
  return okState(await request(t.url('/__sim/state')));
}

async function status(t: TestHost): Promise<Snapshot> {
  const answer = await request(t.url('/api/v1/status'));
  expect(answer.status, answer.text).toBe(200);
  return snapshotSchema.parse(answer.body);
}

function badRequest(answer: JsonAnswer): string {
  expect(answer.status, answer.text).toBe(400);
  const problem = problemSchema.parse(answer.body);
  expect(problem).toMatchObject({ status: 400, title: 'Bad Request' });
  return problem.detail;
}

describe('GET /__sim/state', { timeout: TEST_TIMEOUT_MS }, () => {
  test('matches the contract and tells the seed, clock, scenarios, fault and last event', async () => {
    const startMs = Date.UTC(2025, 0, 1);
    const t = await startHost({ seed: 42, speed: 20, startMs });
    await waitFor('a first event', () => (t.host.sim.lastEventId > 0 ? true : undefined));
    const state = await simState(t);
    expect(state).toMatchObject({ seed: 42, speed: 20, paused: false, scenarios: ['normal'], fault: null });
    expect(Date.parse(state.now)).toBeGreaterThan(startMs);
    expect(state.lastEventId).toBeGreaterThan(0);
    expect(state.lastEventId).toBeLessThanOrEqual(t.host.sim.lastEventId);
  });

  test('scenarios given at start are running from the first request', async () => {
    const t = await startHost({ scenarios: ['normal', 'error-storm', 'latency-degradation'] });
    expect((await simState(t)).scenarios).toEqual(['normal', 'latency-degradation', 'error-storm']);
  });
});

describe('scenarios', { timeout: TEST_TIMEOUT_MS }, () => {
  test('exchange-outage: the venue leaves CONNECTED within a few simulated seconds, and comes back when stopped', async () => {
    const t = await startHost({ speed: 10 });
    const started = okState(
      await sendJson(t.url('/__sim/scenarios'), 'POST', { name: 'exchange-outage', venueId: 'okx' }),
    );
    expect(started.scenarios).toEqual(['normal', 'exchange-outage']);
    expect((await simState(t)).scenarios).toEqual(['normal', 'exchange-outage']);

    const down = await waitFor('okx to leave CONNECTED', async () => {
      const snapshot = await status(t);
      return snapshot.venues.find((v) => v.id === 'okx')?.connection !== 'CONNECTED' ? snapshot : undefined;
    });
    for (const venue of down.venues.filter((v) => v.id !== 'okx')) expect(venue.connection).toBe('CONNECTED');
    // When it happened is read from the event history, in simulated time: a poll that a loaded
    // machine delays would otherwise see the change late and blame the simulator.
    const page = eventPageSchema.parse(
      (await request(t.url(`/api/v1/events?after=${started.lastEventId}&limit=1000`))).body,
    );
    const change = page.events.find(
      (e) =>
        e.type === 'venues.changed' && e.venues.some((v) => v.id === 'okx' && v.connection !== 'CONNECTED'),
    );
    if (!change) throw new Error('no venues.changed event reports okx leaving CONNECTED');
    const after = Date.parse(change.at) - Date.parse(started.now);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThanOrEqual(5_000);

    const stopped = okState(await request(t.url('/__sim/scenarios/exchange-outage'), { method: 'DELETE' }));
    expect(stopped.scenarios).toEqual(['normal']);
    await waitFor('okx to reconnect', async () => {
      const snapshot = await status(t);
      return snapshot.venues.find((v) => v.id === 'okx')?.connection === 'CONNECTED' ? true : undefined;
    });
  });

  test('starting a running scenario again is harmless; scenarios combine', async () => {
    const t = await startHost();
    okState(await sendJson(t.url('/__sim/scenarios'), 'POST', { name: 'error-storm' }));
    okState(await sendJson(t.url('/__sim/scenarios'), 'POST', { name: 'error-storm' }));
    const both = okState(await sendJson(t.url('/__sim/scenarios'), 'POST', { name: 'latency-degradation' }));
    expect(both.scenarios).toEqual(['normal', 'latency-degradation', 'error-storm']);
    const one = okState(await request(t.url('/__sim/scenarios/error-storm'), { method: 'DELETE' }));
    expect(one.scenarios).toEqual(['normal', 'latency-degradation']);
  });

  test('system-crash: the trading API dies at the connection level, drill control answers, stopping brings it back', async () => {
    const t = await startHost({ speed: 10 });
    const stream = await openStream(t.url('/api/v1/stream'));
    await readSseMessages(stream, 1);

    const crashed = okState(await sendJson(t.url('/__sim/scenarios'), 'POST', { name: 'system-crash' }));
    expect(crashed.scenarios).toContain('system-crash');
    expect(await connectionOutcome(t.url('/api/v1/status'))).toBe('rejected');
    expect(await connectionOutcome(t.url('/api/v1/events?after=0'))).toBe('rejected');
    expect(await connectionOutcome(t.url('/api/v1/stream'))).toBe('rejected');
    await sseReader(stream).ended(); // the open stream is cut too
    expect((await simState(t)).scenarios).toContain('system-crash');

    const recovered = okState(await request(t.url('/__sim/scenarios/system-crash'), { method: 'DELETE' }));
    expect(recovered.scenarios).toEqual(['normal']);
    expect((await status(t)).instance).toBe(t.host.sim.instance);
  });

  test.for([
    ['an unknown scenario', { name: 'nope' }, ['name', '"nope"']],
    ['an unknown venue', { name: 'exchange-outage', venueId: 'nasdaq' }, ['unknown venue', 'nasdaq']],
    ['a venue for another scenario', { name: 'error-storm', venueId: 'okx' }, ['venueId', 'error-storm']],
    ['an unexpected field', { name: 'error-storm', severity: 'high' }, ['unexpected field', 'severity']],
    ['no name', {}, ['name', 'missing']],
  ] as const)(
    'starting with %s is a 400 naming the problem, and changes nothing',
    async ([, body, named]) => {
      const t = await startHost();
      const detail = badRequest(await sendJson(t.url('/__sim/scenarios'), 'POST', body));
      for (const part of named) expect(detail).toContain(part);
      expect((await simState(t)).scenarios).toEqual(['normal']);
    },
  );

  test('stopping an unknown scenario is a 400 naming it', async () => {
    const t = await startHost();
    const detail = badRequest(await request(t.url('/__sim/scenarios/nope'), { method: 'DELETE' }));
    expect(detail).toContain('"nope"');
  });
});

describe('request bodies', { timeout: TEST_TIMEOUT_MS }, () => {
  test.for([
    ['/__sim/scenarios', 'POST'],
    ['/__sim/faults', 'PUT'],
    ['/__sim/clock', 'POST'],
  ] as const)('%s: a body that is not JSON, or none, is a 400 saying so', async ([path, method]) => {
    const t = await startHost();
    const notJson = await request(t.url(path), {
      method,
      headers: { 'content-type': 'application/json' },
      body: '{name: exchange-outage}',
    });
    expect(badRequest(notJson)).toContain('not valid JSON');
    expect(badRequest(await request(t.url(path), { method }))).toContain('JSON request body is required');
    expect(badRequest(await request(t.url(path), { method, body: '  \n' }))).toContain(
      'JSON request body is required',
    );
    expect((await simState(t)).scenarios).toEqual(['normal']);
  });

  test('an oversized body is refused as too large, not read whole', async () => {
    const t = await startHost();
    const answer = await request(t.url('/__sim/faults'), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'down', padding: 'x'.repeat(100_000) }),
    });
    expect(answer.status).toBe(413);
    expect(problemSchema.parse(answer.body)).toMatchObject({ title: 'Payload Too Large', status: 413 });
    expect((await simState(t)).fault).toBeNull();
  });
});

describe('POST /__sim/clock', { timeout: TEST_TIMEOUT_MS }, () => {
  const clock = (t: TestHost, body: unknown) => sendJson(t.url('/__sim/clock'), 'POST', body);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  test('pause stops simulated time; advanceMs steps it; resume lets it run again', async () => {
    const t = await startHost({ speed: 10 });
    const paused = okState(await clock(t, { paused: true }));
    expect(paused.paused).toBe(true);
    await sleep(300); // 3 simulated seconds, had the clock been running
    const later = await simState(t);
    expect(later.now).toBe(paused.now);
    expect((await status(t)).asOf <= paused.now).toBe(true);

    const stepped = okState(await clock(t, { advanceMs: 5_000 }));
    expect(Date.parse(stepped.now) - Date.parse(paused.now)).toBe(5_000);
    expect(stepped.paused).toBe(true);
    // The step is processed at once: the model's time moved with it.
    expect(Date.parse((await status(t)).asOf)).toBeGreaterThan(Date.parse(paused.now) + 4_000);

    const resumed = okState(await clock(t, { paused: false }));
    expect(resumed.paused).toBe(false);
    await waitFor('the clock to run again', async () =>
      Date.parse((await simState(t)).now) > Date.parse(stepped.now) ? true : undefined,
    );
  });

  test('speed sets how fast simulated time passes', async () => {
    const t = await startHost({ speed: 1 });
    okState(await clock(t, { paused: true }));
    expect(okState(await clock(t, { speed: 100 })).speed).toBe(100);
    okState(await clock(t, { paused: false }));

    // The host runs in this process, so this clock is the server's: the real time between its
    // two readings is at least the gap between the first answer and the second request.
    const before = await simState(t);
    const gapStart = performance.now();
    await sleep(200);
    const gap = performance.now() - gapStart;
    const after = await simState(t);
    const simulated = Date.parse(after.now) - Date.parse(before.now);
    expect(after.speed).toBe(100);
    expect(simulated).toBeGreaterThanOrEqual(Math.floor(gap * 100) - 2);
  });

  test.for([
    ['{"pause": true}', { pause: true }, ['unexpected field', 'pause']],
    ['speed 0', { speed: 0 }, ['speed', 'more than 0', 'got 0']],
    ['speed over 1000', { speed: 5000 }, ['speed', 'at most 1000']],
    ['a negative step', { advanceMs: -1 }, ['advanceMs', 'got -1']],
    ['paused as a string', { paused: 'yes' }, ['paused', 'true or false']],
  ] as const)('%s is a 400 naming the problem, and changes nothing', async ([, body, named]) => {
    const t = await startHost({ speed: 2 });
    const detail = badRequest(await clock(t, body));
    for (const part of named) expect(detail).toContain(part);
    expect(await simState(t)).toMatchObject({ speed: 2, paused: false });
  });
});

describe('PUT /__sim/faults', { timeout: TEST_TIMEOUT_MS }, () => {
  test('sets and clears the fault shown in the state', async () => {
    const t = await startHost();
    const set = okState(await sendJson(t.url('/__sim/faults'), 'PUT', { kind: 'slow', delayMs: 5 }));
    expect(set.fault).toEqual({ kind: 'slow', delayMs: 5 });
    expect((await simState(t)).fault).toEqual({ kind: 'slow', delayMs: 5 });
    const cleared = okState(await request(t.url('/__sim/faults'), { method: 'DELETE' }));
    expect(cleared.fault).toBeNull();
  });

  test.for([
    ['an unknown kind', { kind: 'flaky' }, ['kind', '"flaky"']],
    ['a delay over two minutes', { kind: 'slow', delayMs: 600_000 }, ['delayMs', 'at most 120000']],
    ['an unexpected field', { kind: 'down', when: 'now' }, ['unexpected field', 'when']],
  ] as const)('%s is a 400 naming the problem, and sets nothing', async ([, body, named]) => {
    const t = await startHost();
    const detail = badRequest(await sendJson(t.url('/__sim/faults'), 'PUT', body));
    for (const part of named) expect(detail).toContain(part);
    expect((await simState(t)).fault).toBeNull();
  });
});

describe('fault descriptions', { timeout: TEST_TIMEOUT_MS }, () => {
  test('a slow fault needs a delay, and only a slow fault takes one', async () => {
    const t = await startHost();
    const put = (fault: unknown) => sendJson(t.url('/__sim/faults'), 'PUT', fault);
    expect(badRequest(await put({ kind: 'slow' }))).toContain('a slow fault needs delayMs');
    expect(badRequest(await put({ kind: 'down', delayMs: 500 }))).toContain(
      'delayMs only applies to a slow fault',
    );
    expect((await simState(t)).fault).toBeNull();
  });
});

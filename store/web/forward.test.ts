import { describe, expect, test } from 'vitest';
import { eventPageSchema, snapshotSchema, streamEventSchema } from '../../contract/schemas.ts';
import { simHostFactory } from '../../sim/host/test-support.ts';
import {
  TEST_TIMEOUT_MS,
  call,
  openStream,
  readSseMessages,
  sseReader,
  storeFactory,
} from '../test-support.ts';

const startStore = storeFactory();
const startSim = simHostFactory({ speed: 20 });

describe('forwarding /api/* to the trading system (--trading-api)', { timeout: TEST_TIMEOUT_MS }, () => {
  test('requests and their query strings pass through, answers come back as the trading system gave them', async () => {
    const sim = await startSim();
    const store = await startStore({ tradingApi: new URL(sim.url('/')) });
    const status = await call(store.url('/api/v1/status'));
    expect(status.status).toBe(200);
    expect(status.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(snapshotSchema.parse(status.body).instance).toBe(sim.host.sim.instance);

    const events = await call(store.url('/api/v1/events?after=0&limit=2'));
    expect(eventPageSchema.parse(events.body).events.length).toBeLessThanOrEqual(2);
    const bad = await call(store.url('/api/v1/events?after=x'));
    expect(bad).toMatchObject({
      status: 400,
      body: { detail: '`after` must be a non-negative integer event id' },
    });
  });

  test('the SSE stream passes through message by message, unbuffered', async () => {
    const sim = await startSim();
    const store = await startStore({ tradingApi: new URL(sim.url('/')) });
    const stream = await openStream(store.url('/api/v1/stream'));
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const [reset, ...live] = (await readSseMessages(stream, 4)).map((m) => {
      const event = streamEventSchema.parse(JSON.parse(m.data));
      expect(m.id).toBe(String(event.id));
      return event;
    });
    expect(reset?.type).toBe('reset');
    expect(live.map((e) => e.id)).toEqual([1, 2, 3].map((n) => reset!.id + n));
    sseReader(stream).cancel();
  });

  test('when the trading system is down: 502 with a problem the board can show; an open stream ends', async () => {
    const sim = await startSim();
    const store = await startStore({ tradingApi: new URL(sim.url('/')) });
    const stream = await openStream(store.url('/api/v1/stream'));
    await readSseMessages(stream, 1);
    await sim.host.close();
    expect(await sseReader(stream).ended()).toBeDefined();

    const answer = await call(store.url('/api/v1/status'));
    expect(answer.status).toBe(502);
    expect(answer.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(answer.body).toEqual({
      title: 'Bad Gateway',
      status: 502,
      detail: `the trading system at http://127.0.0.1:${sim.port} did not answer (ECONNREFUSED); the war-room store itself is up`,
    });
    expect((await call(store.api('/health'))).status).toBe(200);
  });
});

// At most once per key, whatever happens on the wire: a command whose fate is unknown is never
// sent again under its key; one that certainly never arrived is.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { closeServer, listen } from '../../http-kit/listen.ts';
import { RedisPool } from '../read/redis-pool.ts';
import { ControlExecutor } from './executor.ts';

let server: Server | null = null;
afterEach(async () => {
  if (server) await closeServer(server);
  server = null;
});

async function nativeSystem(answer: (count: number) => { delayMs?: number; status: number }) {
  let count = 0;
  server = createServer((req, res) => {
    count += 1;
    const { delayMs = 0, status } = answer(count);
    setTimeout(() => res.writeHead(status, { 'content-type': 'application/json' }).end('{}'), delayMs);
  });
  const port = await listen(server, 0);
  return { url: `http://127.0.0.1:${port}`, count: () => count };
}

function executor(url: string) {
  return executorWith(url);
}

/** An executor for one "Desk" service at `url` whose halt is `halt` (POST /halt unless told). */
function executorWith(
  url: string,
  halt: Record<string, unknown> = {},
  more: Partial<ConstructorParameters<typeof ControlExecutor>[0]> = {},
) {
  return new ControlExecutor({
    systemName: 'Desk',
    bindings: { halt: { http: { service: 'api', method: 'POST', path: '/halt', ...halt } } },
    urls: { api: url },
    serviceHeaders: { api: {} },
    timeouts: { api: 300 },
    secrets: {},
    redis: new RedisPool({}),
    venueIds: () => null,
    now: Date.now,
    ...more,
  });
}

const halt = (key: string) => ({ key, controlId: 'halt' as const, reason: 'drill', operator: 'alice' });

describe('the control executor', () => {
  test('a timed-out command is uncertain, and its retry is not sent again', async () => {
    const native = await nativeSystem(() => ({ delayMs: 1000, status: 200 }));
    const run = executor(native.url);
    expect(await run.run(halt('key-slow-0001'))).toMatchObject({ kind: 'uncertain', status: 504 });
    expect(await run.run(halt('key-slow-0001'))).toMatchObject({ kind: 'uncertain', status: 504 });
    expect(native.count()).toBe(1);
  });

  test('a refused connection delivered nothing: the retry with the same key is sent', async () => {
    const native = await nativeSystem(() => ({ status: 200 }));
    const url = native.url;
    if (server) await closeServer(server);
    server = null;
    const run = executor(url);
    expect(await run.run(halt('key-down-0001'))).toMatchObject({ kind: 'unreachable', status: 503 });
    const back = await nativeSystem(() => ({ status: 200 }));
    const again = executor(back.url);
    expect(await again.run(halt('key-down-0001'))).toMatchObject({ kind: 'executed' });
  });

  test('the system refusing (4xx) runs nothing and spends no key; a 5xx may have run, so it does', async () => {
    const native = await nativeSystem((n) => ({ status: n === 1 ? 400 : n === 2 ? 500 : 200 }));
    const run = executor(native.url);
    expect(await run.run(halt('key-refused-01'))).toMatchObject({
      kind: 'refused',
      status: 422,
      detail: expect.stringContaining('HTTP 400'),
    });
    expect(await run.run(halt('key-refused-01'))).toMatchObject({ kind: 'uncertain', status: 502 });
    expect(await run.run(halt('key-refused-01'))).toMatchObject({ kind: 'uncertain', status: 502 });
    expect(native.count()).toBe(2);
  });

  test('concurrent retries of one key wait for the first: one request', async () => {
    const native = await nativeSystem(() => ({ delayMs: 50, status: 200 }));
    const run = executor(native.url);
    const outcomes = await Promise.all([run.run(halt('key-twice-001')), run.run(halt('key-twice-001'))]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['duplicate', 'executed']);
    expect(native.count()).toBe(1);
    expect(await run.run({ ...halt('key-twice-001'), reason: 'another' })).toMatchObject({
      kind: 'refused',
      status: 409,
    });
  });
});

describe('a system that takes the command key itself', () => {
  test('a timed-out command is sent again under the same key: the system answers the repeat', async () => {
    const seen: (string | undefined)[] = [];
    server = createServer((req, res) => {
      seen.push(req.headers['idempotency-key'] as string | undefined);
      // The first attempt outlives the timeout; the repeat is answered.
      setTimeout(
        () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
        seen.length === 1 ? 1000 : 0,
      );
    });
    const port = await listen(server, 0);
    const run = executorWith(`http://127.0.0.1:${port}`, { headers: { 'Idempotency-Key': '{key}' } });
    expect(await run.run(halt('key-idem-00001'))).toMatchObject({ kind: 'uncertain' });
    expect(await run.run(halt('key-idem-00001'))).toMatchObject({ kind: 'executed' });
    expect(seen).toEqual(['key-idem-00001', 'key-idem-00001']);
  });
});

describe('what the system answers', () => {
  test('a 2xx the profile did not expect may have run: uncertain, never a refusal sent again', async () => {
    const native = await nativeSystem(() => ({ status: 200 }));
    const run = executorWith(native.url, { okStatus: [202] });
    expect(await run.run(halt('key-okst-00001'))).toMatchObject({ kind: 'uncertain', status: 502 });
    expect(await run.run(halt('key-okst-00001'))).toMatchObject({ kind: 'uncertain' });
    expect(native.count()).toBe(1);
  });

  test('a secret the system echoes back in its refusal is blanked out', async () => {
    server = createServer((req, res) => {
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end(JSON.stringify({ got: req.headers['x-desk-key'] }));
    });
    const port = await listen(server, 0);
    const run = executorWith(
      `http://127.0.0.1:${port}`,
      {},
      {
        serviceHeaders: { api: { 'X-Desk-Key': 'sekrit-desk-key-XYZ' } },
        secrets: { deskKey: 'sekrit-desk-key-XYZ' },
      },
    );
    const outcome = await run.run(halt('key-echo-00001'));
    expect(outcome).toMatchObject({ kind: 'refused', detail: expect.stringContaining('[secret]') });
    expect(JSON.stringify(outcome)).not.toContain('sekrit-desk-key-XYZ');
  });
});

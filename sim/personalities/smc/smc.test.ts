// The SMC personality against its seed (002): /health and /v1/status, the exchanges' pings on
// loopback ports of their own, and the emergency halt through a real Redis key.
import { Redis } from 'ioredis';
import { afterEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  TEST_TIMEOUT_MS,
  drill,
  executedCommands,
  outcome,
  personalityFactory,
  request,
  waitFor,
} from '../testing/personality-process.ts';
import type { RunningPersonality } from '../testing/personality-process.ts';
import { HAS_REDIS, redisFactory } from '../testing/redis-server.ts';

const start = personalityFactory();
const startRedis = redisFactory();
const clients: Redis[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});
function client(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  clients.push(redis);
  return redis;
}

const seconds = z.number().min(1e9).max(1e10);
const health = z.enum(['healthy', 'degraded', 'unhealthy']);
const healthSchema = z.strictObject({
  status: health,
  timestamp: seconds,
  components: z.record(z.string(), health),
  redis: z.strictObject({
    status: z.enum(['connected', 'disconnected', 'not_configured']),
    url: z.string().nullable(),
    error: z.string().nullable(),
    last_read: seconds.nullable(),
  }),
  emergency_halt: z.strictObject({
    key: z.literal('emergency_halt'),
    watching: z.boolean(),
    key_present: z.boolean().nullable(),
    value: z.string().nullable(),
    ttl_seconds: z.number().int().nullable(),
    active: z.boolean(),
  }),
});
const statusSchema = z.strictObject({
  trading: z.strictObject({
    status: z.enum(['active', 'reducing', 'halted', 'killed']),
    changed_at: seconds,
    changed_by: z.string(),
    reason: z.string(),
    emergency_halt: z.boolean(),
  }),
  exchanges: z.array(
    z.strictObject({
      name: z.enum(['binance', 'bybit']),
      status: z.enum(['connected', 'degraded', 'disconnected']),
      enabled: z.boolean(),
      last_market_data: seconds.nullable(),
      open_orders: z.number().int().min(0),
    }),
  ),
  open_orders: z.number().int().min(0),
  timestamp: seconds,
});
const metricsSchema = z.strictObject({
  window_start: seconds.nullable(),
  window_end: seconds.nullable(),
  order_latency_p99_us: z.number().nullable(),
  error_rate: z.number().nullable(),
  throughput_per_second: z.number().nullable(),
  orders: z.number().int(),
  errors: z.number().int(),
  timestamp: seconds,
});
const positionsSchema = z.strictObject({
  positions: z.array(
    z.strictObject({
      symbol: z.string(),
      exchange: z.enum(['binance', 'bybit']),
      size: z.number(),
      entry_price: z.number(),
      mark_price: z.number(),
      notional: z.number(),
      unrealized_pnl: z.number(),
    }),
  ),
  total_unrealized_pnl: z.number(),
  timestamp: seconds,
});
const alertsSchema = z.strictObject({
  alerts: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      severity: z.enum(['warning', 'critical']),
      message: z.string(),
      subject: z.string().nullable(),
      since: seconds,
    }),
  ),
  timestamp: seconds,
});

async function get<T>(url: string, schema: z.ZodType<T>): Promise<T> {
  const answer = await request(url);
  expect(answer.status, `${url}: ${answer.text}`).toBe(200);
  return schema.parse(answer.body);
}
const trading = async (p: RunningPersonality) => (await get(`${p.main}/v1/status`, statusSchema)).trading;
const healthOf = (p: RunningPersonality) => get(`${p.main}/health`, healthSchema);

describe('smc personality', { timeout: TEST_TIMEOUT_MS }, () => {
  test('reads, and the exchanges’ pings on loopback ports of their own (HEAD too, as curl -I sends)', async () => {
    const p = await start('smc');
    expect(Object.keys(p.services)).toEqual(['api', 'binance', 'bybit']);
    const h = await healthOf(p);
    expect(h).toMatchObject({
      status: 'healthy',
      redis: { status: 'not_configured', url: null },
      emergency_halt: { watching: false },
    });
    expect(Object.keys(h.components)).toEqual([
      'trading-engine',
      'execution-engine',
      'data-pipeline',
      'api-gateway',
      'postgres',
    ]);
    const status = await get(`${p.main}/v1/status`, statusSchema);
    expect(status.trading.status).toBe('active');
    expect(status.exchanges.map((e) => e.name)).toEqual(['binance', 'bybit']);
    await get(`${p.main}/v1/metrics`, metricsSchema);
    expect((await get(`${p.main}/v1/positions`, positionsSchema)).positions).toHaveLength(6);
    await get(`${p.main}/v1/alerts`, alertsSchema);

    expect(await get(`${p.services.binance}/api/v3/ping`, z.strictObject({}))).toEqual({});
    const time = await get(
      `${p.services.bybit}/v2/public/time`,
      z.strictObject({
        ret_code: z.literal(0),
        ret_msg: z.literal('OK'),
        ext_code: z.string(),
        ext_info: z.string(),
        result: z.strictObject({}),
        time_now: z.string().regex(/^\d{10}\.\d{6}$/),
      }),
    );
    expect(Number(time.time_now)).toBeGreaterThan(1e9);
    for (const url of [`${p.services.binance}/api/v3/ping`, `${p.services.bybit}/v2/public/time`])
      expect((await fetch(url, { method: 'HEAD' })).status).toBe(200);

    // An exchange's outage takes its ping down; our own crash does not.
    await drill(p, 'POST', '/scenarios', { name: 'exchange-outage', venueId: 'binance' });
    const down = await request(`${p.services.binance}/api/v3/ping`);
    expect([down.status, down.body]).toEqual([
      503,
      { code: -1001, msg: 'exchange unavailable (simulated outage)' },
    ]);
    expect((await request(`${p.services.bybit}/v2/public/time`)).status).toBe(200);
    await drill(p, 'POST', '/scenarios', { name: 'system-crash' });
    expect(await outcome(`${p.main}/health`)).toBe('rejected');
    expect((await request(`${p.services.bybit}/v2/public/time`)).status).toBe(200);
  });

  describe.skipIf(!HAS_REDIS)('the emergency halt through Redis (needs redis-server)', () => {
    test('SET emergency_halt halts; DEL resumes; both are commands; the TTL shows in /health', async () => {
      const redis = await startRedis();
      const p = await start('smc', ['--redis', redis.url]);
      const r = client(redis.url);
      await waitFor('the watch to read Redis', async () =>
        (await healthOf(p)).redis.last_read !== null ? true : undefined,
      );

      await r.set('emergency_halt', 'true', 'EX', 3600);
      const halted = await waitFor('halted', async () => {
        const t = await trading(p);
        return t.status === 'halted' ? t : undefined;
      });
      expect(halted).toMatchObject({ changed_by: 'redis:emergency_halt', emergency_halt: true });
      const h = await healthOf(p);
      expect(h.emergency_halt).toMatchObject({
        watching: true,
        key_present: true,
        value: 'true',
        active: true,
      });
      expect(h.emergency_halt.ttl_seconds).toBeGreaterThan(3500);

      await r.del('emergency_halt');
      await waitFor('active again', async () => ((await trading(p)).status === 'active' ? true : undefined));
      expect((await healthOf(p)).emergency_halt).toMatchObject({ key_present: false, active: false });
      expect((await executedCommands(p)).map((c) => [c.controlId, c.operator, c.reason])).toEqual([
        ['halt', 'redis:emergency_halt', 'emergency_halt is set in Redis'],
        ['resume', 'redis:emergency_halt', 'emergency_halt was removed from Redis'],
      ]);
    });

    test('Redis down: said in /health, the halt kept; back again, the watch catches up', async () => {
      const redis = await startRedis();
      const p = await start('smc', ['--redis', redis.url]);
      await client(redis.url).set('emergency_halt', 'true');
      await waitFor('halted', async () => ((await trading(p)).status === 'halted' ? true : undefined));

      await redis.stop();
      const h = await waitFor('Redis reported down', async () => {
        const found = await healthOf(p);
        return found.redis.status === 'disconnected' ? found : undefined;
      });
      expect(h).toMatchObject({ status: 'degraded', emergency_halt: { watching: false, active: true } });
      expect(h.redis.error).not.toBeNull();
      expect((await trading(p)).status).toBe('halted');

      // A fresh Redis on the same port holds no key: once the watch reconnects, trading resumes.
      await startRedis(redis.port);
      await waitFor('active again', async () => ((await trading(p)).status === 'active' ? true : undefined));
      expect((await healthOf(p)).redis).toMatchObject({ status: 'connected', error: null });
    });

    test('no Redis at all: the API answers and says it cannot watch', async () => {
      const redis = await startRedis();
      await redis.stop();
      const p = await start('smc', ['--redis', redis.url]);
      const h = await waitFor('an error from Redis', async () => {
        const found = await healthOf(p);
        return found.redis.error !== null ? found : undefined;
      });
      expect(h).toMatchObject({
        status: 'degraded',
        redis: { status: 'disconnected', url: redis.url },
        emergency_halt: { watching: false, key_present: null },
      });
    });

    test('a key set while the engine has crashed halts it once it is back', async () => {
      const redis = await startRedis();
      const p = await start('smc', ['--redis', redis.url]);
      await drill(p, 'POST', '/scenarios', { name: 'system-crash' });
      await client(redis.url).set('emergency_halt', 'true');
      expect(await outcome(`${p.main}/v1/status`)).toBe('rejected');
      await drill(p, 'DELETE', '/scenarios/system-crash');
      await waitFor('halted after the restart', async () =>
        (await trading(p)).status === 'halted' ? true : undefined,
      );
    });
  });
});

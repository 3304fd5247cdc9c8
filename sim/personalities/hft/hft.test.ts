// The HFT personality against its seed (004): the admin API on one port, snake_case, epoch-µs
// time stamps, latencies in ms; each control read back through the read endpoints.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  TEST_TIMEOUT_MS,
  advanceClock,
  drill,
  executedCommands,
  pauseClock,
  personalityFactory,
  request,
  send,
  waitFor,
} from '../testing/personality-process.ts';

const start = personalityFactory();
const EXCHANGES = ['binance', 'bybit', 'okx', 'kraken'];
const epochUs = z.number().int().min(1e15);
const connection = z.enum(['connected', 'degraded', 'disconnected']);

const statusSchema = z.strictObject({
  system: z.literal('hft_system'),
  trading_state: z.enum(['running', 'reducing', 'halted', 'killed']),
  killswitch: z.strictObject({
    engaged: z.boolean(),
    reason: z.string().nullable(),
    engaged_at_us: epochUs.nullable(),
    engaged_by: z.string().nullable(),
  }),
  state_changed_at_us: epochUs,
  state_changed_by: z.string(),
  state_reason: z.string(),
  open_orders: z.number().int().min(0),
  timestamp_us: epochUs,
});
const healthSchema = z.strictObject({
  status: z.enum(['healthy', 'degraded', 'unhealthy']),
  components: z.array(
    z.strictObject({
      name: z.string(),
      status: z.enum(['ok', 'degraded', 'down']),
      detail: z.string().nullable(),
      last_check_us: epochUs,
    }),
  ),
  timestamp_us: epochUs,
});
const exchangesSchema = z.strictObject({
  exchanges: z.array(
    z.strictObject({
      name: z.string(),
      status: connection,
      enabled: z.boolean(),
      last_market_data_us: epochUs.nullable(),
      market_data_age_ms: z.number().min(0).nullable(),
      open_orders: z.number().int().min(0),
    }),
  ),
  timestamp_us: epochUs,
});
const windowFields = {
  window_start_us: epochUs,
  window_end_us: epochUs,
  latency_p99_ms: z.number().positive().nullable(),
  error_rate: z.number().min(0).max(1),
  throughput_ops: z.number().min(0),
  orders: z.number().int().min(0),
  errors: z.number().int().min(0),
};
const metricsSchema = z.strictObject({
  ...windowFields,
  window_ms: z.literal(1000),
  history: z.array(z.strictObject(windowFields)),
  timestamp_us: epochUs,
});
const positionsSchema = z.strictObject({
  positions: z.array(
    z.strictObject({
      symbol: z.string(),
      exchange: z.enum(EXCHANGES),
      side: z.enum(['long', 'short', 'flat']),
      quantity: z.number(),
      avg_entry_price: z.number().positive(),
      mark_price: z.number().positive(),
      notional_usd: z.number().min(0),
      unrealized_pnl_usd: z.number(),
    }),
  ),
  total_unrealized_pnl_usd: z.number(),
  total_notional_usd: z.number().min(0),
  timestamp_us: epochUs,
});
const alertsSchema = z.strictObject({
  alerts: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      severity: z.enum(['warning', 'critical']),
      message: z.string(),
      subject: z.string().nullable(),
      since_us: epochUs,
    }),
  ),
  timestamp_us: epochUs,
});
const configSchema = z.strictObject({
  exchanges: z.record(
    z.string(),
    z.strictObject({ enabled: z.boolean(), disabled_until_us: epochUs.nullable() }),
  ),
});
const errorSchema = z.strictObject({ error: z.string(), code: z.number().int() });

async function get<T>(base: string, path: string, schema: z.ZodType<T>): Promise<T> {
  const answer = await request(`${base}${path}`);
  expect(answer.status, answer.text).toBe(200);
  return schema.parse(answer.body);
}

describe('hft personality', { timeout: TEST_TIMEOUT_MS }, () => {
  test('reads: status, health, exchanges, metrics in ms, positions with their PnL total, alerts, config', async () => {
    const p = await start('hft', ['--speed', '5']);
    const api = p.services.api!;
    expect(Object.keys(p.services)).toEqual(['api']);

    const status = await get(api, '/api/v1/status', statusSchema);
    expect(status).toMatchObject({ trading_state: 'running', killswitch: { engaged: false } });
    const health = await get(api, '/api/v1/health', healthSchema);
    expect(health.status).toBe('healthy');
    expect(health.components.map((c) => c.name)).toEqual([
      'order_gateway',
      'order_router',
      'strategy_engine',
      'market_data',
      'risk_manager',
      'position_keeper',
      'timescaledb',
    ]);
    const exchanges = await get(api, '/api/v1/exchanges', exchangesSchema);
    expect(exchanges.exchanges.map((e) => [e.name, e.status, e.enabled])).toEqual(
      EXCHANGES.map((name) => [name, 'connected', true]),
    );

    // A whole second must have closed; its p99 is where a network round trip puts it.
    const metrics = await waitFor('a closed window', async () => {
      const m = await get(api, '/api/v1/metrics?history=5', metricsSchema);
      return m.history.length >= 2 ? m : undefined;
    });
    expect(metrics.latency_p99_ms).toBeGreaterThan(0.2);
    expect(metrics.latency_p99_ms).toBeLessThan(1);
    expect(metrics.history.length).toBeLessThanOrEqual(5);

    const positions = await get(api, '/api/v1/positions', positionsSchema);
    expect(positions.positions).toHaveLength(12);
    const sum = positions.positions.reduce((total, pos) => total + pos.unrealized_pnl_usd, 0);
    expect(positions.total_unrealized_pnl_usd).toBeCloseTo(sum, 1);

    expect((await get(api, '/api/v1/alerts', alertsSchema)).alerts).toEqual([]);
    const config = await get(api, '/api/v1/config', configSchema);
    expect(Object.keys(config.exchanges)).toEqual(EXCHANGES);
  });

  test('latency degradation raises "High Latency" past 1 ms, said in ms', async () => {
    const p = await start('hft', ['--speed', '10', '--scenario', 'latency-degradation']);
    const alert = await waitFor('High Latency', async () => {
      const { alerts } = await get(p.main, '/api/v1/alerts', alertsSchema);
      return alerts.find((a) => a.name === 'High Latency');
    });
    expect(alert.message).toMatch(/^P99 order latency above (1|10) ms$/);
    const metrics = await get(p.main, '/api/v1/metrics', metricsSchema);
    expect(metrics.latency_p99_ms).toBeGreaterThan(1);
  });

  test('controls: cancel_all_orders, config disable, reconnect, killswitch; each read back, each in the commands', async () => {
    const p = await start('hft');
    const api = p.main;
    await pauseClock(p);
    const exchange = async (name: string) =>
      (await get(api, '/api/v1/exchanges', exchangesSchema)).exchanges.find((e) => e.name === name)!;

    expect((await exchange('binance')).open_orders).toBeGreaterThan(0);
    const cancelled = await send(`${api}/api/v1/exchanges/binance/cancel_all_orders`, 'POST');
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body).toMatchObject({ exchange: 'binance', open_orders: 0 });
    expect((await exchange('binance')).open_orders).toBe(0);

    const configured = await send(`${api}/api/v1/config`, 'PUT', { exchanges: { okx: { enabled: false } } });
    expect(configured.status, configured.text).toBe(200);
    expect(configured.body).toMatchObject({ applied: { exchanges: { okx: { enabled: false } } } });
    expect((await exchange('okx')).enabled).toBe(false);
    const config = await get(api, '/api/v1/config', configSchema);
    const now = (await get(api, '/api/v1/status', statusSchema)).timestamp_us;
    expect(config.exchanges.okx!.disabled_until_us! - now).toBeGreaterThanOrEqual(86_399e6);

    // An exchange that is down cannot be reconnected; once it answers again, it can.
    await drill(p, 'POST', '/scenarios', { name: 'exchange-outage', venueId: 'kraken' });
    await advanceClock(p, 11_000);
    expect((await exchange('kraken')).status).toBe('disconnected');
    const refused = await send(`${api}/api/v1/exchanges/kraken/reconnect`, 'POST');
    expect(refused.body).toMatchObject({
      exchange: 'kraken',
      result: 'exchange_unreachable',
      status: 'disconnected',
    });
    await drill(p, 'DELETE', '/scenarios/exchange-outage');
    const reconnected = await send(`${api}/api/v1/exchanges/kraken/reconnect`, 'POST');
    expect(reconnected.body).toMatchObject({
      exchange: 'kraken',
      result: 'reconnected',
      status: 'connected',
    });
    expect((await exchange('kraken')).status).toBe('connected');

    const killed = await send(`${api}/api/v1/killswitch`, 'POST', { reason: 'SECURITY BREACH DETECTED' });
    expect(killed.status, killed.text).toBe(200);
    expect(killed.body).toMatchObject({
      killswitch: 'engaged',
      already_engaged: false,
      reason: 'SECURITY BREACH DETECTED',
    });
    const status = await get(api, '/api/v1/status', statusSchema);
    expect(status).toMatchObject({
      trading_state: 'killed',
      killswitch: { engaged: true, reason: 'SECURITY BREACH DETECTED', engaged_by: 'hft:killswitch' },
      open_orders: 0,
    });
    // A second press is accepted and changes nothing.
    expect((await send(`${api}/api/v1/killswitch`, 'POST')).body).toMatchObject({ already_engaged: true });

    expect((await executedCommands(p)).map((c) => [c.controlId, c.venueId, c.operator])).toEqual([
      ['venue-cancel-all', 'binance', 'hft:cancel_all_orders'],
      ['venue-disable', 'okx', 'hft:config'],
      ['venue-reconnect', 'kraken', 'hft:reconnect'],
      ['venue-reconnect', 'kraken', 'hft:reconnect'],
      ['kill-switch', null, 'hft:killswitch'],
      ['kill-switch', null, 'hft:killswitch'],
    ]);
    // The seed's memory-pressure calls acknowledge and change nothing in the model.
    for (const path of ['/api/v1/system/clear_caches', '/api/v1/orders/archive'])
      expect((await send(`${api}${path}`, 'POST')).body).toMatchObject({ status: 'ok' });
    expect(await executedCommands(p)).toHaveLength(6);
  });

  test('bad input: a clear 4xx in the HFT error dialect; nothing runs', async () => {
    const p = await start('hft');
    const api = p.main;
    const cases: [string, string, string | undefined, Record<string, string>, number, RegExp][] = [
      ['/api/v1/exchanges/nasdaq/cancel_all_orders', 'POST', undefined, {}, 404, /unknown exchange "nasdaq"/],
      ['/api/v1/exchanges/%E0%A4%A/reconnect', 'POST', undefined, {}, 400, /percent-encoding/],
      ['/api/v1/killswitch', 'POST', `${'['.repeat(5000)}${']'.repeat(5000)}`, {}, 400, /nests 5000 levels/],
      [
        '/api/v1/killswitch',
        'POST',
        '{"reason": "x"}',
        { 'content-type': 'text/plain' },
        415,
        /must be JSON/,
      ],
      ['/api/v1/killswitch', 'POST', '{"reason": ', {}, 400, /not valid JSON/],
      ['/api/v1/killswitch', 'POST', '{"reason": 42}', {}, 400, /reason must be/],
      ['/api/v1/killswitch', 'POST', '{"why": "x"}', {}, 400, /unknown field in the killswitch request: why/],
      ['/api/v1/config', 'PUT', undefined, {}, 400, /a JSON body is required/],
      [
        '/api/v1/config',
        'PUT',
        '{"exchanges": {"nasdaq": {"enabled": false}}}',
        {},
        400,
        /unknown exchange "nasdaq"/,
      ],
      [
        '/api/v1/config',
        'PUT',
        '{"exchanges": {"okx": {"enabled": "no"}}}',
        {},
        400,
        /must be true or false/,
      ],
      ['/api/v1/config', 'PUT', '{"risk": {}}', {}, 400, /unknown field in the config: risk/],
      ['/api/v1/config', 'PUT', '[1, 2]', {}, 400, /must be an object/],
      ['/api/v1/metrics?history=abc', 'GET', undefined, {}, 400, /history must be a whole number/],
      ['/api/v1/killswitch', 'GET', undefined, {}, 405, /use POST/],
      ['/api/v1/nothing', 'GET', undefined, {}, 404, /no endpoint/],
      ['/api/v1/killswitch', 'POST', `{"reason": "${'x'.repeat(70_000)}"}`, {}, 413, /at most 65536/],
    ];
    for (const [path, method, body, headers, status, message] of cases) {
      const answer = await send(`${api}${path}`, method, body, headers);
      expect([path, answer.status], answer.text).toEqual([path, status]);
      expect(errorSchema.parse(answer.body)).toEqual({ error: expect.stringMatching(message), code: status });
    }
    expect((await request(`${api}/api/v1/killswitch`)).headers.get('allow')).toBe('POST');
    // Re-enabling is not a control the model has: refused before any of the change runs.
    await send(`${api}/api/v1/config`, 'PUT', { exchanges: { okx: { enabled: false } } });
    const both = await send(`${api}/api/v1/config`, 'PUT', {
      exchanges: { kraken: { enabled: false }, okx: { enabled: true } },
    });
    expect([both.status, both.body]).toEqual([
      409,
      { error: expect.stringMatching(/re-enabling okx/), code: 409 },
    ]);
    expect((await executedCommands(p)).map((c) => c.venueId)).toEqual(['okx']);
    expect((await get(p.main, '/api/v1/status', statusSchema)).trading_state).toBe('running');
    // HEAD is served wherever GET is.
    const head = await fetch(`${api}/api/v1/status`, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
  });
});

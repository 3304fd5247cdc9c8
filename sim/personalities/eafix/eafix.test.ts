// The EAFIX personality against its seed (001): six services with /healthz on ports of their
// own, the gateway's health, emergency stop, positions and reconciliation, signals and
// executions, the simulate-tick flow test, and the Prometheus beside it.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  TEST_TIMEOUT_MS,
  drill,
  executedCommands,
  outcome,
  personalityFactory,
  request,
  send,
  waitFor,
} from '../testing/personality-process.ts';

const start = personalityFactory();
const SERVICES = [
  'gui-gateway',
  'data-ingestor',
  'indicator-engine',
  'signal-generator',
  'risk-manager',
  'execution-engine',
];
// Python's isoformat(): µs and +00:00, no fraction when it is zero.
const pyTime = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$/);
const health = z.enum(['healthy', 'degraded', 'unhealthy']);
const tradingSchema = z.strictObject({
  trading_enabled: z.boolean(),
  state: z.enum(['active', 'reduce_only', 'stopped', 'killed']),
  changed_at: pyTime,
  changed_by: z.string(),
  reason: z.string(),
});
const healthzSchema = z.strictObject({
  status: health,
  service: z.string(),
  detail: z.string().nullable(),
  checked_at: pyTime,
});
const gatewayHealthSchema = z.strictObject({
  status: health,
  timestamp: pyTime,
  services: z.record(
    z.string(),
    z.strictObject({ status: health, detail: z.string().nullable(), checked_at: pyTime }),
  ),
  trading: tradingSchema,
});
const positionsSchema = z.array(
  z.strictObject({
    id: z.string(),
    symbol: z.string(),
    venue: z.string(),
    side: z.enum(['long', 'short', 'flat']),
    quantity: z.number().min(0),
    avg_price: z.number().positive(),
    current_price: z.number().positive(),
    notional: z.number().min(0),
    unrealized_pnl: z.number(),
    status: z.enum(['open', 'closed']),
  }),
);
const reconcileSchema = z.strictObject({
  status: z.enum(['matched', 'mismatch']),
  checked_at: pyTime,
  positions_checked: z.number().int(),
  mismatches: z.array(
    z.strictObject({
      symbol: z.string(),
      venue: z.string(),
      internal_quantity: z.number(),
      broker_quantity: z.number(),
      difference: z.number(),
    }),
  ),
});
const signalsSchema = z.array(
  z.strictObject({
    id: z.string(),
    symbol: z.string(),
    direction: z.enum(['BUY', 'SELL']),
    strength: z.number().min(0).max(1),
    price: z.number().positive(),
    generated_at: pyTime,
    source: z.enum(['indicator', 'test']),
  }),
);
const executionsSchema = z.array(
  z.strictObject({
    id: z.string(),
    symbol: z.string(),
    venue: z.string(),
    side: z.enum(['BUY', 'SELL']),
    quantity: z.number().positive(),
    price: z.number().positive(),
    executed_at: pyTime,
  }),
);
const venuesSchema = z.array(
  z.strictObject({
    venue: z.string(),
    name: z.string(),
    status: z.enum(['connected', 'degraded', 'disconnected']),
    enabled: z.boolean(),
    last_tick_at: pyTime.nullable(),
    open_orders: z.number().int().min(0),
  }),
);
const metricsSchema = z.strictObject({
  window_start: pyTime,
  window_end: pyTime,
  order_latency_p99_us: z.number().positive().nullable(),
  error_rate_pct: z.number().min(0).max(100),
  orders_per_second: z.number().min(0),
  orders: z.number().int(),
  errors: z.number().int(),
});
const alertsSchema = z.array(
  z.strictObject({
    id: z.string(),
    name: z.string(),
    severity: z.enum(['warning', 'critical']),
    message: z.string(),
    subject: z.string().nullable(),
    started_at: pyTime,
  }),
);
const upSeries = z.strictObject({
  metric: z.strictObject({ __name__: z.literal('up'), job: z.enum(SERVICES), instance: z.string() }),
});
const rangeSchema = z.strictObject({
  status: z.literal('success'),
  data: z.strictObject({
    resultType: z.literal('matrix'),
    result: z.array(upSeries.extend({ values: z.array(z.tuple([z.number(), z.enum(['0', '1'])])) })),
  }),
});
const instantSchema = z.strictObject({
  status: z.literal('success'),
  data: z.strictObject({
    resultType: z.literal('vector'),
    result: z.array(upSeries.extend({ value: z.tuple([z.number(), z.enum(['0', '1'])]) })),
  }),
});

async function get<T>(url: string, schema: z.ZodType<T>): Promise<T> {
  const answer = await request(url);
  expect(answer.status, `${url}: ${answer.text}`).toBe(200);
  return schema.parse(answer.body);
}

describe('eafix personality', { timeout: TEST_TIMEOUT_MS }, () => {
  test('six services on ports of their own, each with /healthz; the gateway’s /health names them all', async () => {
    const p = await start('eafix');
    expect(Object.keys(p.services)).toEqual([...SERVICES, 'prometheus']);
    expect(new Set(Object.values(p.services)).size).toBe(7);
    for (const name of SERVICES) {
      const healthz = await get(`${p.services[name]}/healthz`, healthzSchema);
      expect(healthz).toMatchObject({ status: 'healthy', service: name });
    }
    const gateway = await get(`${p.main}/health`, gatewayHealthSchema);
    expect(Object.keys(gateway.services)).toEqual(SERVICES);
    expect(gateway.trading).toMatchObject({ trading_enabled: true, state: 'active' });
    // Each service answers only for itself.
    expect((await request(`${p.services['signal-generator']}/api/positions`)).status).toBe(404);
  });

  test('emergency stop: trading stopped, read back on /health and /api/trading/status, positions kept', async () => {
    const p = await start('eafix');
    const stopped = await send(`${p.main}/emergency/stop-trading`, 'POST');
    expect(stopped.status, stopped.text).toBe(200);
    expect(stopped.body).toMatchObject({ status: 'trading_stopped', already_stopped: false });
    expect((await get(`${p.main}/health`, gatewayHealthSchema)).trading).toMatchObject({
      trading_enabled: false,
      state: 'stopped',
      changed_by: 'eafix:stop-trading',
    });
    expect(await get(`${p.main}/api/trading/status`, tradingSchema)).toMatchObject({ state: 'stopped' });
    const open = (await get(`${p.main}/api/positions`, positionsSchema)).filter(
      (pos) => pos.status === 'open',
    );
    expect(open.length).toBeGreaterThan(0);
    expect((await send(`${p.main}/emergency/stop-trading`, 'POST')).body).toMatchObject({
      already_stopped: true,
    });
    expect((await executedCommands(p)).map((c) => [c.controlId, c.operator])).toEqual([
      ['halt', 'eafix:stop-trading'],
      ['halt', 'eafix:stop-trading'],
    ]);
  });

  test('trading impact: executions and signals over the last hour, the simulate-tick flow, venues, metrics, alerts', async () => {
    const p = await start('eafix', ['--speed', '10']);
    const executions = await waitFor('executions', async () => {
      const list = await get(`${p.services['execution-engine']}/api/executions?since=1h`, executionsSchema);
      return list.length > 0 ? list : undefined;
    });
    expect(executions.map((e) => Date.parse(e.executed_at))).toEqual(
      executions.map((e) => Date.parse(e.executed_at)).sort((a, b) => b - a),
    );
    expect(
      await get(`${p.services['execution-engine']}/api/executions?limit=3`, executionsSchema),
    ).toHaveLength(3);

    // The seed's flow test: a tick into the ingestor, and the newest signal is the one it made.
    const tick = await send(`${p.services['data-ingestor']}/test/simulate-tick`, 'POST');
    expect(tick.status, tick.text).toBe(202);
    const [signal] = await get(`${p.services['signal-generator']}/api/signals?limit=1`, signalsSchema);
    expect(signal).toMatchObject({ source: 'test', symbol: 'BTC-USDT', direction: 'BUY' });
    const indicator = await waitFor('an indicator signal', async () => {
      const list = await get(`${p.services['signal-generator']}/api/signals?since=1h`, signalsSchema);
      return list.find((s) => s.source === 'indicator');
    });
    expect(indicator.direction).toMatch(/BUY|SELL/);

    const venues = await get(`${p.services['execution-engine']}/api/venues`, venuesSchema);
    expect(venues.map((v) => [v.venue, v.status])).toEqual(
      ['binance', 'bybit', 'okx', 'kraken'].map((v) => [v, 'connected']),
    );
    const metrics = await get(`${p.services['execution-engine']}/api/metrics`, metricsSchema);
    expect(metrics.order_latency_p99_us).toBeLessThan(50);
    const withHistory = await get(
      `${p.services['execution-engine']}/api/metrics?history=3`,
      metricsSchema.extend({ history: z.array(metricsSchema) }),
    );
    expect(withHistory.history.length).toBeGreaterThan(0);
    expect(withHistory.history.length).toBeLessThanOrEqual(3);
    expect(withHistory.history.at(-1)?.window_end).toBe(withHistory.window_end);
    expect(await get(`${p.main}/api/alerts`, alertsSchema)).toEqual([]);
  });

  test('reconciliation: matched, until an intruder’s fills leave the broker holding what the book does not', async () => {
    const p = await start('eafix', ['--speed', '10']);
    expect((await get(`${p.main}/api/reconcile/positions`, reconcileSchema)).status).toBe('matched');
    await drill(p, 'POST', '/scenarios', { name: 'security-breach' });
    const mismatch = await waitFor('a mismatch', async () => {
      const r = await get(`${p.main}/api/reconcile/positions`, reconcileSchema);
      return r.status === 'mismatch' ? r : undefined;
    });
    for (const m of mismatch.mismatches)
      expect(m.difference).toBeCloseTo(m.broker_quantity - m.internal_quantity, 3);
  });

  test('Prometheus: up per service, over a range; it answers through a crash, with the services at 0', async () => {
    const p = await start('eafix', ['--speed', '10']);
    const prom = p.services.prometheus!;
    // The seed's own call, whose unquoted & leaves only ?query=up: Prometheus wants a start.
    const bare = await request(`${prom}/api/v1/query_range?query=up`);
    expect([bare.status, bare.body]).toEqual([
      400,
      {
        status: 'error',
        errorType: 'bad_data',
        error: 'invalid parameter "start": cannot parse "" to a valid timestamp',
      },
    ]);
    const now = Date.now() / 1000;
    const range = await get(
      `${prom}/api/v1/query_range?query=up&start=${now - 3600}&end=${now}&step=60s`,
      rangeSchema,
    );
    expect(range.data.result.map((r) => r.metric.job)).toEqual(SERVICES);
    expect(range.data.result[0]!.values).toHaveLength(61);
    const one = await get(
      `${prom}/api/v1/query?query=${encodeURIComponent('up{job="risk-manager"}')}`,
      instantSchema,
    );
    expect(one.data.result.map((r) => [r.metric.instance, r.value[1]])).toEqual([['risk-manager:8084', '1']]);

    await drill(p, 'POST', '/scenarios', { name: 'system-crash' });
    expect(await outcome(`${p.main}/health`)).toBe('rejected');
    expect(await outcome(`${p.services['execution-engine']}/healthz`)).toBe('rejected');
    const down = await waitFor('every service down', async () => {
      const up = await get(`${prom}/api/v1/query?query=up`, instantSchema);
      return up.data.result.every((r) => r.value[1] === '0') ? up : undefined;
    });
    expect(down.data.result).toHaveLength(6);
    expect((await request(`${prom}/-/healthy`)).status).toBe(200);
    const refused = await request(`${prom}/api/v1/query?query=${encodeURIComponent('rate(x[5m])')}`);
    expect([refused.status, (refused.body as { errorType: string }).errorType]).toEqual([400, 'bad_data']);
  });

  test('bad input: a 4xx with {"detail"}; nothing runs', async () => {
    const p = await start('eafix');
    const cases: [string, string, string | undefined, number, RegExp][] = [
      [
        `${p.services['data-ingestor']}/test/simulate-tick`,
        'POST',
        '{"symbol": "EURUSD"}',
        400,
        /symbol must be one of/,
      ],
      [`${p.services['data-ingestor']}/test/simulate-tick`, 'POST', '{"price": -1}', 400, /price must be/],
      [
        `${p.services['data-ingestor']}/test/simulate-tick`,
        'POST',
        '{"volume": 1}',
        400,
        /unknown fields: volume/,
      ],
      [
        `${p.services['signal-generator']}/api/signals?limit=0`,
        'GET',
        undefined,
        400,
        /limit must be a whole number from 1/,
      ],
      [
        `${p.services['signal-generator']}/api/signals?since=yesterday`,
        'GET',
        undefined,
        400,
        /since must be a duration/,
      ],
      [`${p.main}/emergency/stop-trading`, 'GET', undefined, 405, /use POST/],
      [`${p.main}/api/positions/%ZZ`, 'GET', undefined, 404, /no endpoint/],
    ];
    for (const [url, method, body, status, message] of cases) {
      const answer = await send(url, method, body);
      expect([url, answer.status], answer.text).toEqual([url, status]);
      expect(answer.body).toEqual({ detail: expect.stringMatching(message) });
    }
    expect(await executedCommands(p)).toEqual([]);
  });
});

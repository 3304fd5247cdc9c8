// The LAV/ADAF personality against its seed (003): the Market Sentinel, Risk Warden and
// Executioner on ports of their own, every control read back, halt-all behind EMERGENCY_TOKEN.
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
import type { RunningPersonality } from '../testing/personality-process.ts';

const TOKEN = 'test-emergency-token-7f3a';
const start = personalityFactory({ EMERGENCY_TOKEN: TOKEN });
const startWithoutToken = personalityFactory();
const VENUES = ['binance', 'bybit', 'okx', 'kraken'];
const iso = z.iso.datetime({ offset: false });
const health = z.enum(['HEALTHY', 'DEGRADED', 'DOWN']);
const venueStatus = z.enum(['ONLINE', 'DEGRADED', 'OFFLINE']);

const healthSchema = z.strictObject({
  service: z.string(),
  status: health,
  detail: z.string().nullable(),
  checked_at: iso,
  dependencies: z.strictObject({ gateway: health, postgres: health }),
});
const regimeSchema = z.strictObject({
  regime: z.enum(['NORMAL_EXPANSION', 'NORMAL_CONTRACTION', 'HIGH_VOLATILITY', 'LOW_LIQUIDITY', 'CRISIS']),
  source: z.enum(['DETECTED', 'MANUAL']),
  manual_until: iso.nullable(),
  updated_at: iso,
});
const poolSchema = z.strictObject({
  pool: z.literal('postgres'),
  total: z.number().int(),
  active: z.number().int(),
  idle: z.number().int(),
  waiting: z.number().int(),
  utilization: z.number().min(0).max(1),
  status: z.enum(['OK', 'WARNING', 'EXHAUSTED']),
  checked_at: iso,
});
const violationsSchema = z.array(
  z.strictObject({
    id: z.string(),
    limit_type: z.enum(['POSITION', 'NOTIONAL', 'ORDER_RATE', 'DAILY_LOSS']),
    symbol: z.string(),
    venue: z.enum(VENUES),
    severity: z.enum(['WARNING', 'CRITICAL']),
    message: z.string(),
    detected_at: iso,
  }),
);
const attributionSchema = z.strictObject({
  as_of: iso,
  nav_usd: z.number(),
  total_var_usd: z.number(),
  var_pct_nav: z.number(),
  contributions: z.array(
    z.strictObject({
      position_id: z.string(),
      symbol: z.string(),
      venue: z.string(),
      notional_usd: z.number(),
      var_usd: z.number(),
      contribution_pct: z.number(),
    }),
  ),
});
const rankedSchema = z.array(
  z.strictObject({
    rank: z.number().int(),
    position_id: z.string(),
    symbol: z.string(),
    venue: z.string(),
    quantity: z.number(),
    notional_usd: z.number(),
    var_usd: z.number(),
    unrealized_pnl_usd: z.number(),
    risk_score: z.number().min(0).max(1),
  }),
);
const alertsSchema = z.strictObject({
  alerts: z.array(
    z.strictObject({
      id: z.string(),
      type: z.string().regex(/^[A-Z0-9_]+$/),
      severity: z.enum(['WARNING', 'CRITICAL']),
      message: z.string(),
      subject: z.string().nullable(),
      since: iso,
    }),
  ),
});
const tradingSchema = z.strictObject({
  state: z.enum(['TRADING', 'REDUCING', 'HALTED', 'KILLED']),
  since: iso,
  changed_by: z.string(),
  reason: z.string(),
});
const metricsSchema = z.strictObject({
  window_start: iso.nullable(),
  window_end: iso.nullable(),
  latency_p99_us: z.number().nullable(),
  error_rate: z.number().nullable(),
  throughput_per_second: z.number().nullable(),
  fill_rate: z.number().min(0).max(1).nullable(),
  orders: z.number().int(),
  errors: z.number().int(),
});
const venuesSchema = z.strictObject({
  venues: z.array(
    z.strictObject({
      venue_id: z.enum(VENUES),
      name: z.string(),
      status: venueStatus,
      enabled: z.boolean(),
      disabled_until: iso.nullable(),
      last_market_data: iso.nullable(),
      market_data_age_ms: z.number().nullable(),
      open_orders: z.number().int(),
      routing_share: z.number().min(0).max(1),
    }),
  ),
  checked_at: iso,
});
const ordersSchema = z.array(
  z.strictObject({ order_id: z.string(), status: z.literal('FAILED'), reason: z.string(), failed_at: iso }),
);
const diagnosticsSchema = z.strictObject({
  mode: z.enum(['NORMAL', 'CONSERVATIVE']),
  mode_expires_at: iso.nullable(),
  fill_rate: z.number().nullable(),
  orders_per_second: z.number().nullable(),
  error_rate: z.number().nullable(),
  venues: z.array(
    z.strictObject({
      venue_id: z.string(),
      status: venueStatus,
      enabled: z.boolean(),
      routing_share: z.number(),
      routable: z.boolean(),
    }),
  ),
  checked_at: iso,
});
const errorSchema = z.strictObject({ success: z.literal(false), error: z.string() });

async function get<T>(url: string, schema: z.ZodType<T>): Promise<T> {
  const answer = await request(url);
  expect(answer.status, `${url}: ${answer.text}`).toBe(200);
  return schema.parse(answer.body);
}
const urls = (p: RunningPersonality) => ({
  sentinel: p.services.sentinel!,
  warden: p.services.warden!,
  executioner: p.services.executioner!,
});

describe('lav-adaf personality', { timeout: TEST_TIMEOUT_MS }, () => {
  test('three services on ports of their own; every read in LAV/ADAF’s shape', async () => {
    const p = await start('lav-adaf', ['--speed', '5']);
    expect(Object.keys(p.services)).toEqual(['sentinel', 'warden', 'executioner']);
    const { sentinel, warden, executioner } = urls(p);
    for (const [url, id] of [
      [sentinel, 'market-sentinel'],
      [warden, 'risk-warden'],
      [executioner, 'executioner'],
    ] as const)
      expect(await get(`${url}/health`, healthSchema)).toMatchObject({ service: id, status: 'HEALTHY' });
    expect(await get(`${sentinel}/api/regime`, regimeSchema)).toMatchObject({
      regime: 'NORMAL_EXPANSION',
      source: 'DETECTED',
    });
    expect(await get(`${sentinel}/api/db/pool-status`, poolSchema)).toMatchObject({
      total: 200,
      status: 'OK',
    });
    const attribution = await get(`${warden}/api/risk/attribution`, attributionSchema);
    expect(attribution.contributions.reduce((sum, c) => sum + c.contribution_pct, 0)).toBeCloseTo(100, 0);
    const ranked = await get(`${warden}/api/positions/risk-ranked`, rankedSchema);
    expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1));
    expect(ranked[0]!.risk_score).toBe(1);
    expect(await get(`${warden}/api/violations?limit=50`, violationsSchema)).toEqual([]);
    expect((await get(`${warden}/api/alerts`, alertsSchema)).alerts).toEqual([]);
    expect(await get(`${executioner}/api/trading/status`, tradingSchema)).toMatchObject({ state: 'TRADING' });
    const venues = await get(`${executioner}/api/venues/health`, venuesSchema);
    expect(venues.venues.map((v) => [v.venue_id, v.status, v.routing_share])).toEqual(
      VENUES.map((v) => [v, 'ONLINE', 0.25]),
    );
    const metrics = await waitFor('a closed window', async () => {
      const m = await get(`${executioner}/api/metrics`, metricsSchema);
      return m.orders > 0 ? m : undefined;
    });
    expect(metrics.fill_rate).toBeGreaterThan(0.99);
    const withHistory = await get(
      `${executioner}/api/metrics?history=5`,
      metricsSchema.extend({ history: z.array(metricsSchema) }),
    );
    expect(withHistory.history.length).toBeGreaterThan(0);
    expect(withHistory.history.length).toBeLessThanOrEqual(5);
    expect(withHistory.history.at(-1)?.window_end).toBe(withHistory.window_end);
    expect(await get(`${executioner}/api/routing/diagnostics`, diagnosticsSchema)).toMatchObject({
      mode: 'NORMAL',
      mode_expires_at: null,
    });
  });

  test('an alert storm shows as violations; an error storm as failed orders; pool exhaustion in the pool status', async () => {
    const p = await start('lav-adaf', ['--speed', '20']);
    const { sentinel, warden, executioner } = urls(p);
    await drill(p, 'POST', '/scenarios', { name: 'risk-alert-storm' });
    await drill(p, 'POST', '/scenarios', { name: 'error-storm' });
    await drill(p, 'POST', '/scenarios', { name: 'db-pool-exhaustion' });
    const violations = await waitFor('violations', async () => {
      const v = await get(`${warden}/api/violations?limit=5`, violationsSchema);
      return v.length === 5 ? v : undefined;
    });
    const times = violations.map((v) => Date.parse(v.detected_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const failed = await waitFor('failed orders', async () => {
      const o = await get(`${executioner}/api/orders?status=failed&limit=20`, ordersSchema);
      return o.length === 20 ? o : undefined;
    });
    expect(new Set(failed.map((o) => o.order_id)).size).toBe(20);
    const pool = await waitFor('the pool exhausted, requests queueing', async () => {
      const status = await get(`${sentinel}/api/db/pool-status`, poolSchema);
      return status.waiting > 0 ? status : undefined;
    });
    expect(pool).toMatchObject({ active: 200, idle: 0, status: 'EXHAUSTED' });
  });

  test('controls, each read back and each a command: reduce, regime, venue disable, conservative routing, halt-all', async () => {
    const p = await start('lav-adaf');
    const { sentinel, warden, executioner } = urls(p);
    await pauseClock(p);

    const reduced = await send(`${warden}/api/emergency/reduce`, 'POST', {
      reduction_pct: 0.5,
      timeframe: 300,
    });
    expect([reduced.status, reduced.body]).toMatchObject([
      202,
      { status: 'REDUCING', reduction_pct: 0.5, timeframe: 300 },
    ]);
    expect(await get(`${executioner}/api/trading/status`, tradingSchema)).toMatchObject({
      state: 'REDUCING',
      changed_by: 'lav-adaf:warden',
    });

    // The seed writes the duration as "1h".
    const regime = await send(`${sentinel}/api/regime/manual`, 'POST', {
      regime: 'NORMAL_EXPANSION',
      duration: '1h',
    });
    expect(regime.status, regime.text).toBe(200);
    const fixed = await get(`${sentinel}/api/regime`, regimeSchema);
    expect(fixed).toMatchObject({ regime: 'NORMAL_EXPANSION', source: 'MANUAL' });
    const now = Date.parse((await get(`${executioner}/api/venues/health`, venuesSchema)).checked_at);
    expect(Date.parse(fixed.manual_until!) - now).toBeGreaterThanOrEqual(3_599_000);

    const disabled = await send(`${executioner}/api/venues/disable`, 'POST', {
      venues: ['okx'],
      duration: 3600,
    });
    expect(disabled.status, disabled.text).toBe(200);
    const okx = (await get(`${executioner}/api/venues/health`, venuesSchema)).venues.find(
      (v) => v.venue_id === 'okx',
    )!;
    expect(okx).toMatchObject({ enabled: false, routing_share: 0 });
    expect(Date.parse(okx.disabled_until!) - now).toBeGreaterThanOrEqual(3_599_000);

    // Conservative routing sends nothing to a venue with stale quotes.
    await drill(p, 'POST', '/scenarios', { name: 'exchange-outage', venueId: 'kraken' });
    await advanceClock(p, 3_000);
    const before = await get(`${executioner}/api/routing/diagnostics`, diagnosticsSchema);
    expect(before.venues.find((v) => v.venue_id === 'kraken')).toMatchObject({
      status: 'DEGRADED',
      routable: true,
    });
    const mode = await send(`${executioner}/api/routing/mode`, 'POST', { mode: 'CONSERVATIVE', timeout: 60 });
    expect([mode.status, mode.body]).toMatchObject([200, { mode: 'CONSERVATIVE' }]);
    const after = await get(`${executioner}/api/routing/diagnostics`, diagnosticsSchema);
    expect(after).toMatchObject({ mode: 'CONSERVATIVE' });
    expect(after.venues.find((v) => v.venue_id === 'kraken')).toMatchObject({
      routable: false,
      routing_share: 0,
    });
    // Past the timeout (and the model's next 100 ms step), routing is normal again.
    await advanceClock(p, 60_100);
    expect(await get(`${executioner}/api/routing/diagnostics`, diagnosticsSchema)).toMatchObject({
      mode: 'NORMAL',
    });

    const halt = await send(`${executioner}/api/emergency/halt-all`, 'POST', undefined, {
      authorization: `Bearer ${TOKEN}`,
    });
    expect([halt.status, halt.body]).toMatchObject([200, { status: 'HALTED', already_halted: false }]);
    expect(await get(`${executioner}/api/trading/status`, tradingSchema)).toMatchObject({
      state: 'HALTED',
      changed_by: 'lav-adaf:executioner',
    });

    expect((await executedCommands(p)).map((c) => [c.controlId, c.venueId, c.operator])).toEqual([
      ['reduce-positions', null, 'lav-adaf:warden'],
      ['regime-manual', null, 'lav-adaf:sentinel'],
      ['venue-disable', 'okx', 'lav-adaf:executioner'],
      ['routing-conservative', null, 'lav-adaf:executioner'],
      ['halt', null, 'lav-adaf:executioner'],
    ]);
  });

  test('halt-all: 401 without the token, with a wrong one, and always when EMERGENCY_TOKEN is not set', async () => {
    const p = await start('lav-adaf');
    const url = `${urls(p).executioner}/api/emergency/halt-all`;
    for (const [headers, message] of [
      [{}, /Authorization: Bearer <EMERGENCY_TOKEN> header is required/],
      [{ authorization: 'Bearer wrong-token' }, /not the emergency token/],
      [{ authorization: TOKEN }, /header is required/],
    ] as const) {
      const answer = await send(url, 'POST', undefined, headers);
      expect([answer.status, errorSchema.parse(answer.body).error]).toEqual([
        401,
        expect.stringMatching(message),
      ]);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(answer.text).not.toContain(TOKEN);
    }
    const unset = await startWithoutToken('lav-adaf');
    const refused = await send(`${urls(unset).executioner}/api/emergency/halt-all`, 'POST', undefined, {
      authorization: `Bearer ${TOKEN}`,
    });
    expect([refused.status, refused.body]).toEqual([
      401,
      {
        success: false,
        error: "EMERGENCY_TOKEN is not set in the executioner's environment: halt-all is refused until it is",
      },
    ]);
    expect(await executedCommands(p)).toEqual([]);
    expect(await executedCommands(unset)).toEqual([]);
  });

  test('bad input: a 4xx with {"success": false, "error"}; nothing runs', async () => {
    const p = await start('lav-adaf');
    const { sentinel, warden, executioner } = urls(p);
    const cases: [string, string, string | undefined, number, RegExp][] = [
      [
        `${executioner}/api/venues/disable`,
        'POST',
        '{"venues": ["VENUE_ID"], "duration": 3600}',
        400,
        /unknown venue: "VENUE_ID"/,
      ],
      [
        `${executioner}/api/venues/disable`,
        'POST',
        '{"venues": [], "duration": 3600}',
        400,
        /non-empty list/,
      ],
      [
        `${executioner}/api/venues/disable`,
        'POST',
        '{"venues": ["okx"], "duration": -5}',
        400,
        /duration must be/,
      ],
      [`${executioner}/api/routing/mode`, 'POST', '{"mode": "AGGRESSIVE"}', 400, /mode must be CONSERVATIVE/],
      [
        `${executioner}/api/routing/mode`,
        'POST',
        '{"mode": "CONSERVATIVE", "timeout": "soon"}',
        400,
        /timeout must be/,
      ],
      [`${executioner}/api/orders?status=open`, 'GET', undefined, 400, /status must be one of failed/],
      [`${executioner}/api/orders?limit=-1`, 'GET', undefined, 400, /limit must be/],
      [
        `${warden}/api/emergency/reduce`,
        'POST',
        '{"reduction_pct": 50}',
        400,
        /reduction_pct must be a fraction/,
      ],
      [
        `${warden}/api/emergency/reduce`,
        'POST',
        '{"reduction_pct": 0.5, "timeframe": 300, "x": 1}',
        400,
        /unknown field: x/,
      ],
      [`${warden}/api/violations?limit=1e3`, 'GET', undefined, 400, /limit must be a whole number/],
      [`${sentinel}/api/regime/manual`, 'POST', '{"regime": "MOON"}', 400, /regime must be one of/],
      [
        `${sentinel}/api/regime/manual`,
        'POST',
        '{"regime": "CRISIS", "duration": "forever"}',
        400,
        /duration must be/,
      ],
      [`${sentinel}/api/regime/manual`, 'POST', 'regime=CRISIS', 415, /form-encoded body is not taken/],
    ];
    for (const [url, method, body, status, message] of cases) {
      const answer = await send(
        url,
        method,
        body,
        body?.startsWith('regime=') ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
      );
      expect([url, answer.status], answer.text).toEqual([url, status]);
      expect(errorSchema.parse(answer.body).error).toMatch(message);
    }
    // curl -d sends a JSON body labelled as a form, as the seed's commands do: it is read as JSON.
    const curlStyle = await send(
      `${warden}/api/emergency/reduce`,
      'POST',
      '{"reduction_pct": 0.5, "timeframe": 300}',
      {
        'content-type': 'application/x-www-form-urlencoded',
      },
    );
    expect(curlStyle.status, curlStyle.text).toBe(202);
    expect((await executedCommands(p)).map((c) => c.controlId)).toEqual(['reduce-positions']);
  });
});

// The RTES personality against its seed (000): /health and the Prometheus /metrics the seed greps
// on :8080, the engine's own port beside it, and no remote control.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { parseExposition } from '../testing/exposition.ts';
import {
  TEST_TIMEOUT_MS,
  personalityFactory,
  request,
  send,
  waitFor,
} from '../testing/personality-process.ts';

const start = personalityFactory();
const componentStatus = z.enum(['healthy', 'degraded', 'down']);
const healthSchema = z.strictObject({
  status: z.enum(['healthy', 'degraded', 'unhealthy']),
  timestamp: z.iso.datetime(),
  uptime_seconds: z.number().int().min(0),
  components: z.record(
    z.string(),
    z.strictObject({ status: componentStatus, detail: z.string().nullable(), last_check: z.iso.datetime() }),
  ),
});

async function scrape(base: string) {
  const answer = await request(`${base}/metrics`);
  expect(answer.status).toBe(200);
  expect(answer.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
  return { text: answer.text, ...parseExposition(answer.text) };
}

const value = (samples: ReturnType<typeof parseExposition>['samples'], name: string, labels = {}) =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

describe('rtes personality', { timeout: TEST_TIMEOUT_MS }, () => {
  test('GET /health: the engine and its components', async () => {
    const p = await start('rtes');
    expect(Object.keys(p.services)).toEqual(['api', 'engine']);
    const answer = await request(`${p.main}/health`);
    expect(answer.status).toBe(200);
    const health = healthSchema.parse(answer.body);
    expect(health.status).toBe('healthy');
    expect(Object.keys(health.components)).toEqual([
      'matching_engine',
      'order_gateway',
      'risk_manager',
      'persistence',
    ]);
  });

  test('GET /metrics: what the seed greps for, as a valid exposition; counters that count', async () => {
    const p = await start('rtes', ['--speed', '5']);
    const first = await waitFor('a closed window', async () => {
      const s = await scrape(p.main);
      return value(s.samples, 'rtes_orders_total')! > 0 ? s : undefined;
    });
    // The seed: grep -E "(error_rate|latency|throughput)", and grep latency_us.
    const grep = (pattern: RegExp) => first.text.split('\n').filter((line) => pattern.test(line));
    expect(grep(/(error_rate|latency|throughput)/).length).toBeGreaterThan(3);
    expect(grep(/latency_us/).some((line) => line.startsWith('rtes_latency_us{quantile="0.99"} '))).toBe(
      true,
    );
    expect(first.types).toEqual(
      new Map([
        ['rtes_latency_us', 'gauge'],
        ['rtes_error_rate', 'gauge'],
        ['rtes_throughput_orders_per_second', 'gauge'],
        ['rtes_window_end_timestamp_seconds', 'gauge'],
        ['rtes_open_orders', 'gauge'],
        ['rtes_component_status', 'gauge'],
        ['rtes_trading_state', 'gauge'],
        ['rtes_order_latency_seconds', 'histogram'],
        ['rtes_orders_total', 'counter'],
        ['rtes_errors_total', 'counter'],
        ['rtes_component_up', 'gauge'],
      ]),
    );
    const p99 = value(first.samples, 'rtes_latency_us', { quantile: '0.99' })!;
    expect(p99).toBeGreaterThan(15);
    expect(p99).toBeLessThan(40);
    expect(value(first.samples, 'rtes_error_rate')).toBeLessThan(0.01);
    expect(value(first.samples, 'rtes_throughput_orders_per_second')).toBeGreaterThan(1000);
    expect(
      value(first.samples, 'rtes_component_status', { component: 'matching_engine', status: 'healthy' }),
    ).toBe(1);
    expect(
      value(first.samples, 'rtes_component_status', { component: 'matching_engine', status: 'down' }),
    ).toBe(0);
    expect(value(first.samples, 'rtes_trading_state', { state: 'active' })).toBe(1);

    const later = await waitFor('the counter to move on', async () => {
      const s = await scrape(p.main);
      return value(s.samples, 'rtes_orders_total')! > value(first.samples, 'rtes_orders_total')!
        ? s
        : undefined;
    });
    expect(value(later.samples, 'rtes_window_end_timestamp_seconds')).toBeGreaterThan(
      value(first.samples, 'rtes_window_end_timestamp_seconds')!,
    );
  });

  test('a latency degradation shows in rtes_latency_us, past the 50 µs warning level', async () => {
    const p = await start('rtes', ['--speed', '10', '--scenario', 'latency-degradation']);
    await waitFor('p99 above 50 µs', async () => {
      const { samples } = await scrape(p.main);
      return value(samples, 'rtes_latency_us', { quantile: '0.99' })! > 50 ? true : undefined;
    });
    const { samples } = await scrape(p.main);
    expect(
      value(samples, 'rtes_component_status', { component: 'matching_engine', status: 'degraded' }),
    ).toBe(1);
  });

  test('no remote control, no venues: other calls are 404 or 405 with a reason', async () => {
    const p = await start('rtes');
    for (const path of ['/halt', '/api/v1/killswitch', '/venues', '/positions']) {
      const answer = await send(`${p.main}${path}`, 'POST', {});
      expect([path, answer.status]).toEqual([path, 404]);
      expect(answer.body).toEqual({ error: `no endpoint ${path}` });
    }
    const post = await send(`${p.main}/health`, 'POST', {});
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    // The engine's own port listens and speaks no HTTP API.
    const engine = await request(`${p.services.engine}/`);
    expect(engine.status).toBe(404);
  });
});

import { describe, expect, test } from 'vitest';
import { histogramQuantile, MetricsReader } from '../map/metrics.ts';
import { parseCondition } from './condition.ts';
import { parseExposition } from './prometheus-text.ts';

describe('Prometheus text exposition', () => {
  test('samples by name, with labels (escapes included) and values; comments and timestamps ignored', () => {
    const text = [
      '# HELP rtes_order_latency_us Order latency.',
      '# TYPE rtes_order_latency_us summary',
      'rtes_order_latency_us{quantile="0.99"} 42.5',
      'rtes_order_latency_us{quantile="0.5",desk="a\\"b"} 12 1700000000000',
      'rtes_orders_total 1027',
      'rtes_up +Inf',
      'not a sample line',
    ].join('\n');
    const { metrics, skippedLines } = parseExposition(text);
    expect(metrics.rtes_order_latency_us).toEqual([
      { labels: { quantile: '0.99' }, value: 42.5 },
      { labels: { quantile: '0.5', desk: 'a"b' }, value: 12 },
    ]);
    expect(metrics.rtes_orders_total).toEqual([{ labels: {}, value: 1027 }]);
    expect(metrics.rtes_up?.[0]?.value).toBe(Infinity);
    expect(skippedLines).toBe(1);
  });

  test('a metric named like an Object property is just a metric', () => {
    expect(parseExposition('constructor 1\n__proto__ 2').metrics).toMatchObject({
      constructor: [{ value: 1 }],
    });
  });
});

describe('health rules', () => {
  const answer = {
    status: 200,
    body: { status: 'UP', checks: { db: 'ok' }, code: '200' },
    responseTimeMs: 120,
  };
  test.each([
    ['[STATUS] == 200', true],
    ['[STATUS] != 200', false],
    ['[BODY].status == UP', true],
    ['[BODY].checks.db == "ok"', true],
    ['[BODY].code == 200', true],
    ['[BODY].missing == UP', false],
    ['[RESPONSE_TIME] < 300', true],
    ['[RESPONSE_TIME] >= 300', false],
  ])('%s → %s', (rule, expected) => {
    expect(parseCondition(rule).test(answer)).toBe(expected);
  });

  test('anything else is refused at start, with the accepted forms', () => {
    expect(() => parseCondition('process.exit(1)')).toThrow(/\[STATUS\] == 200/);
    expect(() => parseCondition('[STATUS].x == 1')).toThrow(/only \[BODY\] takes a path/);
    expect(() => parseCondition('[BODY].[ == 1')).toThrow(/not a valid JSONPath/);
  });
});

describe('histogram quantile over bucket increases', () => {
  test('interpolates inside the bucket that holds the rank, as PromQL does', () => {
    // 100 observations: 50 ≤ 10, 90 ≤ 20, 100 ≤ 40.
    const buckets = new Map([
      [10, 50],
      [20, 90],
      [40, 100],
      [Infinity, 100],
    ]);
    expect(histogramQuantile(0.5, buckets)).toBe(10);
    expect(histogramQuantile(0.99, buckets)).toBeCloseTo(38);
  });
  test('nothing observed: no figure; the top bucket open-ended: the highest finite bound', () => {
    expect(histogramQuantile(0.99, new Map([[Infinity, 0]]))).toBeNull();
    expect(
      histogramQuantile(
        0.99,
        new Map([
          [5, 0],
          [Infinity, 10],
        ]),
      ),
    ).toBe(5);
  });
});

describe('rates from counters', () => {
  const reader = () =>
    new MetricsReader({
      from: { http: { service: 'api', path: '/metrics', format: 'prometheus-text' } },
      throughput: { rate: '$.orders_total[*].value' },
      errorRate: {
        ratioOfRates: { numerator: '$.errors_total[*].value', denominator: '$.orders_total[*].value' },
        unit: 'ratio',
      },
    });
  const doc = (orders: number, errors: number) => ({
    orders_total: [{ value: orders }],
    errors_total: [{ value: errors }],
  });

  test('per second between two reads; the first read gives no window', () => {
    const r = reader();
    expect(r.read(doc(1000, 10), 0)).toBeNull();
    expect(r.read(doc(3000, 30), 2000)).toMatchObject({ throughput: 1000, errorRate: 0.01, orders: 2000 });
  });

  test('a counter that went down (a restart) gives no window rather than a calm-looking 0', () => {
    const r = reader();
    r.read(doc(5000, 50), 0);
    expect(r.read(doc(100, 1), 1000)).toBeNull();
    expect(r.read(doc(1100, 11), 2000)).toMatchObject({ throughput: 1000 });
  });

  test('a negative counter is refused, naming it', () => {
    expect(() => reader().read(doc(-5, 0), 0)).toThrow(/below 0/);
  });
});

import { describe, expect, test } from 'vitest';
import type { MetricWindow } from '../../../contract/schemas.ts';
import { describeSpan, toSeries } from './metric-series.ts';

const at = (second: number) => new Date(Date.UTC(2025, 2, 14, 9, 30) + second * 1000).toISOString();
const window = (from: number, throughput: number): MetricWindow => ({
  start: at(from),
  end: at(from + 1),
  latencyP99: null,
  errorRate: 0,
  throughput,
  orders: throughput,
  errors: 0,
});

describe('toSeries', () => {
  test('one point per window, at its end', () => {
    expect(toSeries([window(0, 5), window(1, 7)], (w) => w.throughput)).toEqual([
      { t: Date.parse(at(1)), v: 5 },
      { t: Date.parse(at(2)), v: 7 },
    ]);
  });

  test('a hole between windows becomes a gap instead of a line drawn across it', () => {
    const points = toSeries([window(0, 5), window(10, 7)], (w) => w.throughput);
    expect(points.map((p) => p.v)).toEqual([5, null, 7]);
    expect(points[1]!.t).toBe(Date.parse(at(10)));
  });
});

describe('describeSpan', () => {
  test('in seconds, then in minutes', () => {
    expect(describeSpan([window(0, 1), window(44, 1)])).toBe('the last 45 seconds');
    expect(describeSpan([window(0, 1)])).toBe('the last 1 second');
    expect(describeSpan([window(0, 1), window(299, 1)])).toBe('the last 5 minutes');
    expect(describeSpan([])).toBe('no time');
  });
});

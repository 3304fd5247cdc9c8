import { describe, expect, test } from 'vitest';
import type { MetricWindow } from '../../../contract/schemas.ts';
import { thresholdPresets } from '../../config/thresholds.ts';
import { latencyChartUnit, latencyLines, latencySeries } from './latency-series.ts';

const window = (second: number, latencyP99: MetricWindow['latencyP99']): MetricWindow => ({
  start: new Date(Date.UTC(2025, 2, 14, 9, 30, second)).toISOString(),
  end: new Date(Date.UTC(2025, 2, 14, 9, 30, second + 1)).toISOString(),
  latencyP99,
  errorRate: 0,
  throughput: latencyP99 ? 100 : 0,
  orders: latencyP99 ? 100 : 0,
  errors: 0,
});

describe('the p99 chart series', () => {
  test('is drawn in the unit of the latest measured window, every window converted into it', () => {
    const windows = [
      window(0, { value: 0.5, unit: 'ms' }),
      window(1, { value: 250, unit: 'us' }),
      window(2, null),
    ];
    const unit = latencyChartUnit(windows, thresholdPresets.hft);
    expect(unit).toBe('us');
    expect(latencySeries(windows, unit).map((p) => p.v)).toEqual([500, 250, null]);
  });

  test('a window without orders is a gap, not a zero', () => {
    const points = latencySeries([window(0, { value: 25, unit: 'us' }), window(1, null)], 'us');
    expect(points[1]).toEqual({ t: Date.parse(window(1, null).end), v: null });
  });

  test('with no measurement at all it falls back to the thresholds’ unit', () => {
    expect(latencyChartUnit([window(0, null)], thresholdPresets.hft)).toBe('ms');
  });

  test('threshold lines are converted into the data’s unit but labelled as configured', () => {
    expect(latencyLines(thresholdPresets.hft, 'us')).toEqual([
      { level: 'warning', value: 1000, label: 'warning 1 ms' },
      { level: 'critical', value: 10_000, label: 'critical 10 ms' },
    ]);
    expect(latencyLines(thresholdPresets.rtes, 'ms')).toEqual([
      { level: 'warning', value: 0.05, label: 'warning 50 µs' },
      { level: 'critical', value: 0.1, label: 'critical 100 µs' },
    ]);
  });
});

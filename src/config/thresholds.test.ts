import { describe, expect, test } from 'vitest';
import { parseOrExplain } from '../../contract/validate.ts';
import {
  errorRateLevel,
  inUnit,
  latencyLevel,
  thresholdPresets,
  thresholdsInputSchema,
} from './thresholds.ts';

describe('thresholds', () => {
  test('the RTES preset: p99 warning over 50 µs, critical over 100 µs, whatever unit the data uses', () => {
    const t = thresholdPresets.rtes;
    expect(latencyLevel({ value: 49, unit: 'us' }, t)).toBe('normal');
    expect(latencyLevel({ value: 51, unit: 'us' }, t)).toBe('warning');
    expect(latencyLevel({ value: 0.101, unit: 'ms' }, t)).toBe('critical');
  });

  test('the HFT preset works in milliseconds: 1 ms alerts, 10 ms is critical', () => {
    const t = thresholdPresets.hft;
    expect(latencyLevel({ value: 900, unit: 'us' }, t)).toBe('normal');
    expect(latencyLevel({ value: 2, unit: 'ms' }, t)).toBe('warning');
    expect(latencyLevel({ value: 0.011, unit: 's' }, t)).toBe('critical');
  });

  test('error rate is a fraction: 0.5 % warns, over 1 % is critical', () => {
    const t = thresholdPresets.rtes;
    expect(errorRateLevel(0.004, t)).toBe('normal');
    expect(errorRateLevel(0.006, t)).toBe('warning');
    expect(errorRateLevel(0.02, t)).toBe('critical');
  });

  test('units convert both ways', () => {
    expect(inUnit({ value: 1.5, unit: 'ms' }, 'us')).toBe(1500);
    expect(inUnit({ value: 250, unit: 'us' }, 'ms')).toBe(0.25);
  });

  test('a preset or explicit figures are accepted', () => {
    expect(thresholdsInputSchema.parse({ preset: 'hft' })).toEqual(thresholdPresets.hft);
    expect(thresholdsInputSchema.parse(thresholdPresets.rtes)).toEqual(thresholdPresets.rtes);
  });

  test.each([
    [{ preset: 'nope' }, /preset/],
    [
      { ...thresholdPresets.rtes, errorRate: { warning: 0.02, critical: 0.01 } },
      /errorRate.warning must be below/,
    ],
    [
      {
        ...thresholdPresets.rtes,
        latencyP99: { warning: { value: 1, unit: 'ms' }, critical: { value: 100, unit: 'us' } },
      },
      /latencyP99.warning must be below/,
    ],
    [
      {
        ...thresholdPresets.rtes,
        latencyP99: { warning: { value: 1, unit: 'min' }, critical: { value: 2, unit: 'ms' } },
      },
      /unit/,
    ],
  ])('bad thresholds are refused with a clear message (%#)', (input, message) => {
    const result = parseOrExplain(thresholdsInputSchema, input, 'thresholds');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

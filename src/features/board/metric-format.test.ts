import { expect, test } from 'vitest';
import {
  formatLatencyShort,
  formatLatencyThreshold,
  formatPercent,
  formatPercentShort,
  formatPercentThreshold,
  formatRate,
} from './metric-format.ts';

test('measured figures keep fixed digits; thresholds read as the round numbers they are', () => {
  expect(formatPercent(0.0042)).toBe('0.42 %');
  expect(formatPercent(0.123)).toBe('12.3 %');
  expect(formatPercentThreshold(0.005)).toBe('0.5 %');
  expect(formatPercentThreshold(0.07)).toBe('7 %');
  expect(formatLatencyThreshold(50, 'us')).toBe('50 µs');
  expect(formatLatencyThreshold(1.5, 'ms')).toBe('1.5 ms');
  expect(formatRate(2034.6)).toBe('2,035');
  expect(formatRate(2.25)).toBe('2.3');
  expect(formatRate(0)).toBe('0');
});

test('chart axes read short: three significant digits, no padding', () => {
  expect(formatLatencyShort(0, 'us')).toBe('0 µs');
  expect(formatLatencyShort(55, 'us')).toBe('55 µs');
  expect(formatLatencyShort(203.456, 'us')).toBe('203 µs');
  expect(formatLatencyShort(0.0525, 'ms')).toBe('0.0525 ms');
  expect(formatPercentShort(0.005)).toBe('0.5 %');
  expect(formatPercentShort(0.01234)).toBe('1.23 %');
});

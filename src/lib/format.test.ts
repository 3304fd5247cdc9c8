import { describe, expect, test } from 'vitest';
import { formatAge, formatClock, formatLatency } from './format.ts';

describe('format', () => {
  test.each([
    [0, '0.0 s'],
    [400, '0.4 s'],
    [9_950, '9.9 s'],
    [12_300, '12 s'],
    [184_000, '3 min 04 s'],
    [7_500_000, '2 h 05 min'],
    [-50, '0.0 s'],
  ])('age %i ms reads "%s"', (ms, text) => expect(formatAge(ms)).toBe(text));

  test('clock times are 24 h to the second', () => {
    expect(formatClock(new Date(2026, 0, 5, 14, 3, 7).getTime())).toBe('14:03:07');
  });

  test('latency keeps its unit and sensible precision', () => {
    expect(formatLatency(7.256, 'us')).toBe('7.26 µs');
    expect(formatLatency(52.34, 'us')).toBe('52.3 µs');
    expect(formatLatency(1234.5, 'ms')).toBe('1235 ms');
    expect(formatLatency(1.5, 's')).toBe('1.50 s');
  });
});

import { describe, expect, test } from 'vitest';
import { BASE_P99_US, DEGRADED_PLATEAU_US, degradationCrossingMs, degradedP99Us } from './latency-curve.ts';

describe('latency degradation curve', () => {
  test('starts at the normal p99, climbs steadily and levels off between 200 and 300 µs', () => {
    expect(degradedP99Us(0)).toBeCloseTo(BASE_P99_US);
    let previous = 0;
    for (let ms = 0; ms <= 60_000; ms += 500) {
      const p99 = degradedP99Us(ms);
      expect(p99).toBeGreaterThan(previous);
      previous = p99;
    }
    expect(degradedP99Us(60_000)).toBeGreaterThan(200);
    expect(degradedP99Us(600_000)).toBeLessThanOrEqual(DEGRADED_PLATEAU_US);
    expect(DEGRADED_PLATEAU_US).toBeLessThanOrEqual(300);
  });

  test('crosses 50 µs after 3–5 s and 100 µs after 8–12 s, as its inverse predicts', () => {
    const at50 = degradationCrossingMs(50);
    const at100 = degradationCrossingMs(100);
    expect(at50).toBeGreaterThan(3_000);
    expect(at50).toBeLessThan(5_000);
    expect(at100).toBeGreaterThan(8_000);
    expect(at100).toBeLessThan(12_000);
    expect(degradedP99Us(at50)).toBeCloseTo(50, 6);
    expect(degradedP99Us(at100)).toBeCloseTo(100, 6);
  });
});

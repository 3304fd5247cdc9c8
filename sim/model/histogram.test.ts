import { describe, expect, test } from 'vitest';
import { HISTOGRAM_RELATIVE_ERROR, Histogram } from './histogram.ts';
import { Rng } from './rng.ts';

/** Nearest-rank percentile of the raw samples: the definition the histogram approximates. */
function exactPercentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

const distributions: Record<string, (rng: Rng) => number> = {
  uniform: (rng) => rng.uniform(5, 500),
  lognormal: (rng) => rng.lognormal(Math.log(12), 0.6),
  bimodal: (rng) => (rng.bernoulli(0.9) ? rng.normal(20, 2) : rng.normal(400, 30)),
  'heavy tail': (rng) => 10 / (1 - rng.next()) ** 0.8,
};

describe('Histogram', () => {
  test('states a relative error of at most 1 %', () => {
    expect(HISTOGRAM_RELATIVE_ERROR).toBeLessThanOrEqual(0.01);
  });

  for (const [name, sample] of Object.entries(distributions)) {
    test(`${name}: p50, p99 and p99.9 agree with the sorted samples within the stated error`, () => {
      const rng = new Rng(11, name);
      for (const size of [1, 17, 2_000, 50_000]) {
        const samples = Array.from({ length: size }, () => sample(rng));
        const histogram = new Histogram();
        for (const value of samples) histogram.record(value);
        expect(histogram.count).toBe(size);
        for (const p of [0, 50, 99, 99.9, 100]) {
          const exact = exactPercentile(samples, p);
          const reported = histogram.percentile(p) as number;
          expect(Math.abs(reported - exact) / exact).toBeLessThanOrEqual(HISTOGRAM_RELATIVE_ERROR);
        }
      }
    });
  }

  test('a weighted record counts as that many samples', () => {
    const weighted = new Histogram();
    weighted.record(10, 98);
    weighted.record(1_000, 2);
    expect(weighted.count).toBe(100);
    expect(weighted.percentile(98)).toBeCloseTo(10, 0);
    expect(weighted.percentile(99)).toBeCloseTo(1_000, -1);
  });

  test('is empty after reset and reports no percentile when empty', () => {
    const histogram = new Histogram();
    expect(histogram.percentile(99)).toBeNull();
    histogram.record(42);
    histogram.record(0);
    expect(histogram.percentile(50)).toBe(0);
    histogram.reset();
    expect(histogram.count).toBe(0);
    expect(histogram.percentile(99)).toBeNull();
    histogram.record(7);
    expect(histogram.percentile(99)).toBe(7);
  });
});

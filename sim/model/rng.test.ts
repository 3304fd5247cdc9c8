import { describe, expect, test } from 'vitest';
import { Rng } from './rng.ts';

const draw = (rng: Rng, n: number, f: (r: Rng) => number): number[] =>
  Array.from({ length: n }, () => f(rng));
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]): number => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};

describe('Rng', () => {
  test('replays the same sequence for the same seed and stream', () => {
    expect(draw(new Rng(7, 'a'), 50, (r) => r.next())).toEqual(draw(new Rng(7, 'a'), 50, (r) => r.next()));
  });

  test('differs across seeds and across streams of one seed', () => {
    const base = draw(new Rng(7, 'a'), 10, (r) => r.next());
    expect(draw(new Rng(8, 'a'), 10, (r) => r.next())).not.toEqual(base);
    expect(draw(new Rng(7, 'b'), 10, (r) => r.next())).not.toEqual(base);
  });

  test('uniform and int stay in range', () => {
    const rng = new Rng(1);
    for (const x of draw(rng, 10_000, (r) => r.uniform(-2, 3))) expect(x >= -2 && x < 3).toBe(true);
    expect(new Set(draw(rng, 10_000, (r) => r.int(5)))).toEqual(new Set([0, 1, 2, 3, 4]));
  });

  test('normal, lognormal, poisson and binomial have the right moments', () => {
    const rng = new Rng(2);
    const normals = draw(rng, 50_000, (r) => r.normal(10, 2));
    expect(mean(normals)).toBeCloseTo(10, 1);
    expect(sd(normals)).toBeCloseTo(2, 1);
    const logs = draw(rng, 50_000, (r) => Math.log(r.lognormal(1, 0.5)));
    expect(mean(logs)).toBeCloseTo(1, 1);
    expect(sd(logs)).toBeCloseTo(0.5, 1);
    for (const lambda of [0.3, 4, 200]) {
      const counts = draw(rng, 20_000, (r) => r.poisson(lambda));
      expect(Math.abs(mean(counts) - lambda)).toBeLessThan(0.03 * lambda + 0.02);
      expect(counts.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
    }
    for (const [n, p] of [
      [200, 0.0005],
      [30, 0.3],
      [2_000, 0.5],
    ] as const) {
      const counts = draw(rng, 20_000, (r) => r.binomial(n, p));
      expect(Math.abs(mean(counts) - n * p)).toBeLessThan(0.03 * n * p + 0.01);
      expect(counts.every((k) => k >= 0 && k <= n)).toBe(true);
    }
  });

  test('pick returns members only, and refuses an empty list', () => {
    const rng = new Rng(3);
    const items = ['a', 'b', 'c'] as const;
    expect(new Set(draw(rng, 1_000, (r) => items.indexOf(r.pick(items))))).toEqual(new Set([0, 1, 2]));
    expect(() => rng.pick([])).toThrow(RangeError);
  });
});

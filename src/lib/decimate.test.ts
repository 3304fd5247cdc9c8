import { describe, expect, test } from 'vitest';
import { decimate } from './decimate.ts';

interface P {
  i: number;
  v: number | null;
}
const series = (values: (number | null)[]): P[] => values.map((v, i) => ({ i, v }));
const value = (p: P) => p.v;
const wave = (n: number) => series(Array.from({ length: n }, (_, i) => 20 + 5 * Math.sin(i / 7)));

describe('decimate', () => {
  test('returns a series that already fits unchanged, as the same array', () => {
    const short = wave(50);
    expect(decimate(short, 50, value)).toBe(short);
    expect(decimate(short, 400, value)).toBe(short);
  });

  test('never returns more points than the limit', () => {
    for (const n of [3, 10, 299, 300, 1000])
      for (const limit of [1, 2, 3, 4, 5, 17, 100, 299])
        expect(decimate(wave(n), limit, value).length).toBeLessThanOrEqual(limit);
  });

  test('keeps the first and the last point', () => {
    const points = wave(300);
    const thin = decimate(points, 40, value);
    expect(thin[0]).toBe(points[0]);
    expect(thin.at(-1)).toBe(points[299]);
  });

  test('keeps a one-point spike and a one-point dip that an average would flatten', () => {
    const values: number[] = Array.from({ length: 300 }, () => 25);
    values[137] = 900;
    values[211] = 1;
    const thin = decimate(series(values), 30, value);
    expect(thin.map((p) => p.v)).toContain(900);
    expect(thin.map((p) => p.v)).toContain(1);
    // Only input points, never invented ones.
    expect(thin.every((p) => p.v === 25 || p.v === 900 || p.v === 1)).toBe(true);
  });

  test('keeps the maximum of every bucket, in time order', () => {
    const points = wave(300);
    const thin = decimate(points, 62, value); // 30 buckets of 298 / 30 interior points
    const indices = thin.map((p) => p.i);
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
    for (let b = 0; b < 30; b++) {
      const from = 1 + Math.floor((b * 298) / 30);
      const to = 1 + Math.floor(((b + 1) * 298) / 30);
      const bucketMax = Math.max(...points.slice(from, to).map((p) => p.v!));
      expect(thin.some((p) => p.i >= from && p.i < to && p.v === bucketMax)).toBe(true);
    }
  });

  test('a gap survives thinning, so the line still breaks where nothing was measured', () => {
    const values: (number | null)[] = Array.from({ length: 300 }, () => 25);
    values[150] = null;
    const thin = decimate(series(values), 20, value);
    expect(thin.some((p) => p.v === null)).toBe(true);
  });

  test('degenerate limits', () => {
    expect(decimate(wave(10), 0, value)).toEqual([]);
    expect(decimate(wave(10), 1, value).map((p) => p.i)).toEqual([9]);
    expect(decimate(wave(10), 2, value).map((p) => p.i)).toEqual([0, 9]);
  });
});

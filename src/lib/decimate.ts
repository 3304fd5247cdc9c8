/**
 * Thins a series to at most `limit` points for drawing, keeping its shape: the first and last
 * points, and from each bucket of the points between them its lowest and its highest value, in
 * their original order. Averaging would smooth a one-window p99 spike out of existence — the very
 * thing a commander looks for — so no value is ever made up: every point returned is an input.
 *
 * `valueOf` returning null marks a gap (no measurement). A bucket holding a gap keeps one gap
 * point and its highest value, in order, so a line that broke still breaks after thinning (at the
 * cost of that bucket's low, which matters least for latency and error rates).
 *
 * A series that already fits is returned as it is (the same array).
 */
export function decimate<T>(
  points: readonly T[],
  limit: number,
  valueOf: (point: T) => number | null,
): readonly T[] {
  if (points.length <= limit) return points;
  if (limit < 1) return [];
  if (limit < 2) return points.slice(-1);

  // Two slots per bucket; the first and last points take two more.
  const buckets = Math.floor((limit - 2) / 2);
  const interior = points.length - 2;
  const out: T[] = points.slice(0, 1);
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor((b * interior) / buckets);
    const to = 1 + Math.floor(((b + 1) * interior) / buckets);
    out.push(...pickExtremes(points.slice(from, to), valueOf));
  }
  out.push(...points.slice(-1));
  return out;
}

/** One bucket reduced to at most two of its points, in order. */
function pickExtremes<T>(bucket: readonly T[], valueOf: (point: T) => number | null): T[] {
  let gap: number | null = null;
  let min: { i: number; v: number } | null = null;
  let max: { i: number; v: number } | null = null;
  for (const [i, point] of bucket.entries()) {
    const v = valueOf(point);
    if (v === null) gap ??= i;
    else {
      if (min === null || v < min.v) min = { i, v };
      if (max === null || v > max.v) max = { i, v };
    }
  }
  const keep = new Set([gap ?? min?.i, max?.i]);
  return bucket.filter((_, i) => keep.has(i));
}

// Prometheus's histogram_quantile over cumulative bucket counts, for tests that check an
// exposition without a Prometheus: the bucket holding the rank, linearly interpolated, the
// lowest bucket starting at 0, a rank in +Inf answered by the highest finite bound.
export interface Bucket {
  le: number;
  count: number;
}

export function histogramQuantile(q: number, buckets: readonly Bucket[]): number {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const total = sorted.at(-1)?.count ?? 0;
  if (total === 0) return NaN;
  const rank = q * total;
  const i = sorted.findIndex((b) => b.count >= rank);
  const bucket = sorted[i];
  if (!bucket) return NaN;
  if (bucket.le === Infinity) return sorted.at(-2)?.le ?? NaN;
  const below = i === 0 ? { le: 0, count: 0 } : (sorted[i - 1] ?? { le: 0, count: 0 });
  const inBucket = bucket.count - below.count;
  return below.le + (bucket.le - below.le) * (inBucket === 0 ? 0 : (rank - below.count) / inBucket);
}

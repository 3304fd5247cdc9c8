// Order latencies counted into fixed buckets since the system started, as a Prometheus
// histogram counts them: the exporter's view of the same orders the windows summarise. The
// bounds are fine enough to place each seed's alert levels on a bucket edge (RTES 50 and
// 100 µs, HFT 1 and 10 ms) and to interpolate a p99 within a few per cent between them.

/** Upper bounds in µs: 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5 per decade, 10 µs to 100 ms. */
export const LATENCY_BUCKET_BOUNDS_US: readonly number[] = [10, 100, 1_000, 10_000]
  .flatMap((decade) => [1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5].map((m) => m * decade))
  .concat(100_000);

export interface LatencyTotals {
  /** Upper bounds in µs, ascending; the last bucket (+Inf) has none. */
  boundsUs: readonly number[];
  /** Orders at or below each bound (cumulative), then all of them (+Inf). */
  cumulative: number[];
  sumUs: number;
  count: number;
}

export class LatencyBuckets {
  #counts = new Float64Array(LATENCY_BUCKET_BOUNDS_US.length + 1);
  #sum = 0;
  #count = 0;

  record(valueUs: number, times: number): void {
    if (!Number.isFinite(valueUs) || !(times > 0)) return;
    let i = 0;
    while (i < LATENCY_BUCKET_BOUNDS_US.length && valueUs > (LATENCY_BUCKET_BOUNDS_US[i] ?? Infinity)) i++;
    this.#counts[i] = (this.#counts[i] ?? 0) + times;
    this.#sum += valueUs * times;
    this.#count += times;
  }

  /** Adds everything `other` counted. */
  absorb(other: LatencyBuckets): void {
    other.#counts.forEach((n, i) => (this.#counts[i] = (this.#counts[i] ?? 0) + n));
    this.#sum += other.#sum;
    this.#count += other.#count;
  }

  reset(): void {
    this.#counts.fill(0);
    this.#sum = 0;
    this.#count = 0;
  }

  totals(): LatencyTotals {
    let running = 0;
    const cumulative = [...this.#counts].map((n) => (running += n));
    return { boundsUs: LATENCY_BUCKET_BOUNDS_US, cumulative, sumUs: this.#sum, count: this.#count };
  }
}

// A log-linear latency histogram (HDR-style): each power of two is cut into SUB_BUCKETS equal
// slices, so a bucket is never wider than 1/SUB_BUCKETS of its lower bound. Reporting the
// bucket's midpoint therefore errs by at most half that, whatever the distribution, while a
// window of thousands of orders costs a fixed 32 KiB instead of a sorted array.

const SUB_BUCKETS = 64;
const MIN_EXP = -20; // ~1e-6: far below any latency in µs
const MAX_EXP = 43; // ~8.8e12: far above
const BUCKETS = (MAX_EXP - MIN_EXP + 1) * SUB_BUCKETS;

/** Upper bound of |reported − exact| / exact for any percentile within the covered range. */
export const HISTOGRAM_RELATIVE_ERROR = 1 / (2 * SUB_BUCKETS);

function bucketOf(value: number): number {
  let exp = Math.floor(Math.log2(value));
  let mantissa = value / 2 ** exp;
  // log2 can land one off at exact powers of two.
  if (mantissa >= 2) {
    exp++;
    mantissa /= 2;
  } else if (mantissa < 1) {
    exp--;
    mantissa *= 2;
  }
  if (exp < MIN_EXP) return 0;
  if (exp > MAX_EXP) return BUCKETS - 1;
  return (exp - MIN_EXP) * SUB_BUCKETS + Math.min(SUB_BUCKETS - 1, Math.floor((mantissa - 1) * SUB_BUCKETS));
}

function midpointOf(bucket: number): number {
  const exp = MIN_EXP + Math.floor(bucket / SUB_BUCKETS);
  const sub = bucket % SUB_BUCKETS;
  return 2 ** exp * (1 + (sub + 0.5) / SUB_BUCKETS);
}

export class Histogram {
  #counts = new Float64Array(BUCKETS);
  #zeros = 0; // values <= 0 have no logarithm; they are reported as 0
  #count = 0;
  #min = Infinity;
  #max = -Infinity;

  /** Record `value` `times` times (a weight lets a step record a sample on behalf of several orders). */
  record(value: number, times = 1): void {
    if (!Number.isFinite(value) || !(times > 0)) return;
    if (value <= 0) this.#zeros += times;
    else {
      const bucket = bucketOf(value);
      this.#counts[bucket] = (this.#counts[bucket] ?? 0) + times;
    }
    this.#count += times;
    if (value < this.#min) this.#min = value;
    if (value > this.#max) this.#max = value;
  }

  get count(): number {
    return this.#count;
  }

  /**
   * Nearest-rank percentile, p in [0, 100]: the value below or at which p % of the recorded
   * values lie. Null when nothing was recorded.
   */
  percentile(p: number): number | null {
    if (this.#count === 0) return null;
    const rank = Math.max(1, Math.ceil((Math.min(100, Math.max(0, p)) / 100) * this.#count));
    let seen = this.#zeros;
    if (seen >= rank) return Math.max(0, this.#min);
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      seen += this.#counts[bucket] ?? 0;
      // Clamping to the observed extremes can only move the answer closer to the exact value.
      if (seen >= rank) return Math.min(this.#max, Math.max(this.#min, midpointOf(bucket)));
    }
    return this.#max;
  }

  reset(): void {
    this.#counts.fill(0);
    this.#zeros = 0;
    this.#count = 0;
    this.#min = Infinity;
    this.#max = -Infinity;
  }
}

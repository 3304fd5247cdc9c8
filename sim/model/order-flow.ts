// The order flow: how many orders each step processes, how long each took and whether it
// failed, summed into one-second metric windows.
import { Histogram } from './histogram.ts';
import { LatencyBuckets } from './latency-buckets.ts';
import type { LatencyTotals } from './latency-buckets.ts';
import { LATENCY_MU, LATENCY_SIGMA } from './latency-curve.ts';
import type { Rng } from './rng.ts';
import { iso } from './time.ts';
import type { MetricWindow } from './types.ts';

/** Orders per second in normal trading. */
export const NORMAL_ORDER_RATE = 2_000;
/**
 * Latency samples drawn per step at most; past it each sample stands for several orders.
 * Normal flow (~200 a step) stays below it, and a simulated hour stays cheap to run.
 */
const MAX_SAMPLES_PER_STEP = 400;

export interface FlowStepInput {
  /** Orders per second arriving in this step. */
  rate: number;
  latencyFactor: number;
  errorProb: number;
}

const round = (value: number, decimals: number): number => {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
};

/** What the flow has processed since the system started, counted as each window closes. */
export interface FlowTotals {
  orders: number;
  errors: number;
  latency: LatencyTotals;
  /** When the last window closed (epoch ms); null before the first. */
  windowEnd: number | null;
}

export class OrderFlow {
  #rng: Rng;
  #latencies = new Histogram();
  #buckets = new LatencyBuckets();
  #total = { orders: 0, errors: 0, buckets: new LatencyBuckets(), windowEnd: null as number | null };
  #orders = 0;
  #errors = 0;
  #windowStart: number;
  #mu: number;

  /** `mu`: ln of the median latency in µs (latencyMu of the system's profile). */
  constructor(rng: Rng, startMs: number, mu = LATENCY_MU) {
    this.#rng = rng;
    this.#windowStart = startMs;
    this.#mu = mu;
  }

  step(dtMs: number, input: FlowStepInput): void {
    const orders = this.#rng.poisson((input.rate * dtMs) / 1000);
    if (orders === 0) return;
    this.#orders += orders;
    this.#errors += this.#rng.binomial(orders, Math.min(1, input.errorProb));
    const samples = Math.min(orders, MAX_SAMPLES_PER_STEP);
    const weight = Math.floor(orders / samples);
    const heavier = orders - weight * samples; // the first `heavier` samples carry one order more
    for (let i = 0; i < samples; i++) {
      const latency = this.#rng.lognormal(this.#mu, LATENCY_SIGMA) * input.latencyFactor;
      this.#latencies.record(latency, i < heavier ? weight + 1 : weight);
      this.#buckets.record(latency, i < heavier ? weight + 1 : weight);
    }
  }

  /** Closes the window [start, end) and opens the next one at `end`. */
  closeWindow(end: number): MetricWindow {
    const start = this.#windowStart;
    const p99 = this.#latencies.percentile(99);
    const window: MetricWindow = {
      start: iso(start),
      end: iso(end),
      latencyP99: p99 === null ? null : { value: round(p99, 2), unit: 'us' },
      errorRate: this.#orders === 0 ? 0 : this.#errors / this.#orders,
      throughput: end > start ? round((this.#orders * 1000) / (end - start), 1) : 0,
      orders: this.#orders,
      errors: this.#errors,
    };
    // Totals move a whole window at a time, so that two reads of them differ by exactly the
    // windows closed in between: rate() over them agrees with the windows.
    this.#total.orders += this.#orders;
    this.#total.errors += this.#errors;
    this.#total.buckets.absorb(this.#buckets);
    this.#total.windowEnd = end;
    this.#buckets.reset();
    this.#latencies.reset();
    this.#orders = 0;
    this.#errors = 0;
    this.#windowStart = end;
    return window;
  }

  totals(): FlowTotals {
    const { orders, errors, buckets, windowEnd } = this.#total;
    return { orders, errors, latency: buckets.totals(), windowEnd };
  }
}

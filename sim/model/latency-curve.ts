// Order latency: a lognormal whose 99th percentile is BASE_P99_US in normal trading, and the
// latency-degradation scenario's climb. The climb is a logistic curve of time since the
// scenario started, so tests and drills can predict exactly when it crosses each alert level.

/** p99 of order-processing latency in normal trading, in µs. */
export const BASE_P99_US = 25;
/** Spread of the latency lognormal (log scale). */
export const LATENCY_SIGMA = 0.35;
/** Standard-normal 99th percentile. */
const Z99 = 2.3263478740408408;
/** ln(median latency), chosen so that the distribution's p99 is exactly BASE_P99_US. */
export const LATENCY_MU = Math.log(BASE_P99_US) - Z99 * LATENCY_SIGMA;

/** Where the degradation levels off, in µs. */
export const DEGRADED_PLATEAU_US = 250;
/** Growth rate of the logistic climb, per second. */
const CLIMB_RATE_PER_S = 0.2;
const SPAN = DEGRADED_PLATEAU_US / BASE_P99_US - 1;

/** The p99 the degradation scenario drives towards, `elapsedMs` after it started. */
export function degradedP99Us(elapsedMs: number): number {
  if (elapsedMs <= 0) return BASE_P99_US;
  return DEGRADED_PLATEAU_US / (1 + SPAN * Math.exp((-CLIMB_RATE_PER_S * elapsedMs) / 1000));
}

/** Factor by which every latency sample is scaled (scaling a distribution scales its p99). */
export function degradationFactor(elapsedMs: number): number {
  return degradedP99Us(elapsedMs) / BASE_P99_US;
}

/**
 * Milliseconds after the start at which the degraded p99 reaches `thresholdUs` (the inverse of
 * degradedP99Us): about 4.1 s for 50 µs and 9.0 s for 100 µs.
 */
export function degradationCrossingMs(thresholdUs: number): number {
  if (thresholdUs <= BASE_P99_US) return 0;
  if (thresholdUs >= DEGRADED_PLATEAU_US) return Infinity;
  const remaining = (DEGRADED_PLATEAU_US / thresholdUs - 1) / SPAN;
  return (-Math.log(remaining) / CLIMB_RATE_PER_S) * 1000;
}

// Order latency: a lognormal whose 99th percentile is the profile's base p99 in normal trading,
// and the latency-degradation scenario's climb. The climb is a logistic curve of time since the
// scenario started, so tests and drills can predict exactly when it crosses each alert level.
// A profile says where a system's latencies live: an in-process matching engine in µs, a
// strategy that crosses a network to its exchanges in ms (see LatencyProfile).

/** Where a system's order latencies live and when its own alerts fire, all in µs. */
export interface LatencyProfile {
  /** p99 in normal trading. */
  baseP99Us: number;
  /** Where the degradation scenario levels off. */
  plateauUs: number;
  /** The system's alert levels for p99. */
  warningUs: number;
  criticalUs: number;
}

/** p99 of order-processing latency in normal trading, in µs. */
export const BASE_P99_US = 25;
/** Where the degradation levels off, in µs. */
export const DEGRADED_PLATEAU_US = 250;

/** The canonical simulated system: RTES-like, an in-process engine (warning 50 µs, critical 100 µs). */
export const DEFAULT_LATENCY: LatencyProfile = {
  baseP99Us: BASE_P99_US,
  plateauUs: DEGRADED_PLATEAU_US,
  warningUs: 50,
  criticalUs: 100,
};

/** Spread of the latency lognormal (log scale). */
export const LATENCY_SIGMA = 0.35;
/** Standard-normal 99th percentile. */
const Z99 = 2.3263478740408408;

/** ln(median latency), chosen so that the distribution's p99 is exactly the profile's base. */
export function latencyMu(profile: LatencyProfile = DEFAULT_LATENCY): number {
  return Math.log(profile.baseP99Us) - Z99 * LATENCY_SIGMA;
}
export const LATENCY_MU = latencyMu(DEFAULT_LATENCY);

/** Growth rate of the logistic climb, per second. */
const CLIMB_RATE_PER_S = 0.2;
const span = (p: LatencyProfile) => p.plateauUs / p.baseP99Us - 1;

/** The p99 the degradation scenario drives towards, `elapsedMs` after it started. */
export function degradedP99Us(elapsedMs: number, profile: LatencyProfile = DEFAULT_LATENCY): number {
  if (elapsedMs <= 0) return profile.baseP99Us;
  return profile.plateauUs / (1 + span(profile) * Math.exp((-CLIMB_RATE_PER_S * elapsedMs) / 1000));
}

/** Factor by which every latency sample is scaled (scaling a distribution scales its p99). */
export function degradationFactor(elapsedMs: number, profile: LatencyProfile = DEFAULT_LATENCY): number {
  return degradedP99Us(elapsedMs, profile) / profile.baseP99Us;
}

/**
 * Milliseconds after the start at which the degraded p99 reaches `thresholdUs` (the inverse of
 * degradedP99Us): with the default profile about 4.1 s for 50 µs and 9.0 s for 100 µs.
 */
export function degradationCrossingMs(
  thresholdUs: number,
  profile: LatencyProfile = DEFAULT_LATENCY,
): number {
  if (thresholdUs <= profile.baseP99Us) return 0;
  if (thresholdUs >= profile.plateauUs) return Infinity;
  const remaining = (profile.plateauUs / thresholdUs - 1) / span(profile);
  return (-Math.log(remaining) / CLIMB_RATE_PER_S) * 1000;
}

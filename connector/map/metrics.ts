// The metrics section: each read becomes one canonical window [previous read, this read).
// Gauges are taken as they are; counters become rates from the difference between two reads;
// a histogram's quantile is computed, as PromQL's histogram_quantile does, over the buckets'
// increase between the two reads. A counter that went down means the system restarted: that
// window reports nothing rather than a negative rate.
import type { Latency, MetricWindow } from '../../contract/schemas.ts';
import type { Figure, LatencyUnitIn } from '../profile/fields.ts';
import type { MetricsSection } from '../profile/sections.ts';
import { asTime, MappingError, nodes } from './field.ts';

type Counters = Map<string, number>;

const sum = (values: unknown[]) =>
  values.reduce<number>((total, v) => total + (typeof v === 'number' ? v : Number(v)), 0);

function gauge(document: unknown, path: string, what: string): number {
  const found = nodes(document, path);
  if (found.length === 0) throw new MappingError(`${what}: nothing found at ${path}`);
  const value = sum(found);
  if (!Number.isFinite(value)) throw new MappingError(`${what}: the value at ${path} is not a number`);
  if (value < 0) throw new MappingError(`${what}: the value at ${path} is below 0 (${value})`);
  return value;
}

/** Buckets as { le, count } read from samples carrying `labels.le`, summed per bound. */
function buckets(document: unknown, path: string): Map<number, number> {
  const byBound = new Map<number, number>();
  for (const node of nodes(document, path)) {
    const sample = node as { labels?: { le?: string }; value?: number };
    const le = sample.labels?.le === '+Inf' ? Infinity : Number(sample.labels?.le);
    if (Number.isNaN(le) || typeof sample.value !== 'number') continue;
    byBound.set(le, (byBound.get(le) ?? 0) + sample.value);
  }
  return byBound;
}

/** histogram_quantile over cumulative bucket increases; null when nothing was observed. */
export function histogramQuantile(q: number, increases: Map<number, number>): number | null {
  const sorted = [...increases.entries()].sort((a, b) => a[0] - b[0]);
  const total = sorted.at(-1)?.[1] ?? 0;
  if (total <= 0) return null;
  const rank = q * total;
  let previousBound = 0;
  let previousCount = 0;
  for (const [bound, count] of sorted) {
    if (count >= rank) {
      // The top bucket is open-ended: the quantile is the highest finite bound, as in PromQL.
      if (bound === Infinity) return previousBound;
      const inBucket = count - previousCount;
      return inBucket <= 0
        ? bound
        : previousBound + ((bound - previousBound) * (rank - previousCount)) / inBucket;
    }
    previousBound = bound;
    previousCount = count;
  }
  return previousBound;
}

const TO_MICROS: Record<LatencyUnitIn, number> = { ns: 0.001, us: 1, ms: 1000, s: 1_000_000 };

/** A latency in the unit that reads best: µs under 1 ms, ms under 1 s. */
function latency(value: number, unit: LatencyUnitIn): Latency {
  const us = value * TO_MICROS[unit];
  if (us < 1000) return { value: us, unit: 'us' };
  if (us < 1_000_000) return { value: us / 1000, unit: 'ms' };
  return { value: us / 1_000_000, unit: 's' };
}

export class MetricsReader {
  #previous: { at: number; counters: Counters; buckets: Map<string, Map<number, number>> } | null = null;

  readonly section: MetricsSection;

  constructor(section: MetricsSection) {
    this.section = section;
  }

  /** The system's own windows, as it dated them. */
  static windows(
    spec: NonNullable<MetricsSection['windows']>,
    document: unknown,
    readAt: number,
  ): MetricWindow[] {
    return nodes(document, spec.items).flatMap((node, i): MetricWindow[] => {
      const start = asTime(spec.start, node, readAt, `metrics.windows[${i}].start`);
      const end = asTime(spec.end, node, readAt, `metrics.windows[${i}].end`);
      if (start === null || end === null) return [];
      // A figure the system gives as something else ("n/a", -3) fails the section, saying so:
      // a made-up 0 would read as a calm market.
      const number = (path: string | undefined, name: string) => {
        const value = path === undefined ? undefined : nodes(node, path)[0];
        if (value === undefined || value === null) return null;
        const n =
          typeof value === 'number'
            ? value
            : typeof value === 'string' && value.trim() !== ''
              ? Number(value)
              : NaN;
        if (!Number.isFinite(n) || n < 0)
          throw new MappingError(
            `metrics.windows[${i}].${name}: ${JSON.stringify(value).slice(0, 60)} is not a number ≥ 0`,
          );
        return n;
      };
      const p99 = number(spec.latencyP99?.path, 'latencyP99');
      const rawError = number(spec.errorRate?.path, 'errorRate') ?? 0;
      const errorRate = Math.min(1, spec.errorRate?.unit === 'percent' ? rawError / 100 : rawError);
      const throughput = number(spec.throughput, 'throughput') ?? 0;
      const seconds = Math.max(0, (Date.parse(end) - Date.parse(start)) / 1000);
      const orders = Math.round(number(spec.orders, 'orders') ?? throughput * seconds);
      return [
        {
          start,
          end,
          latencyP99: p99 === null || !spec.latencyP99 ? null : latency(p99, spec.latencyP99.unit),
          errorRate,
          throughput,
          orders,
          errors: Math.round(number(spec.errors, 'errors') ?? orders * errorRate),
        },
      ];
    });
  }

  /** The window since the previous read, or null on the first read (a rate needs two). */
  read(document: unknown, at: number): MetricWindow | null {
    const counters: Counters = new Map();
    const bucketSets = new Map<string, Map<number, number>>();
    const figures = [this.section.latencyP99, this.section.errorRate, this.section.throughput];
    for (const figure of figures) {
      if (!figure) continue;
      if ('rate' in figure) counters.set(figure.rate, gauge(document, figure.rate, 'metrics'));
      if ('ratioOfRates' in figure) {
        counters.set(
          figure.ratioOfRates.numerator,
          gauge(document, figure.ratioOfRates.numerator, 'metrics'),
        );
        counters.set(
          figure.ratioOfRates.denominator,
          gauge(document, figure.ratioOfRates.denominator, 'metrics'),
        );
      }
      if ('histogramQuantile' in figure)
        bucketSets.set(figure.histogramQuantile.buckets, buckets(document, figure.histogramQuantile.buckets));
    }
    const previous = this.#previous;
    this.#previous = { at, counters, buckets: bucketSets };
    const needsTwo = counters.size > 0 || bucketSets.size > 0;
    if (needsTwo && (previous === null || at <= previous.at)) return null;
    // A counter that went down: the system restarted, and this window has no figure at all
    // (a 0 would read as a market gone quiet).
    for (const [path, now] of counters) if (now < (previous?.counters.get(path) ?? now)) return null;
    const start = previous?.at ?? at - 1000;
    const seconds = (at - start) / 1000;
    const increase = (path: string) => {
      const now = counters.get(path) ?? 0;
      const before = previous?.counters.get(path) ?? now;
      return now >= before ? now - before : null;
    };
    const value = (figure: Figure): number | null => {
      if ('path' in figure) return gauge(document, figure.path, 'metrics');
      if ('rate' in figure) {
        const inc = increase(figure.rate);
        return inc === null ? null : inc / seconds;
      }
      if ('ratioOfRates' in figure) {
        const num = increase(figure.ratioOfRates.numerator);
        const den = increase(figure.ratioOfRates.denominator);
        return num === null || den === null ? null : den === 0 ? 0 : num / den;
      }
      const now = bucketSets.get(figure.histogramQuantile.buckets) ?? new Map<number, number>();
      const before = previous?.buckets.get(figure.histogramQuantile.buckets) ?? new Map<number, number>();
      const increases = new Map(
        [...now].map(([le, count]) => [le, Math.max(0, count - (before.get(le) ?? 0))]),
      );
      return histogramQuantile(figure.histogramQuantile.quantile, increases);
    };
    const { latencyP99, errorRate, throughput } = this.section;
    const p99 = latencyP99 ? value(latencyP99) : null;
    const rawError = errorRate ? value(errorRate) : null;
    const rate = rawError === null ? 0 : errorRate?.unit === 'percent' ? rawError / 100 : rawError;
    const perSecond = throughput ? (value(throughput) ?? 0) : 0;
    const orders = Math.max(0, Math.round(perSecond * seconds));
    return {
      start: new Date(start).toISOString(),
      end: new Date(at).toISOString(),
      latencyP99:
        p99 === null || !Number.isFinite(p99) || p99 < 0 || !latencyP99
          ? null
          : latency(p99, latencyP99.unit),
      errorRate: Math.min(1, Math.max(0, Number.isFinite(rate) ? rate : 0)),
      throughput: Math.max(0, Number.isFinite(perSecond) ? perSecond : 0),
      orders,
      errors: Math.round(orders * Math.min(1, Math.max(0, rate))),
    };
  }
}

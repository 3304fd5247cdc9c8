import { z } from 'zod';
import { latencySchema } from '../../contract/schemas.ts';
import type { Latency } from '../../contract/schemas.ts';

// Alert thresholds are the trading system's, not the dashboard's: an HFT system lives in
// milliseconds, RTES in microseconds. They come from config.json, with presets from the seeds.

const fraction = z.number().min(0).max(1);

export const thresholdsSchema = z
  .strictObject({
    latencyP99: z.strictObject({ warning: latencySchema, critical: latencySchema }),
    /** Error rate as a fraction of orders: 0.005 is 0.5 %. */
    errorRate: z.strictObject({ warning: fraction, critical: fraction }),
    /** A venue with no market data for this long is DOWN, whatever its connection says. */
    marketDataDownAfterMs: z.int().min(1000).max(3_600_000),
  })
  .refine((t) => toMicros(t.latencyP99.warning) < toMicros(t.latencyP99.critical), {
    message: 'latencyP99.warning must be below latencyP99.critical',
  })
  .refine((t) => t.errorRate.warning < t.errorRate.critical, {
    message: 'errorRate.warning must be below errorRate.critical',
  });

export type Thresholds = z.infer<typeof thresholdsSchema>;

export const thresholdPresets = {
  /** RTES: p99 warning 50 µs, critical 100 µs; error rate 0.5 % / 1 %. */
  rtes: {
    latencyP99: { warning: { value: 50, unit: 'us' }, critical: { value: 100, unit: 'us' } },
    errorRate: { warning: 0.005, critical: 0.01 },
    marketDataDownAfterMs: 30_000,
  },
  /** HFT: p99 over 1 ms alerts, over 10 ms is a SEV2; an exchange silent for 30 s is down. */
  hft: {
    latencyP99: { warning: { value: 1, unit: 'ms' }, critical: { value: 10, unit: 'ms' } },
    errorRate: { warning: 0.005, critical: 0.01 },
    marketDataDownAfterMs: 30_000,
  },
} as const satisfies Record<string, Thresholds>;

export type PresetName = keyof typeof thresholdPresets;

const presetSchema = z.strictObject({
  preset: z.enum(Object.keys(thresholdPresets) as [PresetName, ...PresetName[]]),
});

/**
 * In config.json: a preset by name, or every figure spelled out. Chosen by the presence of
 * `preset` rather than by a zod union, whose error would only say "no shape matched".
 */
export const thresholdsInputSchema = z.unknown().transform((input, ctx): Thresholds => {
  const byPreset = typeof input === 'object' && input !== null && 'preset' in input;
  const result = byPreset ? presetSchema.safeParse(input) : thresholdsSchema.safeParse(input);
  if (!result.success) {
    // Pass the inner issues on as they are, so their paths and wording survive.
    ctx.issues.push(...(result.error.issues as (typeof ctx.issues)[number][]));
    return z.NEVER;
  }
  return 'preset' in result.data ? thresholdPresets[result.data.preset] : result.data;
});

const perMicro = { us: 1, ms: 1_000, s: 1_000_000 } as const;

export function toMicros(latency: Latency): number {
  return latency.value * perMicro[latency.unit];
}

/** Expresses a latency in another unit, so a chart can draw thresholds on the data's own scale. */
export function inUnit(latency: Latency, unit: Latency['unit']): number {
  return toMicros(latency) / perMicro[unit];
}

export type Level = 'normal' | 'warning' | 'critical';

export function latencyLevel(p99: Latency, t: Thresholds): Level {
  const us = toMicros(p99);
  if (us > toMicros(t.latencyP99.critical)) return 'critical';
  if (us > toMicros(t.latencyP99.warning)) return 'warning';
  return 'normal';
}

export function errorRateLevel(rate: number, t: Thresholds): Level {
  if (rate > t.errorRate.critical) return 'critical';
  if (rate > t.errorRate.warning) return 'warning';
  return 'normal';
}

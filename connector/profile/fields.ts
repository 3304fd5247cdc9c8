// The small vocabulary every section of a profile is written in: where a value sits in a
// document the system returned (an RFC 9535 JSONPath), and how to turn what is there into the
// canonical value — an enum mapping, a unit, a time format. Kept apart from the sections so that
// each rule is stated once.
import { query } from 'jsonpath-rfc9535';
import { z } from 'zod';

/** Checks a JSONPath by compiling it: a typo stops the start, not the first poll. */
export const jsonPathSchema = z
  .string()
  .min(1)
  .max(500)
  .refine((path) => path.startsWith('$'), { message: 'a JSONPath starts with "$", e.g. "$.status"' })
  .superRefine((path, ctx) => {
    try {
      query({}, path);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `not a valid RFC 9535 JSONPath: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  });

export const timeFormatSchema = z.enum(['iso', 'epoch-s', 'epoch-ms', 'epoch-us', 'epoch-ns']);
export type TimeFormat = z.infer<typeof timeFormatSchema>;

export const latencyUnitInSchema = z.enum(['ns', 'us', 'ms', 's']);
export type LatencyUnitIn = z.infer<typeof latencyUnitInSchema>;

/**
 * A value read from a document. A bare string is a JSONPath; the object form adds a mapping of
 * the system's words onto ours (matched case-sensitively first, then case-insensitively), a
 * default for when the path finds nothing, and how to read a time.
 */
export const fieldSchema = z.union([
  jsonPathSchema,
  z.strictObject({
    path: jsonPathSchema.optional(),
    /** The system's value → the canonical one, e.g. { RUNNING: ACTIVE, PAUSED: HALTED }. */
    map: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    /** Used when the path finds nothing (or there is no path): a constant. */
    default: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    /** For times: ISO-8601, or seconds / milliseconds / microseconds / nanoseconds since the epoch. */
    time: timeFormatSchema.optional(),
    /** For ages given in seconds ("last tick 3.2 s ago"): the time is read time minus this. */
    ageSeconds: z.literal(true).optional(),
    /** The item's member name in its parent object, for lists keyed by id ({"db": {…}}). */
    key: z.literal(true).optional(),
  }),
]);
export type Field = z.infer<typeof fieldSchema>;

/**
 * A figure for the metrics section. A gauge read as it is; a counter turned into a rate per
 * second between two reads; a ratio of two counters' rates (errors over orders); or a quantile
 * from a Prometheus-style histogram's buckets, over what arrived between two reads.
 * A path that finds several values (one per label set) is summed, like PromQL's `sum`.
 */
export const figureSchema = z.union([
  z.strictObject({ path: jsonPathSchema }),
  z.strictObject({ rate: jsonPathSchema }),
  z.strictObject({
    ratioOfRates: z.strictObject({ numerator: jsonPathSchema, denominator: jsonPathSchema }),
  }),
  z.strictObject({
    histogramQuantile: z.strictObject({
      /** Finds the bucket samples; each must carry its upper bound as `labels.le`. */
      buckets: jsonPathSchema,
      quantile: z.number().gt(0).lt(1),
    }),
  }),
]);
export type Figure = z.infer<typeof figureSchema>;

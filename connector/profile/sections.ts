// The board's sections as a profile describes them: for each, the read that feeds it and where
// each canonical field sits in what comes back. A section a system does not offer is either
// left out (the board then says "<system> has no venue data") or given `notOffered: "<why>"`.
import { z } from 'zod';
import { fieldSchema, figureSchema, jsonPathSchema, latencyUnitInSchema } from './fields.ts';
import { readSchema } from './sources.ts';

const notOffered = z.strictObject({ notOffered: z.string().min(1).max(300) });

/**
 * A health rule in the style of Gatus: `[STATUS] == 200`, `[BODY].status == UP`,
 * `[RESPONSE_TIME] < 300`. Every condition must hold. Parsed at start (see read/condition.ts).
 */
export const conditionSchema = z.string().min(3).max(300);

const probeSchema = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200).optional(),
  from: readSchema,
  /** All hold: UP. */
  up: z.array(conditionSchema).min(1),
  /** Checked when `up` holds; all hold: DEGRADED instead. */
  degraded: z.array(conditionSchema).optional(),
  /** Why it is not UP, read from the answer when there is one. */
  detail: fieldSchema.optional(),
});

const serviceListSchema = z.strictObject({
  from: readSchema,
  /** Selects one node per service. */
  items: jsonPathSchema,
  id: fieldSchema,
  name: fieldSchema.optional(),
  /** Mapped onto UP / DEGRADED / DOWN. */
  health: fieldSchema,
  detail: fieldSchema.optional(),
});

export const servicesSectionSchema = z.union([
  notOffered,
  z
    .strictObject({ probes: z.array(probeSchema).min(1).optional(), list: serviceListSchema.optional() })
    .refine((s) => s.probes !== undefined || s.list !== undefined, {
      message: 'give `probes` (one health check per service), `list` (one document listing them), or both',
    }),
]);

/**
 * For a system that reports its own closed windows (per-second or per-minute statistics): each
 * item is one window, taken as the system dated it. New windows are added by their end time.
 */
const metricWindowsSchema = z.strictObject({
  items: jsonPathSchema,
  start: fieldSchema,
  end: fieldSchema,
  latencyP99: z.strictObject({ path: jsonPathSchema, unit: latencyUnitInSchema }).optional(),
  errorRate: z.strictObject({ path: jsonPathSchema, unit: z.enum(['ratio', 'percent']) }).optional(),
  throughput: jsonPathSchema.optional(),
  orders: jsonPathSchema.optional(),
  errors: jsonPathSchema.optional(),
});

export const metricsSectionSchema = z.union([
  notOffered,
  z.strictObject({
    from: readSchema,
    /** The system's own windows; instead of, not beside, the figures below. */
    windows: metricWindowsSchema.optional(),
    latencyP99: figureSchema.and(z.strictObject({ unit: latencyUnitInSchema })).optional(),
    errorRate: figureSchema.and(z.strictObject({ unit: z.enum(['ratio', 'percent']) })).optional(),
    /** Orders per second. */
    throughput: figureSchema.optional(),
  }),
]);

export const venuesSectionSchema = z.union([
  notOffered,
  z.strictObject({
    from: readSchema,
    items: jsonPathSchema,
    id: fieldSchema,
    name: fieldSchema.optional(),
    /** Mapped onto CONNECTED / DEGRADED / DISCONNECTED. */
    connection: fieldSchema,
    /** A boolean, or mapped onto true/false; absent: every venue counts as enabled. */
    enabled: fieldSchema.optional(),
    lastMarketDataAt: fieldSchema.optional(),
    /** Absent: cancel-all on a venue cannot be confirmed from this system. */
    openOrders: fieldSchema.optional(),
  }),
]);

export const tradingStateSectionSchema = z.union([
  notOffered,
  z.strictObject({
    from: readSchema,
    /** Mapped onto ACTIVE / REDUCING / HALTED / KILLED. For a Redis key: `$.exists`, `$.value`. */
    state: fieldSchema,
    changedAt: fieldSchema.optional(),
    changedBy: fieldSchema.optional(),
    reason: fieldSchema.optional(),
    /** Seconds until the state lapses by itself, in the same document, shown with it. */
    expiresInSeconds: fieldSchema.optional(),
    /**
     * The same from a read of its own — a halt flag's TTL in Redis: `{ from: { redis: … },
     * seconds: $.ttlSeconds }`. It never decides the state or whether the system can be read.
     */
    expiry: z.strictObject({ from: readSchema, seconds: fieldSchema }).optional(),
  }),
]);

export const positionsSectionSchema = z.union([
  notOffered,
  z.strictObject({
    from: readSchema,
    items: jsonPathSchema,
    symbol: fieldSchema,
    venueId: fieldSchema.optional(),
    /** Signed; a `side` can be folded in with `sideShort`. */
    quantity: fieldSchema,
    notional: fieldSchema.optional(),
    /** A field whose value means "short" (e.g. side == SELL): the quantity is then negated. */
    side: fieldSchema.optional(),
    sideShort: z.string().optional(),
    /** Positions that are not open (e.g. status == closed) are left out. */
    openWhen: z
      .strictObject({ field: fieldSchema, equals: z.union([z.string(), z.number(), z.boolean()]) })
      .optional(),
    /** Total open orders, read from the same document; else summed from the venues. */
    openOrders: fieldSchema.optional(),
  }),
]);

export const alertsSectionSchema = z.union([
  notOffered,
  z.strictObject({
    from: readSchema,
    items: jsonPathSchema,
    id: fieldSchema,
    name: fieldSchema,
    /** Mapped onto warning / critical. */
    severity: fieldSchema,
    summary: fieldSchema.optional(),
    since: fieldSchema.optional(),
    subject: fieldSchema.optional(),
    /**
     * Where an alert says it is silenced (an Alertmanager read gives `$.silence.id`,
     * `$.silence.endsAt`, `$.silence.createdBy`, `$.silence.comment`): silenced when `id` finds one.
     */
    silence: z
      .strictObject({
        id: fieldSchema,
        until: fieldSchema,
        by: fieldSchema.optional(),
        comment: fieldSchema.optional(),
      })
      .optional(),
  }),
]);

export const sectionsSchema = z.strictObject({
  services: servicesSectionSchema.optional(),
  metrics: metricsSectionSchema.optional(),
  venues: venuesSectionSchema.optional(),
  tradingState: tradingStateSectionSchema.optional(),
  positions: positionsSectionSchema.optional(),
  alerts: alertsSectionSchema.optional(),
});
export type Sections = z.infer<typeof sectionsSchema>;
export type ServicesSection = Exclude<z.infer<typeof servicesSectionSchema>, { notOffered: string }>;
export type MetricsSection = Exclude<z.infer<typeof metricsSectionSchema>, { notOffered: string }>;
export type VenuesSection = Exclude<z.infer<typeof venuesSectionSchema>, { notOffered: string }>;
export type TradingStateSection = Exclude<z.infer<typeof tradingStateSectionSchema>, { notOffered: string }>;
export type PositionsSection = Exclude<z.infer<typeof positionsSectionSchema>, { notOffered: string }>;
export type AlertsSection = Exclude<z.infer<typeof alertsSectionSchema>, { notOffered: string }>;
export type Probe = z.infer<typeof probeSchema>;

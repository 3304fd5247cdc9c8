// Where a profile's data comes from: a named HTTP service (its JSON, or its Prometheus text
// exposition), a named Redis connection (a key, its value and its time to live), each read on
// its own interval by the connector, once whatever the number of dashboards.
import { z } from 'zod';

/** A setting that may come from the environment: `{ env: NAME, default: … }`, or the value itself. */
export const fromEnvSchema = z.union([
  z.string().min(1),
  z.strictObject({
    env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name, e.g. HFT_API_URL'),
    default: z.string().min(1).optional(),
  }),
]);
export type FromEnv = z.infer<typeof fromEnvSchema>;

/**
 * A secret is named, never written: the profile says which environment variable or file holds
 * it, so the profile can be shared, committed and shown while the secret stays on the server.
 */
export const secretSchema = z.union([
  z.strictObject({ env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name') }),
  z.strictObject({ file: z.string().min(1) }),
]);
export type SecretRef = z.infer<typeof secretSchema>;

const headerName = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'an HTTP header name');
export const headersSchema = z.record(
  headerName,
  z
    .string()
    .max(2000)
    .regex(/^[^\r\n]*$/, 'a header value holds no line break'),
);

export const httpServiceSchema = z.strictObject({
  /** Base URL, e.g. http://127.0.0.1:8080. */
  url: fromEnvSchema,
  /** Sent with every request to this service; may use {secret:NAME}. */
  headers: headersSchema.optional(),
  /** A request that takes longer counts as failed. */
  timeoutMs: z.int().min(100).max(60_000).default(2000),
});
export type HttpService = z.infer<typeof httpServiceSchema>;

export const redisConnectionSchema = z.strictObject({
  /** redis://host:port[/db] */
  url: fromEnvSchema,
  /** The name of a declared secret that holds the password, if the server asks for one. */
  passwordSecret: z.string().min(1).optional(),
});
export type RedisConnection = z.infer<typeof redisConnectionSchema>;

const pathSchema = z
  .string()
  .regex(/^\/[\x21-\x7e]*$/, 'a path starting with "/", without spaces, e.g. /api/v1/status');

const queryName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,39}$/, 'a name for the query, e.g. p99 (letters, digits, _)');
const labelName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,99}$/, 'a Prometheus label name, e.g. venue');

/**
 * PromQL on a Prometheus (an http service of the profile: its URL, headers and timeout). Each
 * query's answer becomes a value in one document the section maps with JSONPath, like any other
 * answer (see read/promql.ts for its three shapes).
 */
export const promqlReadSchema = z.strictObject({
  service: z.string().min(1),
  queries: z
    .record(queryName, z.string().min(1).max(4000))
    .refine((q) => Object.keys(q).length > 0, { message: 'give at least one query' }),
  /** One row per value of this label (e.g. `venue`): each query's value for it, side by side. */
  by: labelName.optional(),
  /**
   * Windows for the metrics section: each read is the window that ends at its (step-aligned)
   * time, and the first read fills this many seconds of history with a range query.
   */
  windows: z.strictObject({ historySeconds: z.int().min(0).max(86_400).default(900) }).optional(),
});
export type PromqlRead = z.infer<typeof promqlReadSchema>;

/** Alertmanager's API v2 alerts (an http service of the profile), optionally filtered by label matchers. */
export const alertmanagerReadSchema = z.strictObject({
  service: z.string().min(1),
  /** Matchers in Alertmanager's syntax, e.g. `system="rtes"`; all must match. */
  filter: z.array(z.string().min(3).max(300)).default([]),
});

/** A read: which service, which path, how often, and how to take the answer. */
export const readSchema = z.union([
  z.strictObject({
    http: z.strictObject({
      service: z.string().min(1),
      path: pathSchema,
      /** `json` (the default) or Prometheus' text exposition format. */
      format: z.enum(['json', 'prometheus-text']).default('json'),
    }),
    everyMs: z.int().min(100).max(600_000).optional(),
  }),
  z.strictObject({
    redis: z.strictObject({ connection: z.string().min(1), key: z.string().min(1).max(512) }),
    everyMs: z.int().min(100).max(600_000).optional(),
  }),
  z.strictObject({ promql: promqlReadSchema, everyMs: z.int().min(100).max(600_000).optional() }),
  z.strictObject({ alertmanager: alertmanagerReadSchema, everyMs: z.int().min(100).max(600_000).optional() }),
]);

/** The http service a read goes to, if it goes to one. */
export function serviceOf(read: Read): string | null {
  if ('http' in read) return read.http.service;
  if ('promql' in read) return read.promql.service;
  if ('alertmanager' in read) return read.alertmanager.service;
  return null;
}

/** A read in a few words, for problems and logs: the service and what it asks. */
export function describeRead(read: Read): string {
  if ('http' in read) return `${read.http.service} ${read.http.path}`;
  if ('redis' in read) return `redis ${read.redis.key}`;
  if ('promql' in read)
    return `${read.promql.service} PromQL (${Object.keys(read.promql.queries).join(', ')})`;
  return `${read.alertmanager.service} alerts`;
}
export type Read = z.infer<typeof readSchema>;

// How a system performs each control the dashboard declares (src/controls/registry.ts holds
// the declarations: label, gesture, preview, shortcut). A binding is an HTTP request, a Redis
// action, or a command for a person to run; how its effect is read back is the board's own
// sections, so a control is confirmed only when the system itself shows the effect.
import { z } from 'zod';
import { controlIdSchema } from '../../contract/schemas.ts';
import { headersSchema } from './sources.ts';

/** Any JSON, with "{reason}", "{venue}", "{operator}", "{params.NAME}" placeholders in strings and keys. */
const jsonTemplate: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.string().max(2000),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonTemplate).max(100),
    z.record(z.string().max(200), jsonTemplate),
  ]),
);

const common = {
  /**
   * False when this system shows nothing that proves the effect (the dashboard then says "sent —
   * cannot be confirmed"). When true (the default), the effect is read from the board's sections.
   */
  confirm: z.boolean().optional(),
  note: z.string().max(500).optional(),
};

export const httpControlSchema = z.strictObject({
  http: z.strictObject({
    service: z.string().min(1),
    method: z.enum(['POST', 'PUT', 'PATCH', 'DELETE']),
    /** May hold {venue} (URL-encoded when filled in). */
    path: z.string().regex(/^\/[\x21-\x7e]*$/, 'a path starting with "/", without spaces'),
    body: jsonTemplate.optional(),
    headers: headersSchema.optional(),
    /** Answers that mean "accepted"; default: any 2xx. */
    okStatus: z.array(z.int().min(200).max(299)).min(1).optional(),
  }),
  ...common,
});

export const redisControlSchema = z.strictObject({
  redis: z.union([
    z.strictObject({
      connection: z.string().min(1),
      set: z.strictObject({
        key: z.string().min(1).max(512),
        value: z.string().max(512),
        /** The key lapses by itself after this long (SMC's halt: one hour). */
        ttlSeconds: z
          .int()
          .min(1)
          .max(7 * 86_400)
          .optional(),
      }),
    }),
    z.strictObject({
      connection: z.string().min(1),
      del: z.strictObject({ key: z.string().min(1).max(512) }),
    }),
  ]),
  ...common,
});

/** Offered only as a command a person runs: shown exactly, never done until ticked. */
export const manualControlBindingSchema = z.strictObject({
  run: z.string().min(1).max(2000),
  note: z.string().max(500).optional(),
});

export const controlBindingSchema = z.union([
  httpControlSchema,
  redisControlSchema,
  manualControlBindingSchema,
]);
export type ControlBinding = z.infer<typeof controlBindingSchema>;
export type HttpControl = z.infer<typeof httpControlSchema>;
export type RedisControl = z.infer<typeof redisControlSchema>;

export const controlsSchema = z.partialRecord(controlIdSchema, controlBindingSchema);

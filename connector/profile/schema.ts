// A profile: everything particular to one trading system, as data. The connector reads it at
// start; a new system is a new file, not code. docs/connect-your-trading-system.md explains each
// key with a worked example; profiles/profile.schema.json is this schema for editors.
import { z } from 'zod';
import { thresholdsContractSchema } from '../../contract/schemas.ts';
import { controlsSchema } from './controls.ts';
import { incidentsSchema } from './incidents.ts';
import { sectionsSchema } from './sections.ts';
import { fieldSchema } from './fields.ts';
import { httpServiceSchema, readSchema, redisConnectionSchema, secretSchema } from './sources.ts';
import { checkReferences } from './references.ts';

const name = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, 'letters, digits, - and _, starting with a letter');

export const profileSchema = z
  .strictObject({
    /** Names the system in URLs (/api/systems/<id>/…), records and the header. */
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, starting with a letter'),
    name: z.string().min(1).max(80),
    /** `simulator` for a simulated system; the default is a real one. */
    environment: z.enum(['production', 'simulator']).default('production'),
    /** How often each section is read unless it says otherwise. Never below 100 ms. */
    pollMs: z.int().min(100).max(600_000).default(1000),
    /**
     * Where the system says what time it is (a time stamp its reads carry): the board then
     * measures ages on the system's clock. Absent: on the war-room server's.
     */
    clock: z.strictObject({ from: readSchema, at: fieldSchema }).optional(),
    secrets: z.record(name, secretSchema).default({}),
    http: z.record(name, httpServiceSchema).default({}),
    redis: z.record(name, redisConnectionSchema).default({}),
    sections: sectionsSchema,
    controls: controlsSchema.default({}),
    /** Its severity scheme, the timers of each severity, and its playbooks. */
    incidents: incidentsSchema.optional(),
    /** The system's own alert thresholds; the board's defaults when absent. */
    thresholds: thresholdsContractSchema
      .strict()
      .refine((t) => t.errorRate.warning < t.errorRate.critical, {
        message: 'errorRate.warning must be below errorRate.critical',
        path: ['errorRate'],
      })
      .optional(),
  })
  .superRefine(checkReferences);

export type Profile = z.output<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;

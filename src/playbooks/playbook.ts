import { z } from 'zod';
import { controlIdSchema } from '../../contract/schemas.ts';
import { incidentTypeSchema } from '../../contract/store-schemas.ts';

// A playbook as the war room uses it: phases with time windows, steps that may carry a command
// to copy (with placeholders such as <EXCHANGE_NAME> filled from the incident), an owner, a
// declared control to fire, branches on what was found, and verification steps that gate
// resuming trading. The library (./library) and Markdown imports both produce this shape, and
// both are validated with this schema.

/** Who does a step: the incident's roles, or a specialist the seeds name. */
export const stepOwnerSchema = z.enum([
  'incident-commander',
  'scribe',
  'communications',
  'on-call-engineer',
  'trading-desk',
  'database-admin',
  'security',
  'network',
  'risk',
]);

export type Step = {
  id: string;
  text: string;
  owner?: z.infer<typeof stepOwnerSchema>;
  /** A shell command or request to copy; `<PLACEHOLDER>`s are filled from the incident. */
  command?: string;
  /** A declared trading control this step fires (see src/controls/registry.ts). */
  control?: { id: z.infer<typeof controlIdSchema>; venue?: boolean };
  /** A check that must be ticked before trading may resume. */
  verification?: boolean;
  /** What to do depending on what was found: "exchange confirmed down → …". */
  branches?: { when: string; steps: Step[] }[];
};

export const stepSchema: z.ZodType<Step> = z.lazy(() =>
  z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, 'step ids are kebab-case'),
    text: z.string().min(3).max(500),
    owner: stepOwnerSchema.optional(),
    command: z.string().min(1).max(2000).optional(),
    control: z.strictObject({ id: controlIdSchema, venue: z.boolean().optional() }).optional(),
    verification: z.boolean().optional(),
    branches: z
      .array(z.strictObject({ when: z.string().min(3).max(200), steps: z.array(stepSchema).min(1) }))
      .optional(),
  }),
);

export const phaseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(2).max(120),
  /** Minutes since the incident was declared; `to` null means open-ended ("60+ minutes"). */
  window: z.strictObject({ from: z.number().min(0), to: z.number().positive().nullable() }).nullable(),
  steps: z.array(stepSchema).min(1),
});

export const playbookSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(3).max(160),
  /** The seed system it comes from, or `generic` for one written from several. */
  system: z.enum(['rtes', 'eafix', 'smc', 'lav-adaf', 'hft', 'generic']),
  /** The severity it is written for, in that system's scheme, if it is specific to one. */
  severity: z.string().max(10).optional(),
  /** Incident types it answers; the first playbook matching an incident's type is suggested. */
  incidentTypes: z.array(incidentTypeSchema),
  summary: z.string().min(10).max(600),
  phases: z.array(phaseSchema).min(1),
});

export type Phase = z.infer<typeof phaseSchema>;
export type Playbook = z.infer<typeof playbookSchema>;

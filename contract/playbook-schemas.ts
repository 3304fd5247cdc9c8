// Playbooks: part of the zod twins of contract/war-room-store.yaml (store-schemas.ts binds them to
// the document). The shape is shared by the dashboard's built-in library, Markdown imports and the
// store's saved playbooks, so it lives in the contract: src/playbooks/playbook.ts re-exports it.
// Unlike the other store schemas, playbook objects are strict: a misspelt field in a runbook
// (`verifcation`) must be refused, not dropped, or a step would silently lose the flag that holds
// up resuming trading.
import { z } from 'zod';
import { controlIdSchema, problemSchema, timestampSchema } from './schemas.ts';
import type { ControlId } from './schemas.ts';
import { actorSchema, incidentTypeSchema } from './store-schemas-incidents.ts';

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
export type StepOwner = z.infer<typeof stepOwnerSchema>;

// Written out rather than inferred: a recursive schema (branches hold steps) needs its type
// stated, and store-schemas.typecheck.ts still holds it to the generated one exactly.
export type Step = {
  id: string;
  text: string;
  owner?: StepOwner;
  /** A shell command or request to copy; `<PLACEHOLDER>`s are filled from the incident. */
  command?: string;
  /** A declared trading control this step fires (see src/controls/registry.ts). */
  control?: { id: ControlId; venue?: boolean };
  /** A check that must be ticked before trading may resume. */
  verification?: boolean;
  /** What to do depending on what was found: "exchange confirmed down → …". */
  branches?: { when: string; steps: Step[] }[];
};

const kebabId = z.string().regex(/^[a-z0-9-]+$/, 'ids are kebab-case: a-z, 0-9 and -');

export const stepControlSchema = z.strictObject({ id: controlIdSchema, venue: z.boolean().optional() });

export const stepSchema: z.ZodType<Step> = z.lazy(() =>
  z.strictObject({
    id: kebabId,
    text: z.string().min(3).max(500),
    owner: stepOwnerSchema.optional(),
    command: z.string().min(1).max(2000).optional(),
    control: stepControlSchema.optional(),
    verification: z.boolean().optional(),
    branches: z.array(stepBranchSchema).optional(),
  }),
);

export const stepBranchSchema = z.strictObject({
  when: z.string().min(3).max(200),
  steps: z.array(stepSchema).min(1),
});

/** Minutes since the incident was declared; `to` null means open-ended ("60+ minutes"). */
export const phaseWindowSchema = z.strictObject({
  from: z.number().min(0),
  to: z.number().positive().nullable(),
});

export const phaseSchema = z.strictObject({
  id: kebabId,
  title: z.string().min(2).max(120),
  window: phaseWindowSchema.nullable(),
  steps: z.array(stepSchema).min(1),
});
export type Phase = z.infer<typeof phaseSchema>;

/** The seed system a playbook comes from, or `generic` for one written from several. */
export const playbookSystemSchema = z.enum(['rtes', 'eafix', 'smc', 'lav-adaf', 'hft', 'generic']);
export type PlaybookSystem = z.infer<typeof playbookSystemSchema>;

export const playbookSchema = z.strictObject({
  id: kebabId,
  title: z.string().min(3).max(160),
  system: playbookSystemSchema,
  /** The severity it is written for, in that system's scheme, if it is specific to one. */
  severity: z.string().max(10).optional(),
  /** Incident types it answers; the first playbook matching an incident's type is suggested. */
  incidentTypes: z.array(incidentTypeSchema),
  summary: z.string().min(10).max(600),
  phases: z.array(phaseSchema).min(1),
});
export type Playbook = z.infer<typeof playbookSchema>;

// --- Saved (imported) playbooks.

export const SAVED_PLAYBOOK_PREFIX = 'import-';

/**
 * A saved playbook's id. The built-in library's ids start with their system (`hft-…`), so a
 * prefix of its own keeps a saved playbook from ever shadowing one: an incident that follows
 * `hft-exchange-outage` follows the library's, whatever anybody imported. At most 200
 * characters, as the `playbookId` of a PlaybookChoice.
 */
export const savedPlaybookIdSchema = z
  .string()
  .max(200)
  .regex(
    /^import-[a-z0-9-]+$/,
    `a saved playbook's id is "${SAVED_PLAYBOOK_PREFIX}" then kebab-case (a-z, 0-9, -), so that it never shadows a built-in playbook`,
  );

/** Every step of a playbook, those inside branches included, in reading order. */
export function stepsOf(playbook: Pick<Playbook, 'phases'>): Step[] {
  const walk = (steps: readonly Step[]): Step[] =>
    steps.flatMap((s) => [s, ...(s.branches ?? []).flatMap((b) => walk(b.steps))]);
  return playbook.phases.flatMap((phase) => walk(phase.steps));
}

const repeated = (ids: readonly string[]) => [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];

/**
 * A playbook the store will keep: the shape, an id in the saved namespace, and phase and step
 * ids unique within it, because ticks are stored by step id (two steps of one id would tick
 * together). The library is checked for the same in its own tests.
 */
export const savablePlaybookSchema = playbookSchema.superRefine((playbook, ctx) => {
  const id = savedPlaybookIdSchema.safeParse(playbook.id);
  if (!id.success)
    ctx.addIssue({ code: 'custom', path: ['id'], message: id.error.issues[0]?.message ?? 'not a saved id' });
  for (const phaseId of repeated(playbook.phases.map((p) => p.id)))
    ctx.addIssue({ code: 'custom', path: ['phases'], message: `phase id ${phaseId} is used twice` });
  for (const stepId of repeated(stepsOf(playbook).map((s) => s.id)))
    ctx.addIssue({
      code: 'custom',
      path: ['phases'],
      message: `step id ${stepId} is used twice; ticks are kept by step id, so each must be unique`,
    });
});

export const savedPlaybookSchema = z.object({
  playbook: playbookSchema,
  revision: z.int().min(1),
  savedAt: timestampSchema,
  savedBy: z.string(),
});
export type SavedPlaybook = z.infer<typeof savedPlaybookSchema>;

export const savedPlaybookListSchema = z.object({
  storeId: z.string(),
  lastChangeId: z.int().min(0),
  playbooks: z.array(savedPlaybookSchema),
});
export type SavedPlaybookList = z.infer<typeof savedPlaybookListSchema>;

export const playbookSaveSchema = z.object({
  playbook: savablePlaybookSchema,
  actor: actorSchema,
  baseRevision: z.int().min(1).nullable(),
});
export type PlaybookSave = z.infer<typeof playbookSaveSchema>;

export const playbookConflictSchema = problemSchema.extend({ current: savedPlaybookSchema.nullable() });
export type PlaybookConflict = z.infer<typeof playbookConflictSchema>;

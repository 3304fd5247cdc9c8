// Playbooks: part of the zod twins of contract/war-room-store.yaml (store-schemas.ts binds them to
// the document). The shape is shared by the dashboard's built-in library, Markdown imports and the
// store's saved playbooks, so it lives in the contract: src/playbooks/playbook.ts re-exports it.
// Unlike the other store schemas, playbook objects are strict: a misspelt field in a runbook
// (`verifcation`) must be refused, not dropped, or a step would silently lose the flag that holds
// up resuming trading.
import { z } from 'zod';
import { controlIdSchema, problemSchema, timestampSchema } from './schemas.ts';
import type { ControlId } from './schemas.ts';
import { actorSchema, incidentTypeSchema, systemIdSchema } from './store-schemas-incidents.ts';

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
  /** Several commands, each copied on its own, in order (then `command` is absent). */
  commands?: string[];
  /** A declared trading control this step fires (see src/controls/registry.ts). */
  control?: { id: ControlId; venue?: boolean };
  /** A check that must be ticked before trading may resume. */
  verification?: boolean;
  /** What to do depending on what was found: "exchange confirmed down → …". */
  branches?: { when: string; steps: Step[] }[];
  /** Ticking this step skips ahead ("go to step 8"): the steps passed over are shown as skipped. */
  jump?: StepJump;
};

/** Where a step sends the reader: a phase, or a step of it; `label` is how the runbook put it. */
export type StepJump = { phaseId: string; stepId?: string; label: string };

/**
 * What the store can serve, in one place. `idLength`: a step is ticked by its id in the tick's
 * path, which the store takes up to this length (store/api/write-routes.ts), and an incident
 * chooses a playbook by an id of at most this length (PlaybookChoice); a longer id could be saved
 * but never ticked or chosen. `steps`: the importer's budget (src/playbooks/import/finish.ts
 * LIMITS.stepsPerPlaybook), so that everything an import produces can be saved. `branchDepth`:
 * real runbooks branch once or twice ("exchange down" → "failover available?"); the limit is what
 * lets a body be refused before it is walked level by level (see stepSchema). `commands`,
 * `warnings`, `notes`, `metadata`: at most that many of each (a runbook has a handful).
 * war-room-store.yaml states the same numbers; constraints.test.ts compares them.
 */
export const PLAYBOOK_LIMITS = {
  idLength: 200,
  steps: 400,
  branchDepth: 5,
  commands: 20,
  warnings: 20,
  notes: 20,
  metadata: 20,
} as const;

const kebabId = z
  .string()
  .max(PLAYBOOK_LIMITS.idLength)
  .regex(/^[a-z0-9-]+$/, 'ids are kebab-case: a-z, 0-9 and -');

export const stepControlSchema = z.strictObject({ id: controlIdSchema, venue: z.boolean().optional() });

export const stepJumpSchema = z.strictObject({
  phaseId: kebabId,
  stepId: kebabId.optional(),
  label: z.string().min(1).max(120),
});

const commandSchema = z.string().min(1).max(2000);

/** Every command of a step, in order: `commands`, or `command` alone, or none. */
export function commandsOf(step: Pick<Step, 'command' | 'commands'>): string[] {
  return step.commands ?? (step.command === undefined ? [] : [step.command]);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const listAt = (value: unknown, key: string): readonly unknown[] => {
  const list = isRecord(value) ? value[key] : undefined;
  return Array.isArray(list) ? list : [];
};

/**
 * Whether branches nest deeper than `limit` below a step, found level by level with a loop: a
 * recursive walk (zod's own included) overflows the stack on a body nested a thousand deep, and
 * the store would answer 500 instead of saying what is wrong. Looks no further than `limit + 1`
 * levels, and tolerates any shape: the schema reports wrong shapes itself.
 */
export function branchesTooDeep(step: unknown, limit: number = PLAYBOOK_LIMITS.branchDepth): boolean {
  let level: readonly unknown[] = [step];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > limit) return true;
    const next: unknown[] = [];
    for (const s of level)
      for (const branch of listAt(s, 'branches'))
        for (const inner of listAt(branch, 'steps')) next.push(inner);
    level = next;
  }
  return false;
}

// The depth is checked before the step's shape, and the pipe stops there when it is exceeded:
// zod then never descends into the nesting. Each step checks the levels below it, so a valid
// playbook is walked at most branchDepth + 1 times over, which its size limits keep small.
export const stepSchema: z.ZodType<Step> = z.lazy(() =>
  z
    .unknown()
    .superRefine((step, ctx) => {
      if (branchesTooDeep(step))
        ctx.addIssue({
          code: 'custom',
          // Stops the checks of the playbook around it too: they walk the steps recursively.
          continue: false,
          message: `branches nest more than ${PLAYBOOK_LIMITS.branchDepth} levels deep below this step; at most ${PLAYBOOK_LIMITS.branchDepth} are allowed`,
        });
    })
    .pipe(
      z
        .strictObject({
          id: kebabId,
          text: z.string().min(3).max(500),
          owner: stepOwnerSchema.optional(),
          command: commandSchema.optional(),
          commands: z.array(commandSchema).min(2).max(PLAYBOOK_LIMITS.commands).optional(),
          control: stepControlSchema.optional(),
          verification: z.boolean().optional(),
          branches: z.array(stepBranchSchema).max(PLAYBOOK_LIMITS.steps).optional(),
          jump: stepJumpSchema.optional(),
        })
        .refine((step) => step.command === undefined || step.commands === undefined, {
          message: 'a step has `command` or `commands`, not both',
        }),
    ),
);

export const stepBranchSchema = z.strictObject({
  when: z.string().min(3).max(200),
  steps: z.array(stepSchema).min(1).max(PLAYBOOK_LIMITS.steps),
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
  steps: z.array(stepSchema).min(1).max(PLAYBOOK_LIMITS.steps),
});
export type Phase = z.infer<typeof phaseSchema>;

/**
 * The trading system a playbook is written for, by its id (`hft`, or a sixth system's own), or
 * `generic` for one written from several. A system's incident policy (SystemInfo.incidents)
 * names the one whose playbooks answer it, so an imported runbook can belong to any system.
 */
export const GENERIC_PLAYBOOK_SYSTEM = 'generic';
export const playbookSystemSchema = systemIdSchema;

/** A reference section of the runbook, kept as it was written (text only). */
export const playbookNoteSchema = z.strictObject({
  title: z.string().min(1).max(120),
  text: z.string().max(2000),
});
export type PlaybookNote = z.infer<typeof playbookNoteSchema>;
export type PlaybookSystem = z.infer<typeof playbookSystemSchema>;

export const playbookSchema = z
  .strictObject({
    id: kebabId,
    title: z.string().min(3).max(160),
    system: playbookSystemSchema,
    /** The severity it is written for, in that system's scheme, if it is specific to one. */
    severity: z.string().max(10).optional(),
    /** Incident types it answers; the first playbook matching an incident's type is suggested. */
    incidentTypes: z.array(incidentTypeSchema),
    summary: z.string().min(10).max(600),
    phases: z.array(phaseSchema).min(1).max(PLAYBOOK_LIMITS.steps),
    /** Cautions the runbook puts above everything (`> [!WARNING]`): shown above the checklist. */
    warnings: z.array(z.string().min(1).max(1000)).max(PLAYBOOK_LIMITS.warnings).optional(),
    /** What the runbook says about itself (front matter, an owners table): service, owner, reviewed… */
    metadata: z
      .record(z.string().min(1).max(40), z.string().max(200))
      .refine((m) => Object.keys(m).length <= PLAYBOOK_LIMITS.metadata, {
        message: `at most ${PLAYBOOK_LIMITS.metadata} metadata entries`,
      })
      .optional(),
    /** Reference sections kept beside the steps: when to use it, symptoms, contacts, appendix. */
    notes: z.array(playbookNoteSchema).max(PLAYBOOK_LIMITS.notes).optional(),
  })
  .superRefine((playbook, ctx) => {
    // Each array has its own maxItems; the whole playbook, branches included, has the budget too.
    const count = stepsOf(playbook).length;
    if (count > PLAYBOOK_LIMITS.steps)
      ctx.addIssue({
        code: 'custom',
        path: ['phases'],
        message: `the playbook has ${count} steps (branches included); at most ${PLAYBOOK_LIMITS.steps} are allowed`,
      });
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
  .max(PLAYBOOK_LIMITS.idLength)
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

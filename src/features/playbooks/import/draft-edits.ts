import { stepsOf } from '../../../../contract/playbook-schemas.ts';
import { playbookSchema } from '../../../playbooks/playbook.ts';
import type { Phase, Playbook, Step } from '../../../playbooks/playbook.ts';
import type { Draft } from '../../../playbooks/import/finish.ts';
import { slugify } from '../../../playbooks/import/text.ts';

// Edits to imported drafts before they are saved: pure and immutable, so the preview can keep
// every version it showed and the tests can check each edit without rendering anything.

/** Where a step sits: phase index, then step index, then (branch, step) pairs down the branches. */
export type StepPath = readonly number[];

export function patchDraft(drafts: readonly Draft[], index: number, patch: Partial<Draft>): Draft[] {
  return drafts.map((d, i) => (i === index ? { ...d, ...patch } : d));
}

/**
 * Replace draft `index`'s playbook. Its id follows its title (`import-…`, unique among the
 * drafts): renaming is how a draft stops colliding with a playbook already saved.
 */
export function withPlaybook(drafts: readonly Draft[], index: number, playbook: Playbook): Draft[] {
  const taken = new Set(drafts.filter((_, i) => i !== index).map((d) => d.playbook.id));
  let id = `import-${slugify(playbook.title)}`;
  for (let n = 2; taken.has(id); n++) id = `import-${slugify(playbook.title)}-${n}`;
  return patchDraft(drafts, index, { playbook: { ...playbook, id } });
}

/**
 * A step's command emptied in the editor is no command (kept as '' only while editing); of
 * several, those left stay apart. A jump whose target was removed is dropped with it.
 */
export function forSaving(playbook: Playbook): Playbook {
  const phaseIds = new Set(playbook.phases.map((p) => p.id));
  const stepIds = new Set(stepsOf(playbook).map((s) => s.id));
  const clean = (steps: readonly Step[]): Step[] =>
    steps.map(({ command, commands, branches, jump, ...rest }) => {
      const kept = [command ?? '', ...(commands ?? [])].filter((c) => c.trim());
      const target = jump && phaseIds.has(jump.phaseId) && (!jump.stepId || stepIds.has(jump.stepId));
      return {
        ...rest,
        ...(kept.length === 1 ? { command: kept[0] } : {}),
        ...(kept.length > 1 ? { commands: kept } : {}),
        ...(branches ? { branches: branches.map((b) => ({ ...b, steps: clean(b.steps) })) } : {}),
        ...(jump && target ? { jump } : {}),
      };
    });
  return { ...playbook, phases: playbook.phases.map((p) => ({ ...p, steps: clean(p.steps) })) };
}

export function patchPhase(playbook: Playbook, phaseIndex: number, patch: Partial<Phase>): Playbook {
  return { ...playbook, phases: playbook.phases.map((p, i) => (i === phaseIndex ? { ...p, ...patch } : p)) };
}

function mapSteps(steps: readonly Step[], path: StepPath, change: (step: Step) => Step | null): Step[] {
  const [index, branch, ...deeper] = path;
  return steps.flatMap((step, i) => {
    if (i !== index) return [step];
    if (branch === undefined) {
      const changed = change(step);
      return changed ? [changed] : [];
    }
    const branches = (step.branches ?? []).map((b, bi) =>
      bi === branch ? { ...b, steps: mapSteps(b.steps, deeper, change) } : b,
    );
    return [{ ...step, branches: branches.filter((b) => b.steps.length > 0) }];
  });
}

/** Change (or, returning null, remove) the step at `path`; a phase left empty is removed too. */
export function changeStep(
  playbook: Playbook,
  path: StepPath,
  change: (step: Step) => Step | null,
): Playbook {
  const [phaseIndex, ...rest] = path;
  const phases = playbook.phases
    .map((phase, i) => (i === phaseIndex ? { ...phase, steps: mapSteps(phase.steps, rest, change) } : phase))
    .filter((phase) => phase.steps.length > 0);
  return { ...playbook, phases };
}

/** What stops a draft from being saved, in words a commander can act on (empty when nothing). */
export function draftProblems(playbook: Playbook): string[] {
  const parsed = playbookSchema.safeParse(playbook);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const where = describePath(playbook, issue.path);
    return `${where}: ${issue.message}`;
  });
}

function describePath(playbook: Playbook, path: readonly PropertyKey[]): string {
  const [first, phase, , step, field] = path;
  if (first === 'phases' && typeof phase === 'number') {
    const phaseName = `Phase ${phase + 1} (${playbook.phases[phase]?.title || 'untitled'})`;
    if (typeof step === 'number')
      return `${phaseName}, step ${step + 1}${typeof field === 'string' ? ` ${field}` : ''}`;
    return phaseName;
  }
  return typeof first === 'string' ? `The ${first}` : 'The playbook';
}

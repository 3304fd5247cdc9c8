import { playbookSchema } from '../../../playbooks/playbook.ts';
import type { Phase, Playbook, Step } from '../../../playbooks/playbook.ts';
import type { Draft } from '../../../playbooks/import/finish.ts';

// Edits to imported drafts before they are saved: pure and immutable, so the preview can keep
// every version it showed and the tests can check each edit without rendering anything.

/** Where a step sits: phase index, then step index, then (branch, step) pairs down the branches. */
export type StepPath = readonly number[];

export function patchDraft(drafts: readonly Draft[], index: number, patch: Partial<Draft>): Draft[] {
  return drafts.map((d, i) => (i === index ? { ...d, ...patch } : d));
}

export function patchPlaybook(drafts: readonly Draft[], index: number, patch: Partial<Playbook>): Draft[] {
  return drafts.map((d, i) => (i === index ? { ...d, playbook: { ...d.playbook, ...patch } } : d));
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

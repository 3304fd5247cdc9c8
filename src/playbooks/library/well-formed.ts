import { playbookSchema } from '../playbook.ts';
import type { Playbook, Step } from '../playbook.ts';

/** Every step of a playbook, those inside branches included, in reading order. */
export function stepsOf(playbook: Playbook): Step[] {
  const walk = (steps: readonly Step[]): Step[] =>
    steps.flatMap((s) => [s, ...(s.branches ?? []).flatMap((b) => walk(b.steps))]);
  return playbook.phases.flatMap((phase) => walk(phase.steps));
}

const duplicates = (ids: readonly string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);

/**
 * What is wrong with a set of playbooks as a library, in words (empty when nothing is): each must
 * parse, carry its system as its id's prefix, and have unique ids — playbooks across the set,
 * phases and steps (branches included) within each, since ticks are stored by step id.
 */
export function libraryProblems(playbooks: readonly Playbook[]): string[] {
  const problems = duplicates(playbooks.map((p) => p.id)).map((id) => `playbook id ${id} is used twice`);
  for (const playbook of playbooks) {
    const parsed = playbookSchema.safeParse(playbook);
    if (!parsed.success) problems.push(`${playbook.id}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    if (!playbook.id.startsWith(`${playbook.system}-`))
      problems.push(`${playbook.id}: not prefixed with ${playbook.system}-`);
    for (const id of duplicates(playbook.phases.map((p) => p.id)))
      problems.push(`${playbook.id}: phase ${id} twice`);
    for (const id of duplicates(stepsOf(playbook).map((s) => s.id)))
      problems.push(`${playbook.id}: step ${id} twice`);
  }
  return problems;
}

import { stepsOf } from '../../contract/playbook-schemas.ts';
import type { Playbook } from './playbook.ts';

// "Go to step 7": a ticked step that jumps passes over the steps between it and its target.
// Shared, so that the checklist shows them as skipped and the resume gate does not wait for a
// check on a path that was not followed.

/**
 * The steps a taken jump passed over: a ticked step that jumps skips every step after the step
 * it belongs to (its top-level step, when it sits in a branch) up to the target. A step ticked
 * anyway is done, not skipped; a jump backwards skips nothing.
 */
export function skippedSteps(
  playbook: Pick<Playbook, 'phases'>,
  isTicked: (stepId: string) => boolean,
): Set<string> {
  // The top-level steps in reading order, each with every step inside it.
  const tops = playbook.phases.flatMap((phase) =>
    phase.steps.map((step) => ({
      phaseId: phase.id,
      inside: stepsOf({ phases: [{ ...phase, steps: [step] }] }),
    })),
  );
  const skipped = new Set<string>();
  tops.forEach((top, from) => {
    for (const s of top.inside) {
      if (!s.jump || !isTicked(s.id)) continue;
      const { phaseId, stepId } = s.jump;
      const to = tops.findIndex((t) =>
        stepId ? t.inside.some((x) => x.id === stepId) : t.phaseId === phaseId,
      );
      for (let i = from + 1; i < to; i++)
        for (const x of tops[i]?.inside ?? []) if (!isTicked(x.id)) skipped.add(x.id);
    }
  });
  return skipped;
}

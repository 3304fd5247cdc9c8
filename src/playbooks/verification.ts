import { skippedSteps } from './jumps.ts';
import type { Playbook, Step } from './playbook.ts';

// Which of a playbook's verification steps stand between the war room and resuming trading, and
// how many are ticked. Pure, so the resume control and the checklist can both ask without one
// feature importing the other.

/** A verification step that gates resuming; `branch` names the branch it sits in, if any. */
export interface VerificationCheck {
  step: Step;
  branch: string | null;
  ticked: boolean;
}

export interface VerificationProgress {
  /** Every check that gates resuming, in reading order. */
  checks: VerificationCheck[];
  ticked: number;
  total: number;
  /** The checks not ticked yet: what stands in the way. */
  missing: VerificationCheck[];
  /** True when there is at least one check and all are ticked. */
  complete: boolean;
}

/**
 * The checks that must pass before trading resumes: every verification step at the top level of
 * a phase, and those inside a branch only once that branch is taken — that is, once any step in
 * it has been ticked. A branch nobody worked ("the exchange is down" when it was our connection)
 * was not the path followed, so its checks do not apply and must not hold trading back. Nor do
 * the checks a taken jump passed over ("go to step 7" from step 3 skips steps 4 to 6).
 */
export function verificationProgress(
  playbook: Playbook,
  isTicked: (stepId: string) => boolean,
): VerificationProgress {
  const checks: VerificationCheck[] = [];
  const skipped = skippedSteps(playbook, isTicked);
  const visit = (steps: readonly Step[], branch: string | null) => {
    for (const step of steps) {
      if (step.verification && !skipped.has(step.id))
        checks.push({ step, branch, ticked: isTicked(step.id) });
      for (const b of step.branches ?? []) if (anyTicked(b.steps, isTicked)) visit(b.steps, b.when);
    }
  };
  for (const phase of playbook.phases) visit(phase.steps, null);
  const missing = checks.filter((c) => !c.ticked);
  const total = checks.length;
  return {
    checks,
    ticked: total - missing.length,
    total,
    missing,
    complete: total > 0 && missing.length === 0,
  };
}

function anyTicked(steps: readonly Step[], isTicked: (stepId: string) => boolean): boolean {
  return steps.some((s) => isTicked(s.id) || (s.branches ?? []).some((b) => anyTicked(b.steps, isTicked)));
}

import type { Checklist, Incident } from '../../../contract/store-schemas.ts';
import { stepsOf } from '../../../contract/playbook-schemas.ts';
import { skippedSteps as skippedBy } from '../../playbooks/jumps.ts';
import type { Phase, Playbook, StepJump } from '../../playbooks/playbook.ts';
import type { OutboxEntry } from '../../warroom/outbox-file.ts';
import { followedPlaybookId, pendingTicks } from '../../warroom/pending.ts';

// What the checklist shows, worked out from the incident, the store's checklist and this
// browser's undelivered writes: pure, so it is tested without rendering.

/** Who ticked a step and when; `at` null while the tick is still in this browser's outbox. */
export type TickInfo = { by: string; at: string | null };
export type Ticks = ReadonlyMap<string, TickInfo>;

/** The playbook followed: a choice still in the outbox wins over the store's. */
export function chosenPlaybookId(
  checklist: Checklist | undefined,
  pending: readonly OutboxEntry[],
  incidentId: string,
): string | null {
  return followedPlaybookId(checklist, pending, incidentId);
}

/**
 * The store's ticks of the followed playbook, with this browser's undelivered ticks and unticks of
 * that same playbook laid over: one queued under another playbook is not shown as done here.
 */
export function currentTicks(
  checklist: Checklist | undefined,
  playbookId: string | null,
  pending: readonly OutboxEntry[],
  incidentId: string,
): Ticks {
  const ticks = new Map<string, TickInfo>();
  if (checklist && checklist.playbookId === playbookId)
    for (const t of checklist.ticks) ticks.set(t.stepId, { by: t.tickedBy, at: t.tickedAt });
  for (const t of pendingTicks(pending, incidentId, playbookId)) {
    if (t.ticked) ticks.set(t.stepId, { by: t.actor, at: null });
    else ticks.delete(t.stepId);
  }
  return ticks;
}

/** `<EXCHANGE_NAME>`, `<VENUE_ID>` and `<INCIDENT_ID>` from the incident; other placeholders stay. */
export function fillCommand(command: string, incident: Pick<Incident, 'id' | 'affectedVenues'>): string {
  const venue = incident.affectedVenues[0];
  let out = command.replaceAll('<INCIDENT_ID>', incident.id);
  if (venue !== undefined) out = out.replaceAll('<EXCHANGE_NAME>', venue).replaceAll('<VENUE_ID>', venue);
  return out;
}

export function minutesSince(iso: string, now: number): number {
  return Math.max(0, (now - Date.parse(iso)) / 60_000);
}

/** Current: the elapsed time is inside its window. Overdue: its window has passed with steps unticked. */
export function phaseTiming(
  phase: Phase,
  elapsedMin: number,
  ticks: Ticks,
  skipped: ReadonlySet<string> = new Set(),
) {
  const w = phase.window;
  if (!w) return { current: false, overdue: false };
  const current = elapsedMin >= w.from && (w.to === null || elapsedMin < w.to);
  const passed = w.to !== null && elapsedMin >= w.to;
  // A step a jump passed over is not owed.
  return { current, overdue: passed && phase.steps.some((s) => !ticks.has(s.id) && !skipped.has(s.id)) };
}

export function windowText(window: Phase['window']): string {
  if (!window) return 'no time window';
  return window.to === null ? `${window.from}+ min` : `${window.from}–${window.to} min`;
}

/** Where a jump leads, in words: "step 7 — Restart the gateway (Recover)". */
export function jumpTarget(playbook: Pick<Playbook, 'phases'>, jump: StepJump): string {
  const phase = playbook.phases.find((p) => p.id === jump.phaseId);
  if (!phase) return jump.label;
  const step = jump.stepId ? stepsOf({ phases: [phase] }).find((s) => s.id === jump.stepId) : undefined;
  return step ? `${jump.label} — ${step.text} (${phase.title})` : `${phase.title}`;
}

/** The steps a taken jump passed over (see src/playbooks/jumps.ts). */
export const skippedSteps = (playbook: Pick<Playbook, 'phases'>, ticks: Ticks): Set<string> =>
  skippedBy(playbook, (id) => ticks.has(id));

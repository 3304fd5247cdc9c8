// The model's fixed cadences. Steps, windows and health checks sit on the epoch grid (not on
// the start time) so that windows read as whole seconds and runs from different starts line up.

/** Simulated time is processed in steps of this size, whatever the size of a tick. */
export const STEP_MS = 100;
/** Metric windows: one closes on every whole second. */
export const WINDOW_MS = 1000;
/** Health checks run on every multiple of this. */
export const CHECK_MS = 5000;
/** Closed windows kept for the snapshot. */
export const RETAINED_WINDOWS = 300;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The first step boundary strictly after `ms`. */
export function nextStepEnd(ms: number): number {
  return Math.floor(ms / STEP_MS) * STEP_MS + STEP_MS;
}

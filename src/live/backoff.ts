/**
 * Exponential backoff with jitter (so that every open dashboard does not hammer a recovering API
 * in step), never faster than the poll interval.
 */
export function backoffDelay(failures: number, pollMs: number, maxMs: number, random: () => number): number {
  const base = Math.min(maxMs, pollMs * 2 ** Math.max(0, failures - 1));
  return Math.max(pollMs, Math.round(base * (0.75 + 0.25 * random())));
}

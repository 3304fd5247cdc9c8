/** "0.4 s", "12 s", "3 min 04 s", "2 h 05 min": readable at a glance, precise enough to act on. */
export function formatAge(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 60) return `${Math.floor(s)} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ${String(Math.floor(s % 60)).padStart(2, '0')} s`;
  return `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, '0')} min`;
}

/** Wall-clock time, 24 h, to the second: "14:03:07". */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** How each latency unit is written. */
export const unitLabel = { us: 'µs', ms: 'ms', s: 's' } as const;

export function formatLatency(value: number, unit: keyof typeof unitLabel): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unitLabel[unit]}`;
}

// Time stamps as each seed system writes them. The model speaks ISO 8601 UTC strings and epoch
// ms; a C++ engine writes epoch µs, a Python service `datetime.isoformat()`, another epoch
// seconds with a fraction.

export const epochMs = (iso: string): number => Date.parse(iso);

/** Integer epoch microseconds. */
export const epochUs = (ms: number): number => Math.round(ms) * 1000;

/** Epoch seconds with millisecond precision, as Python's time.time() is usually rounded. */
export const epochSeconds = (ms: number): number => Math.round(ms) / 1000;

/**
 * Python's `datetime.now(timezone.utc).isoformat()`: microseconds and a +00:00 offset, and, as
 * Python does, no fraction at all when it is zero (`…T07:46:46+00:00`).
 */
export function pythonIso(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/\.000Z$/, '+00:00')
    .replace(/\.(\d{3})Z$/, '.$1000+00:00');
}

/** JavaScript's `toISOString()`: milliseconds and Z. */
export const isoZ = (ms: number): string => new Date(ms).toISOString();

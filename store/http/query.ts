// Integer query parameters, strictly: Number('') is 0 and Number('1e3') is 1000, ids nobody wrote.
import { HttpProblem } from './respond.ts';

export function intQuery(
  url: URL,
  name: string,
  bounds: { min: number; max?: number; fallback?: number },
): number {
  const raw = url.searchParams.get(name);
  if (raw === null) {
    if (bounds.fallback !== undefined) return bounds.fallback;
    throw new HttpProblem(400, 'Bad Request', `the query parameter \`${name}\` is required`);
  }
  const value = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  const max = bounds.max ?? Number.MAX_SAFE_INTEGER;
  if (!(value >= bounds.min && value <= max)) {
    const range = bounds.max === undefined ? `at least ${bounds.min}` : `from ${bounds.min} to ${bounds.max}`;
    throw new HttpProblem(400, 'Bad Request', `\`${name}\` must be an integer ${range}, got "${raw}"`);
  }
  return value;
}

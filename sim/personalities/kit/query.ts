// Query parameters as the seeds use them (`?limit=50`, `?since=1h`), checked so that a bad one
// is a 400 that names it rather than a silently ignored filter.
import { badRequest } from './problem.ts';

/** A whole number in [min, max], or `fallback` when the parameter is absent. */
export function intParam(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw badRequest(`${name} must be a whole number from ${min} to ${max}, got "${raw.slice(0, 40)}"`);
  return Number(raw);
}

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration such as `90s`, `15m`, `1h`, `1d`, or plain seconds, in ms; null when it is not one. */
export function parseDuration(raw: string): number | null {
  const match = /^(\d{1,6}(?:\.\d{1,3})?)(s|m|h|d)?$/.exec(raw.trim());
  if (!match) return null;
  const ms = Number(match[1]) * (UNIT_MS[match[2] ?? 's'] ?? 1_000);
  return ms > 0 ? ms : null;
}

/** `?since=1h`: the epoch ms from which on, given now; null when absent. */
export function sinceParam(query: URLSearchParams, now: number): number | null {
  const raw = query.get('since');
  if (raw === null) return null;
  const ms = parseDuration(raw);
  if (ms === null) throw badRequest(`since must be a duration such as 15m or 1h, got "${raw.slice(0, 40)}"`);
  return now - ms;
}

/** A parameter that must be one of `allowed` (or absent: null). */
export function enumParam<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T | null {
  const raw = query.get(name);
  if (raw === null) return null;
  if (!(allowed as readonly string[]).includes(raw))
    throw badRequest(`${name} must be one of ${allowed.join(', ')}, got "${raw.slice(0, 40)}"`);
  return raw as T;
}

// LAV/ADAF's control requests read into model commands, pure: every refusal is decided before
// anything runs (a disable naming one unknown venue disables none).
import { badRequest } from '../kit/problem.ts';
import { parseDuration } from '../kit/query.ts';
import { REGIMES } from './vocabulary.ts';

const MAX_S = 86_400;

function object(body: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('the body must be a JSON object');
  const b = body as Record<string, unknown>;
  const extra = Object.keys(b).filter((k) => !allowed.includes(k));
  if (extra.length > 0)
    throw badRequest(
      `unknown field${extra.length > 1 ? 's' : ''}: ${extra.join(', ')} (takes ${allowed.join(', ')})`,
    );
  return b;
}

/** Seconds in (0, max] given as a number, or the default when absent. */
function seconds(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_S)
    throw badRequest(`${name} must be a number of seconds above 0 and at most ${MAX_S}`);
  return value;
}

/** `{"reduction_pct": 0.5, "timeframe": 300}`: shed that share of every position over that many seconds. */
export function reduceRequest(body: unknown): { reductionPct: number; timeframeS: number } {
  const b = object(body ?? {}, ['reduction_pct', 'timeframe']);
  const pct = b.reduction_pct ?? 0.5;
  if (typeof pct !== 'number' || !(pct > 0 && pct <= 1))
    throw badRequest('reduction_pct must be a fraction above 0 and at most 1 (0.5 halves every position)');
  return { reductionPct: pct, timeframeS: seconds(b.timeframe, 'timeframe', 300) };
}

/** `{"regime": "NORMAL_EXPANSION", "duration": "1h"}`: the duration as the seed writes it, or seconds. */
export function regimeRequest(body: unknown): { regime: string; durationS: number } {
  const b = object(body, ['regime', 'duration']);
  if (typeof b.regime !== 'string' || !(REGIMES as readonly string[]).includes(b.regime))
    throw badRequest(`regime must be one of ${REGIMES.join(', ')}`);
  const raw = b.duration;
  const ms =
    typeof raw === 'string'
      ? parseDuration(raw)
      : typeof raw === 'number'
        ? raw * 1000
        : raw === undefined
          ? 3_600_000
          : null;
  if (ms === null || !(ms > 0) || ms > MAX_S * 1000)
    throw badRequest(`duration must be a duration such as "1h" or "30m", or seconds, up to ${MAX_S} s`);
  return { regime: b.regime, durationS: ms / 1000 };
}

/** `{"venues": ["VENUE_ID"], "duration": 3600}`: known, distinct venue ids. */
export function disableRequest(
  body: unknown,
  venueIds: readonly string[],
): { venues: string[]; durationS: number } {
  const b = object(body, ['venues', 'duration']);
  const venues = b.venues;
  if (!Array.isArray(venues) || venues.length === 0 || !venues.every((v) => typeof v === 'string'))
    throw badRequest('venues must be a non-empty list of venue ids');
  const unknown = venues.filter((v) => !venueIds.includes(v));
  if (unknown.length > 0)
    throw badRequest(
      `unknown venue${unknown.length > 1 ? 's' : ''}: ${unknown.map((v) => JSON.stringify(v.slice(0, 40))).join(', ')} (known: ${venueIds.join(', ')})`,
    );
  return { venues: [...new Set(venues)], durationS: seconds(b.duration, 'duration', 3600) };
}

/** `{"mode": "CONSERVATIVE", "timeout": 60}`: the only mode to switch to; NORMAL comes back by itself. */
export function routingRequest(body: unknown): { timeoutS: number } {
  const b = object(body, ['mode', 'timeout']);
  if (b.mode !== 'CONSERVATIVE')
    throw badRequest(
      'mode must be CONSERVATIVE (routing returns to NORMAL by itself when the timeout runs out)',
    );
  return { timeoutS: seconds(b.timeout, 'timeout', 60) };
}

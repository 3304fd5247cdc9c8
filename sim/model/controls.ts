// The trading controls the simulated system offers, and how a request for one becomes a plan
// the engine can carry out. Validation lives here because a bad request must be refused before
// anything in the model changes (and before its idempotency key is spent).
import { controlIdSchema } from '../../contract/schemas.ts';
import { DEFAULT_REDUCTION } from './trading-state.ts';
import type { ReductionPlan } from './trading-state.ts';
import type { ControlId, TradingStateName } from './types.ts';

/** The seeds' remote controls the simulated system does not offer, and why, for the 501 a person reads. */
const NOT_OFFERED = {
  'routing-conservative': 'it has a single routing mode, so there is no conservative one to switch to',
  'venue-failover': 'it has no standby venues to fail over to',
  'regime-manual': 'it has no market-regime detector to override',
  'maintenance-mode': 'it has no maintenance mode',
} as const satisfies Partial<Record<ControlId, string>>;

export type OfferedControl = Exclude<ControlId, keyof typeof NOT_OFFERED>;

/**
 * Controls of the list above that a system shape can bring back, for a system that has what they
 * need (LAV/ADAF has a conservative routing mode and a market-regime detector).
 */
export type ExtraControl = 'routing-conservative' | 'regime-manual';
export type ModelControl = OfferedControl | ExtraControl;

/**
 * What the simulated system lets operators do: the contract's controls, in its order, but those
 * above. A control the contract gains fails the type check until PARAMS below says how to run
 * it, or NOT_OFFERED why not.
 */
export const OFFERED_CONTROLS: readonly OfferedControl[] = controlIdSchema.options.filter(
  (id): id is OfferedControl => !Object.hasOwn(NOT_OFFERED, id),
);

/** The canonical controls plus `extra`, in the contract's order. */
export function offeredControls(extra: readonly ExtraControl[] = []): readonly ModelControl[] {
  if (extra.length === 0) return OFFERED_CONTROLS;
  const offered: readonly string[] = [...OFFERED_CONTROLS, ...extra];
  return controlIdSchema.options.filter((id): id is ModelControl => offered.includes(id));
}

export function isOffered(id: ControlId): id is OfferedControl;
export function isOffered(id: ControlId, offered: readonly ModelControl[]): id is ModelControl;
export function isOffered(id: ControlId, offered: readonly ModelControl[] = OFFERED_CONTROLS): boolean {
  return (offered as readonly string[]).includes(id);
}

export function notOfferedMessage(
  id: ControlId,
  offered: readonly ModelControl[] = OFFERED_CONTROLS,
): string {
  const why = NOT_OFFERED[id as keyof typeof NOT_OFFERED] ?? 'it is not implemented here';
  return `the simulated trading system does not offer ${id}: ${why}. It offers ${offered.join(', ')}.`;
}

/** The trading state each system control moves to; what the receipt promises the dashboard. */
const TARGET_STATE: Partial<Record<ModelControl, TradingStateName>> = {
  'kill-switch': 'KILLED',
  halt: 'HALTED',
  resume: 'ACTIVE',
  'reduce-positions': 'REDUCING',
};

/** A venue left disabled without a duration is enabled again after an hour (the seeds' default). */
export const DEFAULT_DISABLE_S = 3600;
/** Longer than a trading day is a mistake, not a plan. */
const MAX_DISABLE_S = 86_400;
const MAX_REDUCE_S = 86_400;
/** Conservative routing falls back to normal after this long unless told otherwise (the seed's example). */
export const DEFAULT_CONSERVATIVE_S = 60;
/** A manual regime holds for an hour unless told otherwise (the seed's example). */
export const DEFAULT_REGIME_S = 3600;
const MAX_MODE_S = 86_400;
/** Regime names are the detector's vocabulary: upper-case words joined by underscores. */
const REGIME_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;

export type ControlPlan =
  | { kind: 'trading-state'; target: TradingStateName; reduction: ReductionPlan }
  | { kind: 'venue-cancel-all'; venueId: string }
  | { kind: 'venue-disable'; venueId: string; durationMs: number }
  | { kind: 'venue-reconnect'; venueId: string }
  | { kind: 'routing-conservative'; durationMs: number }
  | { kind: 'regime-manual'; regime: string; durationMs: number };

export interface ControlInput {
  controlId: ModelControl;
  venueId?: string;
  params?: Record<string, unknown>;
}

export type PlanResult = { ok: true; plan: ControlPlan } | { ok: false; message: string };

/** The state a control promises (null for the venue controls, which do not change it). */
export function expectedTradingState(id: ModelControl): TradingStateName | null {
  return TARGET_STATE[id] ?? null;
}

/** The parameters each control takes; anything else is refused, so that a typo is not silently ignored. */
const PARAMS: Record<ModelControl, readonly string[]> = {
  'kill-switch': [],
  halt: [],
  resume: [],
  'reduce-positions': ['reductionPct', 'timeframeS'],
  'venue-cancel-all': [],
  'venue-disable': ['durationS'],
  'venue-reconnect': [],
  'routing-conservative': ['timeoutS'],
  'regime-manual': ['regime', 'durationS'],
};

type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** A number in (0, max], or the default when absent. */
function positive(
  params: Record<string, unknown>,
  name: string,
  fallback: number,
  max: number,
): Checked<number> {
  const value = params[name];
  if (value === undefined) return { ok: true, value: fallback };
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max)
    return {
      ok: false,
      message: `params.${name} must be a number more than 0 and at most ${max}, got ${JSON.stringify(value)}`,
    };
  return { ok: true, value };
}

export function planControl(input: ControlInput, venueIds: readonly string[]): PlanResult {
  const { controlId, venueId } = input;
  const params = input.params ?? {};
  const allowed = PARAMS[controlId];
  const unexpected = Object.keys(params).filter((key) => !allowed.includes(key));
  if (unexpected.length > 0) {
    const takes = allowed.length === 0 ? 'takes no params' : `takes ${allowed.join(', ')}`;
    return {
      ok: false,
      message: `unexpected params for ${controlId}: ${unexpected.join(', ')} (it ${takes})`,
    };
  }

  if (controlId === 'routing-conservative' || controlId === 'regime-manual')
    return venueId !== undefined
      ? { ok: false, message: `${controlId} acts on the whole system and takes no venueId` }
      : planMode(controlId, params);

  const target = TARGET_STATE[controlId];
  if (target !== undefined) {
    if (venueId !== undefined)
      return { ok: false, message: `${controlId} acts on the whole system and takes no venueId` };
    const pct = positive(params, 'reductionPct', DEFAULT_REDUCTION.fraction, 1);
    if (!pct.ok) return pct;
    const over = positive(params, 'timeframeS', DEFAULT_REDUCTION.durationMs / 1000, MAX_REDUCE_S);
    if (!over.ok) return over;
    return {
      ok: true,
      plan: {
        kind: 'trading-state',
        target,
        reduction: { fraction: pct.value, durationMs: over.value * 1000 },
      },
    };
  }

  if (venueId === undefined)
    return { ok: false, message: `${controlId} needs a venueId (one of ${venueIds.join(', ')})` };
  if (!venueIds.includes(venueId))
    return { ok: false, message: `unknown venue ${JSON.stringify(venueId)} (known: ${venueIds.join(', ')})` };
  switch (controlId) {
    case 'venue-disable': {
      const duration = positive(params, 'durationS', DEFAULT_DISABLE_S, MAX_DISABLE_S);
      return duration.ok
        ? { ok: true, plan: { kind: 'venue-disable', venueId, durationMs: duration.value * 1000 } }
        : duration;
    }
    case 'venue-cancel-all':
      return { ok: true, plan: { kind: 'venue-cancel-all', venueId } };
    case 'venue-reconnect':
      return { ok: true, plan: { kind: 'venue-reconnect', venueId } };
    default:
      // Unreachable: every system control has a target state above.
      return { ok: false, message: `${controlId} is not a venue control` };
  }
}

/** The system-wide modes: conservative routing for a while, a manual market regime for a while. */
function planMode(controlId: ExtraControl, params: Record<string, unknown>): PlanResult {
  if (controlId === 'routing-conservative') {
    const timeout = positive(params, 'timeoutS', DEFAULT_CONSERVATIVE_S, MAX_MODE_S);
    return timeout.ok
      ? { ok: true, plan: { kind: 'routing-conservative', durationMs: timeout.value * 1000 } }
      : timeout;
  }
  const regime = params.regime;
  if (typeof regime !== 'string' || !REGIME_NAME.test(regime))
    return {
      ok: false,
      message: `params.regime must be a regime name in capitals (such as NORMAL_EXPANSION), got ${JSON.stringify(regime) ?? 'nothing'}`,
    };
  const duration = positive(params, 'durationS', DEFAULT_REGIME_S, MAX_MODE_S);
  return duration.ok
    ? { ok: true, plan: { kind: 'regime-manual', regime, durationMs: duration.value * 1000 } }
    : duration;
}

import type { IncidentPolicy, SeverityTimers, SlaFigure } from '../../contract/schemas.ts';
import type { SeverityScheme } from '../../contract/store-schemas.ts';

// Whose figures an incident is timed by: the policy a trading system serves with its snapshot
// (SystemInfo.incidents, from its profile), or, for a system that serves none, its seed's.

/**
 * A figure in ms; `null` where the system says nothing (another seed's figure may stand in), `'none'`
 * where it says there is no timer (HFT SEV4: "next business day"). The contract's SlaFigure.
 */
export type Figure = SlaFigure;

/**
 * What a trading system promises for an incident of one severity: the contract's SeverityTimers,
 * as a system serves them in SystemInfo.incidents. A seed that gives a single "response time" is
 * read as the time by which someone must have taken the incident on, so acknowledge and respond
 * share it. `updateEveryMs` is how often a status update is owed while the incident is open;
 * `escalateAfterMs` how long without progress (a status change) means escalate.
 */
export type SlaFigures = SeverityTimers;

/** Whose figures an incident is timed by. */
export interface SlaPolicy {
  /** Who says so, as people read it: the system's name, or a seed's ("RTES"). */
  label: string;
  scheme: SeverityScheme;
  /** In the scheme's order, most severe first. */
  figures: readonly SlaFigures[];
}

const MIN = 60_000;
const HOUR = 60 * MIN;

const f = (
  acknowledgeMs: Figure,
  respondMs: Figure,
  updateEveryMs: Figure,
  escalateAfterMs: Figure,
): SlaFigures => ({ acknowledgeMs, respondMs, updateEveryMs, escalateAfterMs });

// The seeds' own figures, written once. A system's profile now says them itself (SystemInfo
// .incidents); these are for a system that serves none, picked by its id, and the figures another
// system leaves out are borrowed from them.

// RTES playbook (seed 000), severity table "Response Time": P1 5 min, P2 15 min, P3 1 h, P4 4 h.
// It names no update cadence and no escalation trigger.
const rtes: SlaPolicy = {
  label: 'RTES',
  scheme: 'P1-P4',
  figures: [
    f(5 * MIN, 5 * MIN, null, null),
    f(15 * MIN, 15 * MIN, null, null),
    f(HOUR, HOUR, null, null),
    f(4 * HOUR, 4 * HOUR, null, null),
  ],
};
// EAFIX runbook (seed 001), "Response Times (Target SLAs)": acknowledge / respond per severity;
// "Communication SLAs": progress updates every 30 min for P0/P1, every 2 h for P2/P3.
const eafix: SlaPolicy = {
  label: 'EAFIX',
  scheme: 'P0-P3',
  figures: [
    f(5 * MIN, 15 * MIN, 30 * MIN, null),
    f(15 * MIN, 30 * MIN, 30 * MIN, null),
    f(HOUR, 4 * HOUR, 2 * HOUR, null),
    f(4 * HOUR, 24 * HOUR, 2 * HOUR, null),
  ],
};
// SMC playbook (seed 002), severity table "Response Time": P0 5 min, P1 15 min, P2 1 h, P3 4 h;
// "Escalation Triggers": no progress for 15 min on a P0, 30 min on a P1.
const smc: SlaPolicy = {
  label: 'SMC',
  scheme: 'P0-P3',
  figures: [
    f(5 * MIN, 5 * MIN, null, 15 * MIN),
    f(15 * MIN, 15 * MIN, null, 30 * MIN),
    f(HOUR, HOUR, null, null),
    f(4 * HOUR, 4 * HOUR, null, null),
  ],
};
// LAV/ADAF playbook (seed 003), severity headings: P0 15 min, P1 1 h, P2 4 h, P3 24 h response;
// its P0 initial alert promises status updates every 15 min until resolved.
const lavAdaf: SlaPolicy = {
  label: 'LAV/ADAF',
  scheme: 'P0-P3',
  figures: [
    f(15 * MIN, 15 * MIN, 15 * MIN, null),
    f(HOUR, HOUR, null, null),
    f(4 * HOUR, 4 * HOUR, null, null),
    f(24 * HOUR, 24 * HOUR, null, null),
  ],
};
// HFT playbooks (seed 004), "Severity classification": SEV1 < 5 min, SEV2 15 min, SEV3 1 h,
// SEV4 next business day (no timer); "Status Page Updates": SEV1 every 15 min, SEV2 every 30 min,
// SEV3 only when resolved (no cadence).
const hft: SlaPolicy = {
  label: 'HFT',
  scheme: 'SEV1-SEV4',
  figures: [
    f(5 * MIN, 5 * MIN, 15 * MIN, null),
    f(15 * MIN, 15 * MIN, 30 * MIN, null),
    f(HOUR, HOUR, 'none', null),
    f('none', 'none', 'none', 'none'),
  ],
};

/** The seeds' policies by their systems' ids: the fallback for a system that serves none. */
export const SEED_POLICIES: Readonly<Record<'rtes' | 'eafix' | 'smc' | 'lav-adaf' | 'hft', SlaPolicy>> = {
  rtes,
  eafix,
  smc,
  'lav-adaf': lavAdaf,
  hft,
};

/** The seed whose figures an incident of a scheme gets when nothing better is known. */
export const DEFAULT_POLICY: { readonly [S in SeverityScheme]: SlaPolicy } = {
  'P1-P4': rtes,
  'P0-P3': eafix,
  'SEV1-SEV4': hft,
};

/** Every seed's policy: where a figure a policy leaves out is borrowed from (see slaTargets). */
export const SEEDS: readonly SlaPolicy[] = Object.values(SEED_POLICIES);

/** A system as the board knows it, enough to find its policy: the snapshot's SystemInfo will do. */
export interface PolicySource {
  id: string;
  name: string;
  incidents?: IncidentPolicy | undefined;
}

/**
 * The policy a trading system's incidents are timed by: the one it serves (its profile's), else
 * its seed's by id ("rtes", "hft"), else none (the scheme's default then applies).
 */
export function policyOf(system: PolicySource | null | undefined): SlaPolicy | undefined {
  if (!system) return undefined;
  if (system.incidents)
    return { label: system.name, scheme: system.incidents.scheme, figures: system.incidents.severities };
  const id = system.id.toLowerCase();
  return Object.hasOwn(SEED_POLICIES, id) ? SEED_POLICIES[id as keyof typeof SEED_POLICIES] : undefined;
}

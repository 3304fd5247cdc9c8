import { SEVERITIES_BY_SCHEME } from '../../contract/store-schemas.ts';
import type { Incident, Severity, SeverityScheme, TimelineEvent } from '../../contract/store-schemas.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

/**
 * A figure in ms; `null` where the seed says nothing (another seed's figure may stand in), `'none'`
 * where the seed says there is no timer (HFT SEV4: "next business day").
 */
export type Figure = number | 'none' | null;

/**
 * What one trading system's seed playbook promises for an incident of one severity. A seed that
 * gives a single "response time" is read as the time by which someone must have taken the
 * incident on, so acknowledge and respond share it.
 */
export interface SlaFigures {
  acknowledgeMs: Figure;
  respondMs: Figure;
  /** How often a status update is owed while the incident is open. */
  updateEveryMs: Figure;
  /** No progress (status change) for this long means escalate. */
  escalateAfterMs: Figure;
}

export type PolicyName = 'rtes' | 'eafix' | 'smc' | 'lav-adaf' | 'hft';

export interface SlaPolicy {
  label: string;
  scheme: SeverityScheme;
  /** In the scheme's order, most severe first. */
  figures: readonly SlaFigures[];
}

const f = (
  acknowledgeMs: Figure,
  respondMs: Figure,
  updateEveryMs: Figure,
  escalateAfterMs: Figure,
): SlaFigures => ({ acknowledgeMs, respondMs, updateEveryMs, escalateAfterMs });

export const SLA_POLICIES: { readonly [P in PolicyName]: SlaPolicy } = {
  // RTES playbook (seed 000), severity table "Response Time": P1 5 min, P2 15 min, P3 1 h, P4 4 h.
  // It names no update cadence and no escalation trigger.
  rtes: {
    label: 'RTES',
    scheme: 'P1-P4',
    figures: [
      f(5 * MIN, 5 * MIN, null, null),
      f(15 * MIN, 15 * MIN, null, null),
      f(HOUR, HOUR, null, null),
      f(4 * HOUR, 4 * HOUR, null, null),
    ],
  },
  // EAFIX runbook (seed 001), "Response Times (Target SLAs)": acknowledge / respond per severity;
  // "Communication SLAs": progress updates every 30 min for P0/P1, every 2 h for P2/P3.
  eafix: {
    label: 'EAFIX',
    scheme: 'P0-P3',
    figures: [
      f(5 * MIN, 15 * MIN, 30 * MIN, null),
      f(15 * MIN, 30 * MIN, 30 * MIN, null),
      f(HOUR, 4 * HOUR, 2 * HOUR, null),
      f(4 * HOUR, 24 * HOUR, 2 * HOUR, null),
    ],
  },
  // SMC playbook (seed 002), severity table "Response Time": P0 5 min, P1 15 min, P2 1 h, P3 4 h;
  // "Escalation Triggers": no progress for 15 min on a P0, 30 min on a P1.
  smc: {
    label: 'SMC',
    scheme: 'P0-P3',
    figures: [
      f(5 * MIN, 5 * MIN, null, 15 * MIN),
      f(15 * MIN, 15 * MIN, null, 30 * MIN),
      f(HOUR, HOUR, null, null),
      f(4 * HOUR, 4 * HOUR, null, null),
    ],
  },
  // LAV/ADAF playbook (seed 003), severity headings: P0 15 min, P1 1 h, P2 4 h, P3 24 h response;
  // its P0 initial alert promises status updates every 15 min until resolved.
  'lav-adaf': {
    label: 'LAV/ADAF',
    scheme: 'P0-P3',
    figures: [
      f(15 * MIN, 15 * MIN, 15 * MIN, null),
      f(HOUR, HOUR, null, null),
      f(4 * HOUR, 4 * HOUR, null, null),
      f(24 * HOUR, 24 * HOUR, null, null),
    ],
  },
  // HFT playbooks (seed 004), "Severity classification": SEV1 < 5 min, SEV2 15 min, SEV3 1 h,
  // SEV4 next business day (no timer); "Status Page Updates": SEV1 every 15 min, SEV2 every 30 min,
  // SEV3 only when resolved (no cadence).
  hft: {
    label: 'HFT',
    scheme: 'SEV1-SEV4',
    figures: [
      f(5 * MIN, 5 * MIN, 15 * MIN, null),
      f(15 * MIN, 15 * MIN, 30 * MIN, null),
      f(HOUR, HOUR, 'none', null),
      f('none', 'none', 'none', 'none'),
    ],
  },
};

/** The seed whose scheme a store incident uses, when the trading system does not say which it is. */
export const DEFAULT_POLICY: { readonly [S in SeverityScheme]: PolicyName } = {
  'P1-P4': 'rtes',
  'P0-P3': 'eafix',
  'SEV1-SEV4': 'hft',
};

export interface SlaTarget {
  ms: number;
  /** The seed the figure comes from: the system's own, or another seed's for the same rank. */
  source: string;
}

export type SlaTargets = { [K in keyof SlaFigures]: SlaTarget | null };

const POLICY_NAMES = Object.keys(SLA_POLICIES) as PolicyName[];

/** 0 for the most severe severity of its scheme (P0, P1 or SEV1), 3 for the least. */
export function severityRank(scheme: SeverityScheme, severity: Severity): number {
  return Math.max(0, SEVERITIES_BY_SCHEME[scheme].indexOf(severity));
}

/**
 * The targets for an incident. A figure the system's own seed leaves out is taken from the
 * strictest seed that names one for the same rank: the war room would rather be reminded early
 * (an RTES P1 gets SMC's 15-minute escalation trigger) than not at all.
 */
export function slaTargets(scheme: SeverityScheme, severity: Severity, policy?: PolicyName): SlaTargets {
  const name = policy && SLA_POLICIES[policy].scheme === scheme ? policy : DEFAULT_POLICY[scheme];
  const rank = severityRank(scheme, severity);
  const pick = (field: keyof SlaFigures): SlaTarget | null => {
    const own = SLA_POLICIES[name].figures[rank]?.[field] ?? null;
    if (own === 'none') return null;
    if (own !== null) return { ms: own, source: SLA_POLICIES[name].label };
    let best: SlaTarget | null = null;
    for (const other of POLICY_NAMES) {
      const ms = SLA_POLICIES[other].figures[rank]?.[field] ?? null;
      if (typeof ms === 'number' && (best === null || ms < best.ms))
        best = { ms, source: SLA_POLICIES[other].label };
    }
    return best;
  };
  return {
    acknowledgeMs: pick('acknowledgeMs'),
    respondMs: pick('respondMs'),
    updateEveryMs: pick('updateEveryMs'),
    escalateAfterMs: pick('escalateAfterMs'),
  };
}

/** `running`: due later; `overdue`: due and not done; `met`/`missed`: done, in time or late. */
export type DeadlineState = 'running' | 'overdue' | 'met' | 'missed';

export interface Deadline {
  dueAt: number;
  /** Negative once overdue. */
  remainingMs: number;
  overdue: boolean;
  state: DeadlineState;
  target: SlaTarget;
}

export interface SlaState {
  acknowledge: Deadline | null;
  respond: Deadline | null;
  /** Next status update owed; null once resolved or without a cadence. */
  nextUpdate: Deadline | null;
  /** When no progress means escalating; null once resolved or without a trigger. */
  escalation: Deadline | null;
}

// Actions by people that show the incident is being worked; alerts and the declaration itself
// do not count as responding.
const RESPONSES = new Set<TimelineEvent['type']>([
  'note',
  'incident.status-changed',
  'role.assigned',
  'playbook.chosen',
  'checklist.step-ticked',
  'control.attempted',
]);

function deadline(
  startAt: number,
  target: SlaTarget | null,
  doneAt: number | null,
  now: number,
): Deadline | null {
  if (target === null) return null;
  const dueAt = startAt + target.ms;
  const remainingMs = dueAt - now;
  if (doneAt !== null) {
    const state = doneAt <= dueAt ? 'met' : 'missed';
    return { dueAt, remainingMs, overdue: false, state, target };
  }
  const overdue = remainingMs < 0;
  return { dueAt, remainingMs, overdue, state: overdue ? 'overdue' : 'running', target };
}

/** When someone first did something about the incident after declaring it. */
export function respondedAt(incident: Incident, timeline: readonly TimelineEvent[]): number | null {
  const declared = Date.parse(incident.declaredAt);
  const first = timeline.find((e) => RESPONSES.has(e.type) && Date.parse(e.at) > declared);
  return first ? Date.parse(first.at) : null;
}

export function slaState(
  incident: Incident,
  timeline: readonly TimelineEvent[],
  now: number,
  policy?: PolicyName,
): SlaState {
  const targets = slaTargets(incident.severityScheme, incident.severity, policy);
  const declared = Date.parse(incident.declaredAt);
  const acked = incident.acknowledgedAt === null ? null : Date.parse(incident.acknowledgedAt);
  const open = incident.status !== 'RESOLVED';
  const statusAt = Date.parse(incident.statusChangedAt);
  const noteAt = incident.lastNoteAt === null ? declared : Date.parse(incident.lastNoteAt);
  return {
    acknowledge: deadline(declared, targets.acknowledgeMs, acked, now),
    respond: deadline(declared, targets.respondMs, respondedAt(incident, timeline), now),
    nextUpdate: open ? deadline(Math.max(statusAt, noteAt), targets.updateEveryMs, null, now) : null,
    escalation: open ? deadline(statusAt, targets.escalateAfterMs, null, now) : null,
  };
}

/** The policy a trading system's id names ("rtes", "hft"…), if it names one. */
export function policyForSystem(systemId: string | undefined): PolicyName | undefined {
  return POLICY_NAMES.find((name) => name === systemId?.toLowerCase());
}

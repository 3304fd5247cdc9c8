import { SEVERITIES_BY_SCHEME } from '../../contract/store-schemas.ts';
import type { Incident, Severity, SeverityScheme, TimelineEvent } from '../../contract/store-schemas.ts';
import { DEFAULT_POLICY, SEEDS } from './sla-policy.ts';
import type { SlaFigures, SlaPolicy } from './sla-policy.ts';

export interface SlaTarget {
  ms: number;
  /** Whose figure it is: the system's own, or a seed's for the same rank. */
  source: string;
}

export type SlaTargets = { [K in keyof SlaFigures]: SlaTarget | null };

/** 0 for the most severe severity of its scheme (P0, P1 or SEV1), 3 for the least. */
export function severityRank(scheme: SeverityScheme, severity: Severity): number {
  return Math.max(0, SEVERITIES_BY_SCHEME[scheme].indexOf(severity));
}

/**
 * The targets for an incident, from `policy` when it grades incidents in the incident's scheme,
 * else from the scheme's default. A figure the policy leaves out (null) is taken from the
 * strictest seed that names one for the same rank: the war room would rather be reminded early
 * (an RTES P1 gets SMC's 15-minute escalation trigger) than not at all. A figure it says there
 * is none of (`'none'`) stays without a timer.
 */
export function slaTargets(scheme: SeverityScheme, severity: Severity, policy?: SlaPolicy): SlaTargets {
  const own = policy?.scheme === scheme ? policy : DEFAULT_POLICY[scheme];
  const rank = severityRank(scheme, severity);
  const pick = (field: keyof SlaFigures): SlaTarget | null => {
    const figure = own.figures[rank]?.[field] ?? null;
    if (figure === 'none') return null;
    if (figure !== null) return { ms: figure, source: own.label };
    let best: SlaTarget | null = null;
    for (const seed of SEEDS) {
      const ms = seed.figures[rank]?.[field] ?? null;
      if (typeof ms === 'number' && (best === null || ms < best.ms)) best = { ms, source: seed.label };
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
  policy?: SlaPolicy,
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

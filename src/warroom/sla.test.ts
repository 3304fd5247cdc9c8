import { describe, expect, test } from 'vitest';
import type { Severity, SeverityScheme } from '../../contract/store-schemas.ts';
import type { IncidentPolicy } from '../../contract/schemas.ts';
import { DEFAULT_POLICY, policyOf, SEED_POLICIES } from './sla-policy.ts';
import type { SlaPolicy } from './sla-policy.ts';
import { slaState, slaTargets } from './sla.ts';
import { at, event, incident, T0 } from '../testing/war-room-fixtures.ts';

const MIN = 60_000;
const H = 60 * MIN;
const ms = (t: { ms: number } | null) => t?.ms ?? null;

function figures(scheme: SeverityScheme, severity: Severity, policy?: SlaPolicy) {
  const t = slaTargets(scheme, severity, policy);
  return [ms(t.acknowledgeMs), ms(t.respondMs), ms(t.updateEveryMs), ms(t.escalateAfterMs)];
}

describe('SLA figures from the seeds', () => {
  test.each([
    // EAFIX: acknowledge / respond, updates 30 min (P0/P1) and 2 h (P2/P3); escalation borrowed from SMC.
    ['eafix', 'P0-P3', 'P0', [5 * MIN, 15 * MIN, 30 * MIN, 15 * MIN]],
    ['eafix', 'P0-P3', 'P1', [15 * MIN, 30 * MIN, 30 * MIN, 30 * MIN]],
    ['eafix', 'P0-P3', 'P2', [H, 4 * H, 2 * H, null]],
    ['eafix', 'P0-P3', 'P3', [4 * H, 24 * H, 2 * H, null]],
    // SMC: response times, escalation after 15 / 30 min without progress.
    ['smc', 'P0-P3', 'P0', [5 * MIN, 5 * MIN, 15 * MIN, 15 * MIN]],
    ['smc', 'P0-P3', 'P3', [4 * H, 4 * H, 2 * H, null]],
    // LAV/ADAF: 15 min / 1 h / 4 h / 24 h; P0 updates every 15 min.
    ['lav-adaf', 'P0-P3', 'P0', [15 * MIN, 15 * MIN, 15 * MIN, 15 * MIN]],
    ['lav-adaf', 'P0-P3', 'P2', [4 * H, 4 * H, 2 * H, null]],
    // RTES: 5 min / 15 min / 1 h / 4 h.
    ['rtes', 'P1-P4', 'P1', [5 * MIN, 5 * MIN, 15 * MIN, 15 * MIN]],
    ['rtes', 'P1-P4', 'P2', [15 * MIN, 15 * MIN, 30 * MIN, 30 * MIN]],
    ['rtes', 'P1-P4', 'P4', [4 * H, 4 * H, 2 * H, null]],
    // HFT: SEV1 < 5 min, updates 15 min; SEV2 15 min, updates 30 min; SEV3 updates only at the end.
    ['hft', 'SEV1-SEV4', 'SEV1', [5 * MIN, 5 * MIN, 15 * MIN, 15 * MIN]],
    ['hft', 'SEV1-SEV4', 'SEV2', [15 * MIN, 15 * MIN, 30 * MIN, 30 * MIN]],
    ['hft', 'SEV1-SEV4', 'SEV3', [H, H, null, null]],
  ] as const)('%s %s %s', (seed, scheme, severity, expected) => {
    expect(figures(scheme, severity, SEED_POLICIES[seed])).toEqual(expected);
  });

  test('a figure the own seed lacks names the seed it was taken from', () => {
    const rtes = slaTargets('P1-P4', 'P1', SEED_POLICIES.rtes);
    expect(rtes.acknowledgeMs?.source).toBe('RTES');
    expect(rtes.escalateAfterMs?.source).toBe('SMC');
    expect(rtes.updateEveryMs).toEqual({ ms: 15 * MIN, source: 'LAV/ADAF' });
  });

  test('the scheme decides the default policy; a policy of another scheme is ignored', () => {
    expect(DEFAULT_POLICY).toEqual({
      'P1-P4': SEED_POLICIES.rtes,
      'P0-P3': SEED_POLICIES.eafix,
      'SEV1-SEV4': SEED_POLICIES.hft,
    });
    expect(figures('SEV1-SEV4', 'SEV1', SEED_POLICIES.eafix)).toEqual(figures('SEV1-SEV4', 'SEV1'));
    expect(figures('P0-P3', 'P0')).toEqual(figures('P0-P3', 'P0', SEED_POLICIES.eafix));
  });
});

describe('the policy a system serves', () => {
  // A sixth system's profile: its own scheme and figures, one timer it says there is none of,
  // one it says nothing about.
  const desk: IncidentPolicy = {
    scheme: 'P1-P4',
    severities: [
      { acknowledgeMs: 2 * MIN, respondMs: 'none', updateEveryMs: null, escalateAfterMs: 10 * MIN },
      { acknowledgeMs: 10 * MIN, respondMs: 20 * MIN, updateEveryMs: H, escalateAfterMs: null },
      { acknowledgeMs: H, respondMs: H, updateEveryMs: 'none', escalateAfterMs: 'none' },
      { acknowledgeMs: null, respondMs: null, updateEveryMs: null, escalateAfterMs: null },
    ],
    playbooks: 'desk-7',
  };
  const served = policyOf({ id: 'desk-7', name: 'Desk 7', incidents: desk });

  test('times its incidents, named after it; none means no timer; what it leaves out is borrowed', () => {
    expect(served).toEqual({ label: 'Desk 7', scheme: 'P1-P4', figures: desk.severities });
    expect(slaTargets('P1-P4', 'P1', served)).toEqual({
      acknowledgeMs: { ms: 2 * MIN, source: 'Desk 7' },
      respondMs: null,
      updateEveryMs: { ms: 15 * MIN, source: 'LAV/ADAF' },
      escalateAfterMs: { ms: 10 * MIN, source: 'Desk 7' },
    });
    expect(figures('P1-P4', 'P2', served)).toEqual([10 * MIN, 20 * MIN, H, 30 * MIN]);
    expect(figures('P1-P4', 'P3', served)).toEqual([H, H, null, null]);
  });

  test('wins over the seed table for the same id; without one, the seed by id; else none', () => {
    const hft = { ...desk, scheme: 'SEV1-SEV4' as const };
    expect(figures('SEV1-SEV4', 'SEV1', policyOf({ id: 'hft', name: 'HFT system', incidents: hft }))).toEqual(
      [2 * MIN, null, 15 * MIN, 10 * MIN],
    );
    expect(policyOf({ id: 'HFT', name: 'HFT' })).toBe(SEED_POLICIES.hft);
    expect(policyOf({ id: 'desk-7', name: 'Desk 7' })).toBeUndefined();
    expect(policyOf(undefined)).toBeUndefined();
  });
});

describe('slaState', () => {
  const p0 = incident(); // EAFIX P0 declared at T0: ack 5 min, respond 15, update 30, escalate 15

  test('counts down from the declaration and is overdue one moment after the target', () => {
    const justBefore = slaState(p0, [], T0 + 5 * MIN);
    expect(justBefore.acknowledge).toMatchObject({ state: 'running', overdue: false, remainingMs: 0 });
    const justAfter = slaState(p0, [], T0 + 5 * MIN + 1);
    expect(justAfter.acknowledge).toMatchObject({ state: 'overdue', overdue: true, remainingMs: -1 });
    expect(justAfter.respond?.overdue).toBe(false);
    expect(slaState(p0, [], T0 + 15 * MIN + 1).respond?.overdue).toBe(true);
    expect(slaState(p0, [], T0 + 15 * MIN + 1).escalation?.overdue).toBe(true);
  });

  test('an acknowledgement meets the target, or misses it when late', () => {
    expect(slaState({ ...p0, acknowledgedAt: at(4) }, [], T0 + H).acknowledge?.state).toBe('met');
    expect(slaState({ ...p0, acknowledgedAt: at(6) }, [], T0 + H).acknowledge?.state).toBe('missed');
  });

  test('responding means a person acting after the declaration: a note, a status change, a role…', () => {
    const alertOnly = [event(1, 'alert.fired', 'p99 high', 'system')];
    expect(slaState(p0, alertOnly, T0 + 20 * MIN).respond?.state).toBe('overdue');
    const noted = [...alertOnly, event(12, 'note', 'looking')];
    expect(slaState(p0, noted, T0 + 20 * MIN).respond?.state).toBe('met');
  });

  test('the next update is due a cadence after the last status change or note', () => {
    const noted = { ...p0, lastNoteAt: at(20) };
    expect(slaState(noted, [], T0).nextUpdate?.dueAt).toBe(T0 + 50 * MIN);
    const moved = { ...p0, lastNoteAt: at(20), statusChangedAt: at(35) };
    expect(slaState(moved, [], T0).nextUpdate?.dueAt).toBe(T0 + 65 * MIN);
    expect(slaState(moved, [], T0 + 65 * MIN + 1).nextUpdate?.overdue).toBe(true);
  });

  test('escalation counts from the last progress, and notes are not progress', () => {
    const noted = { ...p0, lastNoteAt: at(14) };
    expect(slaState(noted, [], T0 + 15 * MIN + 1).escalation?.overdue).toBe(true);
    const identified = { ...p0, status: 'IDENTIFIED' as const, statusChangedAt: at(10) };
    expect(slaState(identified, [], T0 + 20 * MIN).escalation).toMatchObject({
      overdue: false,
      dueAt: T0 + 25 * MIN,
    });
  });

  test('a resolved incident owes no update and no escalation', () => {
    const resolved = { ...p0, status: 'RESOLVED' as const, resolvedAt: at(30), statusChangedAt: at(30) };
    const state = slaState(resolved, [], T0 + 5 * H);
    expect(state.nextUpdate).toBeNull();
    expect(state.escalation).toBeNull();
  });

  test('HFT SEV4 has no timers at all', () => {
    const sev4 = incident({ severityScheme: 'SEV1-SEV4', severity: 'SEV4' });
    expect(slaState(sev4, [], T0)).toEqual({
      acknowledge: null,
      respond: null,
      nextUpdate: null,
      escalation: null,
    });
  });
});

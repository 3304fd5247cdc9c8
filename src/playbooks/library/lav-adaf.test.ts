import { describe, expect, test } from 'vitest';
import { playbookSchema, type Step } from '../playbook.ts';
import { lavAdafPlaybooks } from './lav-adaf.ts';

const expectedIds = [
  'lav-adaf-p0-response',
  'lav-adaf-p1-response',
  'lav-adaf-market-sentinel-down',
  'lav-adaf-risk-warden-alert-storm',
  'lav-adaf-executioner-fill-rate-drop',
  'lav-adaf-db-pool-exhaustion',
  'lav-adaf-kafka-backlog',
  'lav-adaf-complete-system-failure',
  'lav-adaf-security-breach',
  'lav-adaf-manual-trading-mode',
  'lav-adaf-post-incident-review',
];

function stepIds(steps: Step[]): string[] {
  return steps.flatMap((s) => [s.id, ...(s.branches ?? []).flatMap((b) => stepIds(b.steps))]);
}

describe('lavAdafPlaybooks', () => {
  test.each(lavAdafPlaybooks.map((p) => [p.id, p] as const))(
    '%s parses with playbookSchema',
    (_id, playbook) => {
      expect(() => playbookSchema.parse(playbook)).not.toThrow();
    },
  );

  test('playbook ids are unique and prefixed with the system', () => {
    const ids = lavAdafPlaybooks.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of lavAdafPlaybooks) expect(p.id.startsWith(`${p.system}-`)).toBe(true);
  });

  test.each(lavAdafPlaybooks.map((p) => [p.id, p] as const))(
    '%s has unique step and phase ids',
    (_id, playbook) => {
      const steps = playbook.phases.flatMap((ph) => stepIds(ph.steps));
      expect(new Set(steps).size).toBe(steps.length);
      const phases = playbook.phases.map((ph) => ph.id);
      expect(new Set(phases).size).toBe(phases.length);
    },
  );

  test('every procedure from the seed is present', () => {
    expect(lavAdafPlaybooks.map((p) => p.id).sort()).toEqual([...expectedIds].sort());
  });

  test('steps that a declared control performs are bound to it', () => {
    const controlOf = (playbookId: string, stepId: string) =>
      lavAdafPlaybooks
        .find((p) => p.id === playbookId)!
        .phases.flatMap((ph) => ph.steps)
        .find((s) => s.id === stepId)?.control;
    expect(controlOf('lav-adaf-p0-response', 'halt-all')).toEqual({ id: 'halt' });
    expect(controlOf('lav-adaf-market-sentinel-down', 'manual-regime')).toEqual({ id: 'regime-manual' });
    expect(controlOf('lav-adaf-risk-warden-alert-storm', 'reduce-positions')).toEqual({
      id: 'reduce-positions',
    });
    expect(controlOf('lav-adaf-executioner-fill-rate-drop', 'conservative-routing')).toEqual({
      id: 'routing-conservative',
    });
    expect(controlOf('lav-adaf-executioner-fill-rate-drop', 'disable-venue')).toEqual({
      id: 'venue-disable',
      venue: true,
    });
  });

  test('the emergency token stays a shell variable, not a template interpolation', () => {
    const halt = lavAdafPlaybooks[0]!.phases.flatMap((ph) => ph.steps).find((s) => s.id === 'halt-all')!;
    expect(halt.command).toContain('${EMERGENCY_TOKEN}');
  });
});

import { describe, expect, test } from 'vitest';
import { playbookSchema, type Step } from '../playbook.ts';
import { rtesPlaybooks } from './rtes.ts';

const stepIds = (steps: Step[]): string[] =>
  steps.flatMap((s) => [s.id, ...(s.branches ?? []).flatMap((b) => stepIds(b.steps))]);
const allSteps = (steps: Step[]): Step[] =>
  steps.flatMap((s) => [s, ...(s.branches ?? []).flatMap((b) => allSteps(b.steps))]);

describe('rtes playbooks', () => {
  test('every playbook parses with the playbook schema', () => {
    for (const playbook of rtesPlaybooks) {
      expect(() => playbookSchema.parse(playbook), playbook.id).not.toThrow();
      expect(playbook.system).toBe('rtes');
      expect(playbook.id.startsWith('rtes-')).toBe(true);
    }
  });

  test('playbook ids, phase ids and step ids are unique', () => {
    const ids = rtesPlaybooks.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const playbook of rtesPlaybooks) {
      const phases = playbook.phases.map((p) => p.id);
      expect(new Set(phases).size, playbook.id).toBe(phases.length);
      const steps = playbook.phases.flatMap((p) => stepIds(p.steps));
      const dupes = steps.filter((id, i) => steps.indexOf(id) !== i);
      expect(dupes, playbook.id).toEqual([]);
    }
  });

  test('every procedure from issue 6 is present', () => {
    expect(rtesPlaybooks.map((p) => p.id).sort()).toEqual(
      [
        'rtes-p1-critical',
        'rtes-p2-performance-degradation',
        'rtes-p2-memory-leak',
        'rtes-p3-component-failure',
        'rtes-dc-failover',
        'rtes-db-pitr',
        'rtes-communication',
        'rtes-post-incident',
      ].sort(),
    );
  });
  test('controls and verification gates are marked', () => {
    const byId = (id: string) => rtesPlaybooks.find((p) => p.id === id)!;
    const p1 = byId('rtes-p1-critical').phases.flatMap((p) => allSteps(p.steps));
    expect(p1.find((s) => s.id === 'maintenance-mode')?.control).toEqual({ id: 'maintenance-mode' });
    const resumeAt = p1.findIndex((s) => s.control?.id === 'resume');
    expect(resumeAt).toBeGreaterThan(-1);
    expect(p1.slice(0, resumeAt).some((s) => s.verification)).toBe(true);
    for (const id of ['rtes-p2-performance-degradation', 'rtes-dc-failover', 'rtes-db-pitr']) {
      expect(
        byId(id)
          .phases.flatMap((p) => allSteps(p.steps))
          .some((s) => s.verification),
        id,
      ).toBe(true);
    }
  });
});

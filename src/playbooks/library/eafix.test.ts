import { describe, expect, test } from 'vitest';
import { playbookSchema, type Step } from '../playbook.ts';
import { eafixPlaybooks } from './eafix.ts';

const stepIds = (steps: Step[]): string[] =>
  steps.flatMap((s) => [s.id, ...(s.branches ?? []).flatMap((b) => stepIds(b.steps))]);
const allSteps = (steps: Step[]): Step[] =>
  steps.flatMap((s) => [s, ...(s.branches ?? []).flatMap((b) => allSteps(b.steps))]);

describe('eafix playbooks', () => {
  test('every playbook parses with the playbook schema', () => {
    for (const playbook of eafixPlaybooks) {
      expect(() => playbookSchema.parse(playbook), playbook.id).not.toThrow();
      expect(playbook.system).toBe('eafix');
      expect(playbook.id.startsWith('eafix-')).toBe(true);
    }
  });

  test('playbook ids, phase ids and step ids are unique', () => {
    const ids = eafixPlaybooks.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const playbook of eafixPlaybooks) {
      const phases = playbook.phases.map((p) => p.id);
      expect(new Set(phases).size, playbook.id).toBe(phases.length);
      const steps = playbook.phases.flatMap((p) => stepIds(p.steps));
      const dupes = steps.filter((id, i) => steps.indexOf(id) !== i);
      expect(dupes, playbook.id).toEqual([]);
    }
  });

  test('every procedure from issue 6 is present', () => {
    expect(eafixPlaybooks.map((p) => p.id).sort()).toEqual(['eafix-incident-response'].sort());
  });
  test('safety, containment branches, verification and resume are marked', () => {
    const [playbook] = eafixPlaybooks;
    const steps = playbook!.phases.flatMap((p) => allSteps(p.steps));
    expect(steps.find((s) => s.id === 'emergency-stop')?.control).toEqual({ id: 'halt' });
    const contain = steps.find((s) => s.id === 'contain');
    expect(contain?.branches?.map((b) => b.when)).toHaveLength(3);
    const resumeAt = steps.findIndex((s) => s.control?.id === 'resume');
    expect(steps.slice(0, resumeAt).filter((s) => s.verification).length).toBeGreaterThanOrEqual(4);
    expect(playbook!.phases.map((p) => p.id)).toEqual(
      expect.arrayContaining([
        'immediate',
        'triage',
        'investigation',
        'resolution',
        'validation',
        'communication',
      ]),
    );
  });
});

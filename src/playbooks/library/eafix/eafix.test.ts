import { describe, expect, test } from 'vitest';
import { stepsOf } from '../well-formed.ts';
import { eafixPlaybooks } from './index.ts';

describe('eafix playbooks', () => {
  test('safety, containment branches, verification and resume are marked', () => {
    const [playbook] = eafixPlaybooks;
    const steps = stepsOf(playbook!);
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

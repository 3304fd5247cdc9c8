import { describe, expect, test } from 'vitest';
import { stepsOf } from '../well-formed.ts';
import { rtesPlaybooks } from './index.ts';

describe('rtes playbooks', () => {
  test('controls and verification gates are marked', () => {
    const byId = (id: string) => rtesPlaybooks.find((p) => p.id === id)!;
    const p1 = stepsOf(byId('rtes-p1-critical'));
    expect(p1.find((s) => s.id === 'maintenance-mode')?.control).toEqual({ id: 'maintenance-mode' });
    const resumeAt = p1.findIndex((s) => s.control?.id === 'resume');
    expect(resumeAt).toBeGreaterThan(-1);
    expect(p1.slice(0, resumeAt).some((s) => s.verification)).toBe(true);
    for (const id of ['rtes-p2-performance-degradation', 'rtes-dc-failover', 'rtes-db-pitr']) {
      expect(
        stepsOf(byId(id)).some((s) => s.verification),
        id,
      ).toBe(true);
    }
  });
});

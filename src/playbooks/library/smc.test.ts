import { describe, expect, test } from 'vitest';
import { playbookSchema, type Step } from '../playbook.ts';
import { smcPlaybooks } from './smc.ts';

const expectedIds = [
  'smc-p0-complete-outage',
  'smc-p0-security-breach',
  'smc-p0-data-loss',
  'smc-p1-database-performance',
  'smc-p1-exchange-api-failure',
  'smc-p2-websocket-issues',
  'smc-p2-high-api-latency',
  'smc-post-incident',
];

function stepIds(steps: Step[]): string[] {
  return steps.flatMap((s) => [s.id, ...(s.branches ?? []).flatMap((b) => stepIds(b.steps))]);
}

describe('smcPlaybooks', () => {
  test.each(smcPlaybooks.map((p) => [p.id, p] as const))('%s parses with playbookSchema', (_id, playbook) => {
    expect(() => playbookSchema.parse(playbook)).not.toThrow();
  });

  test('playbook ids are unique and prefixed with the system', () => {
    const ids = smcPlaybooks.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of smcPlaybooks) expect(p.id.startsWith(`${p.system}-`)).toBe(true);
  });

  test.each(smcPlaybooks.map((p) => [p.id, p] as const))(
    '%s has unique step and phase ids',
    (_id, playbook) => {
      const steps = playbook.phases.flatMap((ph) => stepIds(ph.steps));
      expect(new Set(steps).size).toBe(steps.length);
      const phases = playbook.phases.map((ph) => ph.id);
      expect(new Set(phases).size).toBe(phases.length);
    },
  );

  test('every procedure from the seed is present', () => {
    expect(smcPlaybooks.map((p) => p.id).sort()).toEqual([...expectedIds].sort());
  });

  test('the P0 outage halts through the Redis key and resumes only after its checks', () => {
    const outage = smcPlaybooks.find((p) => p.id === 'smc-p0-complete-outage')!;
    const steps = outage.phases.flatMap((ph) => ph.steps);
    const halt = steps.find((s) => s.control?.id === 'halt')!;
    expect(halt.command).toContain("r.set('emergency_halt', 'true')");
    expect(halt.command).toContain("r.expire('emergency_halt', 3600)");
    const resumeAt = steps.findIndex((s) => s.control?.id === 'resume');
    expect(steps[resumeAt]!.command).toContain("r.delete('emergency_halt')");
    const checks = steps.flatMap((s, i) => (s.verification ? [i] : []));
    expect(checks.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...checks)).toBeLessThan(resumeAt);
  });

  test('the exchange API failure fails over on the incident venue', () => {
    const pb = smcPlaybooks.find((p) => p.id === 'smc-p1-exchange-api-failure')!;
    const all = pb.phases.flatMap((ph) => stepIds(ph.steps));
    expect(all).toContain('activate-failover');
    const decide = pb.phases[0]!.steps.find((s) => s.id === 'decide')!;
    expect(decide.branches?.[0]?.steps[0]?.control).toEqual({ id: 'venue-failover', venue: true });
  });
});

import { describe, expect, test } from 'vitest';
import { stepsOf } from '../well-formed.ts';
import { smcPlaybooks } from './index.ts';

describe('smcPlaybooks', () => {
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
    const all = stepsOf(pb).map((s) => s.id);
    expect(all).toContain('activate-failover');
    const decide = pb.phases[0]!.steps.find((s) => s.id === 'decide')!;
    expect(decide.branches?.[0]?.steps[0]?.control).toEqual({ id: 'venue-failover', venue: true });
  });
});

import { describe, expect, test } from 'vitest';
import { stepsOf } from '../well-formed.ts';
import { hftPlaybooks } from './index.ts';

describe('HFT playbooks', () => {
  test('the four playbooks the seed only names say so', () => {
    for (const id of [
      'hft-data-corruption',
      'hft-network-failure',
      'hft-trading-anomaly',
      'hft-database-failure',
    ]) {
      const p = hftPlaybooks.find((x) => x.id === id);
      expect(p?.summary, id).toMatch(/seed only names/);
    }
  });

  test('exchange outage branches on the cause and cancels through the venue control', () => {
    const p = hftPlaybooks.find((x) => x.id === 'hft-exchange-outage')!;
    const steps = stepsOf(p);
    const cancel = steps.find((s) => s.control?.id === 'venue-cancel-all');
    expect(cancel?.control).toEqual({ id: 'venue-cancel-all', venue: true });
    expect(cancel?.command).toBe(
      'curl -X POST http://localhost:8080/api/v1/exchanges/<EXCHANGE_NAME>/cancel_all_orders',
    );
    const whens = steps.flatMap((s) => (s.branches ?? []).map((b) => b.when));
    expect(whens).toEqual(['Exchange confirmed down', 'Our connection is the problem']);
    expect(steps.some((s) => s.verification)).toBe(true);
  });

  test('performance degradation has CPU, memory, I/O, network and database branches', () => {
    const p = hftPlaybooks.find((x) => x.id === 'hft-performance-degradation')!;
    for (const ph of ['diagnosis', 'mitigation']) {
      const whens = p.phases
        .find((x) => x.id === ph)!
        .steps.flatMap((s) => (s.branches ?? []).map((b) => b.when));
      for (const kind of [/^CPU/, /^Memory/, /^I\/O/, /^Network/, /^Database/])
        expect(
          whens.some((w) => kind.test(w)),
          `${ph} ${kind}`,
        ).toBe(true);
    }
  });

  test('playbooks that stop trading resume only through the resume control, after verification steps', () => {
    for (const p of hftPlaybooks) {
      const steps = stepsOf(p);
      const stops = steps.some((s) => ['halt', 'kill-switch'].includes(s.control?.id ?? ''));
      if (!stops) continue;
      expect(
        steps.some((s) => s.control?.id === 'resume'),
        p.id,
      ).toBe(true);
      expect(
        steps.some((s) => s.verification),
        p.id,
      ).toBe(true);
    }
  });
});

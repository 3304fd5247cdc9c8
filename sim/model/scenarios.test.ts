import { describe, expect, test } from 'vitest';
import { ScenarioError } from './simulator.ts';
import type { ScenarioStart } from './simulator.ts';
import { harness } from './test-harness.ts';

describe('scenario control', () => {
  test("lists running scenarios with 'normal' first, which cannot be stopped", () => {
    const { sim } = harness();
    expect(sim.scenarios).toEqual(['normal']);
    sim.startScenario({ name: 'security-breach' });
    sim.startScenario({ name: 'error-storm' });
    expect(sim.scenarios).toEqual(['normal', 'error-storm', 'security-breach']);
    sim.stopScenario('normal');
    sim.stopScenario('error-storm');
    sim.stopScenario('error-storm');
    expect(sim.scenarios).toEqual(['normal', 'security-breach']);
  });

  test('refuses bad input with a ScenarioError and changes nothing', () => {
    const { sim } = harness();
    const bad: unknown[] = [
      { name: 'meteor-strike' },
      { name: 'exchange-outage', venueId: 'nyse' },
      { name: 'error-storm', venueId: 'binance' },
      null,
    ];
    for (const start of bad) expect(() => sim.startScenario(start as ScenarioStart)).toThrow(ScenarioError);
    expect(() => sim.stopScenario('meteor-strike' as 'normal')).toThrow(ScenarioError);
    expect(sim.scenarios).toEqual(['normal']);
  });

  test('starting a running scenario again changes nothing (the degradation keeps its course)', () => {
    const h = harness();
    h.sim.startScenario({ name: 'latency-degradation' });
    h.run(15_000);
    h.sim.startScenario({ name: 'latency-degradation' });
    h.run(5_000);
    // Restarted, the p99 would be back near 50 µs; on course, it is near its plateau.
    expect(h.windows().at(-1)?.latencyP99?.value).toBeGreaterThan(150);
    expect(h.sim.scenarios).toEqual(['normal', 'latency-degradation']);
  });
});

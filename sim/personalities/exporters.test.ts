// Every system's /metrics against the model it reads: scraped twice, the counters' growth is
// exactly the windows closed in between (so rate() agrees with the board), the histogram counts
// every order once, and its interpolated p99 lands near the windows' own p99.
import { describe, expect, test } from 'vitest';
import { ManualClock } from '../model/clock.ts';
import { Simulator } from '../model/simulator.ts';
import type { SystemShape } from '../model/simulator.ts';
import type { MetricWindow, StreamEvent } from '../model/types.ts';
import { SIM_METRIC_NAMES, simPrometheus } from '../host/metrics.ts';
import { EAFIX_METRIC_NAMES } from './eafix/metrics.ts';
import { HFT_METRIC_NAMES } from './hft/metrics.ts';
import { exposition } from './kit/prometheus.ts';
import type { TradingMetricNames } from './kit/trading-metrics.ts';
import { LAV_METRIC_NAMES } from './lav-adaf/metrics.ts';
import { PERSONALITIES } from './registry.ts';
import { RTES_METRIC_NAMES } from './rtes/read-mapping.ts';
import { SMC_METRIC_NAMES } from './smc/metrics.ts';
import { parseExposition } from './testing/exposition.ts';
import type { ParsedSample } from './testing/exposition.ts';
import { histogramQuantile } from './testing/histogram-quantile.ts';

const START = Date.UTC(2025, 0, 1);

interface System {
  names: TradingMetricNames;
  shape?: Partial<SystemShape>;
  scrape(sim: Simulator): Promise<string>;
}

function personality(name: keyof typeof PERSONALITIES, names: TradingMetricNames): [string, System] {
  const def = PERSONALITIES[name];
  return [
    name,
    {
      names,
      shape: def.shape,
      async scrape(sim) {
        const runtime = def.create(sim, { env: {} });
        const route = (runtime.routes[def.metricsService] ?? []).find((r) => r.path === '/metrics');
        if (!route) throw new Error(`${name} serves no /metrics on ${def.metricsService}`);
        const reply = await route.handle({
          method: 'GET',
          path: '/metrics',
          params: {},
          query: new URLSearchParams(),
          headers: {},
          body: undefined,
        });
        await runtime.stop?.();
        if (!('text' in reply)) throw new Error('/metrics answered JSON');
        return reply.text;
      },
    },
  ];
}

const SYSTEMS: [string, System][] = [
  [
    'canonical',
    {
      names: SIM_METRIC_NAMES,
      scrape: (sim) => Promise.resolve(exposition(simPrometheus(sim.snapshot(), sim.totals()))),
    },
  ],
  personality('rtes', RTES_METRIC_NAMES),
  personality('hft', HFT_METRIC_NAMES),
  personality('eafix', EAFIX_METRIC_NAMES),
  personality('smc', SMC_METRIC_NAMES),
  personality('lav-adaf', LAV_METRIC_NAMES),
];

const one = (samples: ParsedSample[], name: string, labels: Record<string, string> = {}) =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    ?.value ?? NaN;
const buckets = (samples: ParsedSample[], family: string) =>
  samples
    .filter((s) => s.name === `${family}_bucket`)
    .map((s) => ({ le: s.labels.le === '+Inf' ? Infinity : Number(s.labels.le), count: s.value }));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

describe.each(SYSTEMS)('%s /metrics', (_name, system) => {
  const start = (scenario?: 'latency-degradation') => {
    const clock = new ManualClock(START);
    const sim = new Simulator({ seed: 3, clock, ...(system.shape ? { shape: system.shape } : {}) });
    const windows: MetricWindow[] = [];
    sim.subscribe((e: StreamEvent) => e.type === 'metrics.window' && windows.push(e.window));
    if (scenario) sim.startScenario({ name: scenario });
    const run = (ms: number) => (clock.advance(ms), sim.tick());
    return { sim, windows, run, clock };
  };
  const read = async (sim: Simulator) => parseExposition(await system.scrape(sim));

  test.each([['normal'], ['latency-degradation']] as const)(
    'in %s trading, two scrapes differ by exactly the windows between them',
    async (scenario) => {
      const { sim, windows, run } = start(scenario === 'normal' ? undefined : scenario);
      run(30_250); // mid-window: a scrape sees only closed windows
      const first = await read(sim);
      const before = windows.length;
      run(20_000);
      const second = await read(sim);
      const between = windows.slice(before);
      expect(between).toHaveLength(20);

      const { names } = system;
      const delta = (name: string) => one(second.samples, name) - one(first.samples, name);
      const orders = between.reduce((n, w) => n + w.orders, 0);
      const errors = between.reduce((n, w) => n + w.errors, 0);
      expect(delta(names.orders)).toBe(orders);
      expect(delta(names.errors)).toBe(errors);
      expect(delta(`${names.latency}_count`)).toBe(orders);
      // Throughput by rate(): orders over the 20 s between the scrapes.
      expect(delta(names.orders) / 20).toBeCloseTo(median(between.map((w) => w.throughput)), -2);

      const a = buckets(first.samples, names.latency);
      const b = buckets(second.samples, names.latency);
      expect(b.at(-1)).toEqual({ le: Infinity, count: one(second.samples, `${names.latency}_count`) });
      b.forEach((x, i) => i > 0 && expect(x.count).toBeGreaterThanOrEqual(b[i - 1]?.count ?? 0));
      const increase = b.map((x, i) => ({ le: x.le, count: x.count - (a[i]?.count ?? 0) }));
      // After 30 s a degradation sits on its plateau: every window between has the same p99.
      const p99 = median(between.map((w) => w.latencyP99?.value ?? NaN)) / 1e6;
      expect(Math.abs(histogramQuantile(0.99, increase) / p99 - 1)).toBeLessThan(0.05);
    },
  );

  test('venues, heartbeats and services as the model has them', async () => {
    const { sim, run } = start();
    run(5_000);
    const { samples, types } = await read(sim);
    const s = sim.snapshot();
    const { names } = system;
    expect(types.get(names.latency)).toBe('histogram');
    expect(types.get(names.orders)).toBe('counter');
    for (const service of s.services)
      expect(one(samples, names.up.name, { [names.up.label]: service.id })).toBe(1);
    if (!names.venues) return;
    for (const venue of s.venues) {
      const labels = { [names.venues.label]: venue.id };
      expect(one(samples, names.venues.connected, labels)).toBe(1);
      expect(one(samples, names.venues.heartbeat, labels) * 1000).toBe(
        Date.parse(venue.lastMarketDataAt ?? ''),
      );
    }
  });
});

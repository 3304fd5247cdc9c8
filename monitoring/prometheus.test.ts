// A real Prometheus scraping real personality processes every second: its p99 (histogram_quantile
// over one-minute rates of the latency buckets) and its error rate (a ratio of rates) agree with
// the simulator's own per-window figures, in normal trading and on the latency-degradation
// plateau; and the shipped rule (its `for` shortened, see withShortFor) fires and reaches
// Alertmanager. Skips, saying so, when Prometheus or Alertmanager is not installed.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseExposition } from '../sim/personalities/testing/exposition.ts';
import {
  TEST_TIMEOUT_MS,
  drill,
  personalityFactory,
  request,
  waitFor,
} from '../sim/personalities/testing/personality-process.ts';
import type { RunningPersonality } from '../sim/personalities/testing/personality-process.ts';
import { RULES_DIR } from './stack.ts';
import {
  alertmanagerAlerts,
  missingBinaries,
  monitoringFactory,
  queryValue,
  querySamples,
  withShortFor,
} from './testing/prometheus-process.ts';

/** p99, relative: the pooled quantile of the buckets against the median of the one-second windows (measured: under 2 %). */
const P99_TOLERANCE = 0.05;
/** Error rate, absolute: both count the same windows' orders (measured: equal). */
const ERROR_RATE_TOLERANCE = 0.0001;

interface NativeWindow {
  /** Simulated epoch ms. */
  end: number;
  p99Us: number;
  orders: number;
  errors: number;
}

/** What each system says itself about its windows, through its own API. */
const NATIVE: Record<'rtes' | 'hft', (p: RunningPersonality) => Promise<NativeWindow[]>> = {
  // RTES serves only the last window: each read adds one.
  async rtes(p) {
    const { samples } = parseExposition((await request(`${p.main}/metrics`)).text);
    const value = (name: string) => samples.find((s) => s.name === name)?.value ?? NaN;
    const orders = value('rtes_throughput_orders_per_second');
    return [
      {
        end: value('rtes_window_end_timestamp_seconds') * 1000,
        p99Us: value('rtes_latency_us'),
        orders,
        errors: Math.round(value('rtes_error_rate') * orders),
      },
    ];
  },
  async hft(p) {
    const body = (await request(`${p.main}/api/v1/metrics?history=120`)).body as {
      history: { window_end_us: number; latency_p99_ms: number; orders: number; errors: number }[];
    };
    return body.history.map((w) => ({
      end: w.window_end_us / 1000,
      p99Us: w.latency_p99_ms * 1000,
      orders: w.orders,
      errors: w.errors,
    }));
  },
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const missing = missingBinaries();

describe.skipIf(missing.length > 0)(
  `Prometheus and Alertmanager over the simulator (${missing.join(', ') || 'installed'})`,
  () => {
    const start = personalityFactory();
    const monitoring = monitoringFactory();

    test(
      'p99 and error rate through Prometheus agree with the simulator; the shipped rule fires into Alertmanager',
      async () => {
        const systems = ['rtes', 'hft'] as const;
        const runs = await Promise.all(
          systems.flatMap((system) =>
            (['normal', 'latency-degradation'] as const).map(async (scenario) => {
              const p = await start(system, scenario === 'normal' ? [] : ['--scenario', scenario]);
              // Onto the plateau before the first scrape: every window Prometheus sees is degraded.
              if (scenario !== 'normal') await drill(p, 'POST', '/clock', { advanceMs: 60_000 });
              const state = (await drill(p, 'GET', '/state')) as { now: string };
              const offsetMs = Date.parse(state.now) - Date.now();
              return {
                system,
                scenario,
                p,
                offsetMs,
                job: `${system}-${scenario}`,
                windows: new Map<number, NativeWindow>(),
              };
            }),
          ),
        );
        const rules = await withShortFor(systems.map((s) => join(RULES_DIR, `${s}.rules.yml`)));
        const stack = await monitoring({
          ruleFiles: rules,
          targets: runs.map((r) => ({
            job: r.job,
            address: new URL(r.p.main).host,
            system: r.system,
          })),
        });
        const prom = stack.prometheusUrl;

        // Ten scrapes of each, the natives read all the while.
        await waitFor(
          'ten scrapes of every target',
          async () => {
            for (const r of runs) for (const w of await NATIVE[r.system](r.p)) r.windows.set(w.end, w);
            const counts = await Promise.all(
              runs.map((r) =>
                queryValue(prom, `count_over_time(${r.system}_orders_total{job="${r.job}"}[1m])`),
              ),
            );
            return counts.every((n) => (n ?? 0) >= 10) ? true : undefined;
          },
          30_000,
        );

        for (const r of runs) {
          const sel = `{job="${r.job}"}`;
          const p99 = await queryValue(
            prom,
            `histogram_quantile(0.99, sum by (le) (rate(${r.system}_order_latency_seconds_bucket${sel}[1m])))`,
          );
          const errorsName = r.system === 'rtes' ? 'rtes_errors_total' : 'hft_order_errors_total';
          const errorRate = await queryValue(
            prom,
            `sum(rate(${errorsName}${sel}[1m])) / sum(rate(${r.system}_orders_total${sel}[1m]))`,
          );
          // The windows between the first and the last scrape in the range, on the simulator's clock.
          const scrapes = await querySamples(prom, `${r.system}_orders_total${sel}[1m]`);
          const from = (scrapes[0]?.[0] ?? 0) * 1000 + r.offsetMs;
          const to = (scrapes.at(-1)?.[0] ?? 0) * 1000 + r.offsetMs;
          for (const w of await NATIVE[r.system](r.p)) r.windows.set(w.end, w);
          const between = [...r.windows.values()].filter((w) => w.end > from && w.end <= to);
          const nativeP99 = median(between.map((w) => w.p99Us)) / 1e6;
          const orders = between.reduce((n, w) => n + w.orders, 0);
          const nativeErrorRate = between.reduce((n, w) => n + w.errors, 0) / orders;
          const report = `${r.job}: Prometheus p99 ${p99} s, error rate ${errorRate}; simulator p99 ${nativeP99} s, error rate ${nativeErrorRate} over ${between.length} windows`;
          console.log(report);
          expect(between.length, report).toBeGreaterThanOrEqual(5);
          expect(Math.abs((p99 ?? NaN) / nativeP99 - 1), report).toBeLessThan(P99_TOLERANCE);
          expect(Math.abs((errorRate ?? NaN) - nativeErrorRate), report).toBeLessThan(ERROR_RATE_TOLERANCE);
        }

        // The degraded systems are past their critical levels: the shipped rules fire, and
        // Prometheus hands the alerts to Alertmanager; the warnings' twins too, nothing else.
        const fired = await waitFor(
          'the critical latency alerts in Alertmanager',
          async () => {
            const alerts = await alertmanagerAlerts(stack.alertmanagerUrl);
            const names = new Set(alerts.map((a) => a.labels.alertname));
            return names.has('RtesLatencyP99Critical') && names.has('HftLatencyCritical')
              ? alerts
              : undefined;
          },
          20_000,
        );
        const rtes = fired.find((a) => a.labels.alertname === 'RtesLatencyP99Critical');
        expect(rtes?.labels).toMatchObject({ severity: 'critical', system: 'rtes' });
        expect(rtes?.annotations.summary).toBe('RTES order latency p99 above 100 µs');
        expect(rtes?.status.state).toBe('active');
        const names = fired.map((a) => a.labels.alertname);
        expect(names).not.toContain('RtesErrorRateCritical');
        expect(names).not.toContain('HftMarketDataStale');
      },
      TEST_TIMEOUT_MS + 30_000,
    );
  },
);
if (missing.length > 0) console.warn(`skipping the Prometheus tests: ${missing.join(', ')} not installed`);

// Prometheus and Alertmanager for tests: started per test through monitoring/stack.ts and
// stopped after it, whatever happens; rule files rewritten with `for` shortened so a real
// Prometheus can show a shipped rule firing within seconds; instant queries read as numbers.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach } from 'vitest';
import { parse, stringify } from 'yaml';
import { startMonitoring } from '../stack.ts';
import type { MonitoringOptions, MonitoringStack } from '../stack.ts';

export { missingBinaries } from '../stack.ts';

/** Registers the afterEach that stops what a test started; returns the starter. */
export function monitoringFactory(): (options: MonitoringOptions) => Promise<MonitoringStack> {
  const running: MonitoringStack[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((stack) => stack.stop()));
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async (options) => {
    const stack = await startMonitoring(options);
    running.push(stack);
    return stack;
  };
}

interface RuleFile {
  groups: { name: string; rules: { alert?: string; for?: string }[] }[];
}

/**
 * Copies of the shipped rule files with every `for` set to `shortFor`, in a temporary folder
 * removed when the process ends: the expressions and thresholds are the shipped ones, only the
 * wait differs (promtool's tests cover the shipped durations on virtual time).
 */
export async function withShortFor(files: readonly string[], shortFor = '0s'): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'warroom-rules-'));
  process.once('exit', () => void rm(dir, { recursive: true, force: true }));
  return Promise.all(
    files.map(async (file) => {
      const rules = parse(await readFile(file, 'utf8')) as RuleFile;
      for (const group of rules.groups) for (const rule of group.rules) if (rule.for) rule.for = shortFor;
      const out = join(dir, basename(file));
      await writeFile(out, stringify(rules));
      return out;
    }),
  );
}

interface VectorSample {
  metric: Record<string, string>;
  value: [number, string];
}
interface MatrixSeries {
  metric: Record<string, string>;
  values: [number, string][];
}

async function api<T>(prometheusUrl: string, query: string): Promise<T> {
  const url = `${prometheusUrl}/api/v1/query?query=${encodeURIComponent(query)}`;
  const answer = await fetch(url, { signal: AbortSignal.timeout(5000) });
  const body = (await answer.json()) as { status: string; error?: string; data: { result: T } };
  if (body.status !== 'success') throw new Error(`${query}: ${body.error ?? answer.status}`);
  return body.data.result;
}

/** An instant query's single value; undefined when the result is empty (or NaN). */
export async function queryValue(prometheusUrl: string, query: string): Promise<number | undefined> {
  const result = await api<VectorSample[]>(prometheusUrl, query);
  const value = result[0] ? Number(result[0].value[1]) : NaN;
  return Number.isNaN(value) ? undefined : value;
}

/** A range selector's raw samples (`metric[1m]`) of its first series: [unix seconds, value]. */
export async function querySamples(prometheusUrl: string, selector: string): Promise<[number, number][]> {
  const result = await api<MatrixSeries[]>(prometheusUrl, selector);
  return (result[0]?.values ?? []).map(([t, v]) => [t, Number(v)]);
}

export interface AmAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  fingerprint: string;
  status: { state: string };
}

export async function alertmanagerAlerts(alertmanagerUrl: string): Promise<AmAlert[]> {
  const answer = await fetch(`${alertmanagerUrl}/api/v2/alerts`, { signal: AbortSignal.timeout(5000) });
  return (await answer.json()) as AmAlert[];
}

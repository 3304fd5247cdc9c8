// Debian's Prometheus and Alertmanager as child processes on loopback: a generated config that
// scrapes the given targets and evaluates the given rule files at one interval, an Alertmanager
// beside it without clustering, temporary storage for both, ready once both answer /-/ready.
// Used by the tests (through testing/prometheus-process.ts) and by `npm start`; knows no vitest.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

export const PROMETHEUS_BIN = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
export const ALERTMANAGER_BIN = process.env.ALERTMANAGER_BIN ?? '/usr/bin/prometheus-alertmanager';
export const PROMTOOL_BIN = process.env.PROMTOOL_BIN ?? '/usr/bin/promtool';

export const MONITORING_DIR = fileURLToPath(new URL('.', import.meta.url));
export const RULES_DIR = join(MONITORING_DIR, 'rules');
export const ALERTMANAGER_CONFIG = join(MONITORING_DIR, 'alertmanager.yml');

/** The binaries that are missing (empty when all are installed). */
export function missingBinaries(bins = [PROMETHEUS_BIN, ALERTMANAGER_BIN]): string[] {
  return bins.filter((bin) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).status !== 0);
}

export interface ScrapeTarget {
  /** The scrape job's name. */
  job: string;
  /** host:port */
  address: string;
  /** The `system` label the shipped rules select by (rtes, hft, eafix, smc, lav-adaf, sim). */
  system: string;
  path?: string;
}

export interface MonitoringOptions {
  targets: readonly ScrapeTarget[];
  /** Rule files (absolute paths). */
  ruleFiles: readonly string[];
  /** 0 or absent: a free port. */
  prometheusPort?: number;
  alertmanagerPort?: number;
  /** Scrape and evaluation interval, seconds (default 1). */
  intervalS?: number;
  /** Where each process's output goes, line by line (default: kept for failure messages only). */
  log?: (source: 'prometheus' | 'alertmanager', line: string) => void;
}

export interface MonitoringStack {
  prometheusUrl: string;
  alertmanagerUrl: string;
  /** Stops both (SIGTERM, then SIGKILL after 5 s) and removes their storage. */
  stop(): Promise<void>;
}

export function prometheusConfig(options: MonitoringOptions, alertmanager: string): string {
  const interval = `${options.intervalS ?? 1}s`;
  return stringify({
    global: { scrape_interval: interval, evaluation_interval: interval, scrape_timeout: interval },
    rule_files: options.ruleFiles,
    alerting: { alertmanagers: [{ static_configs: [{ targets: [alertmanager] }] }] },
    scrape_configs: options.targets.map((t) => ({
      job_name: t.job,
      metrics_path: t.path ?? '/metrics',
      static_configs: [{ targets: [t.address], labels: { system: t.system } }],
    })),
  });
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, output: () => string, timeoutMs = 20_000) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited (code ${child.exitCode}) before ready: ${output()}`);
    try {
      const answer = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) });
      if (answer.ok) return;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`not ready after ${timeoutMs} ms: ${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => (clearTimeout(force), done()));
    child.kill('SIGTERM');
  });
}

function launch(
  name: 'prometheus' | 'alertmanager',
  bin: string,
  args: string[],
  log: MonitoringOptions['log'],
) {
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const take = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-4000); // the tail, for a failure message
    if (log) for (const line of text.split('\n')) if (line) log(name, line);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  return { child, output: () => output };
}

/** Starts Alertmanager, then Prometheus pointing at it; resolves once both are ready. */
export async function startMonitoring(options: MonitoringOptions): Promise<MonitoringStack> {
  const dir = await mkdtemp(join(tmpdir(), 'warroom-monitoring-'));
  const amPort = options.alertmanagerPort || (await freePort());
  const promPort = options.prometheusPort || (await freePort());
  const alertmanagerUrl = `http://127.0.0.1:${amPort}`;
  const prometheusUrl = `http://127.0.0.1:${promPort}`;
  const configFile = join(dir, 'prometheus.yml');
  await writeFile(
    configFile,
    prometheusConfig(
      { ...options, ruleFiles: options.ruleFiles.map((f) => resolve(f)) },
      `127.0.0.1:${amPort}`,
    ),
  );
  const started: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(started.map(stopChild));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const am = launch(
      'alertmanager',
      ALERTMANAGER_BIN,
      [
        `--config.file=${ALERTMANAGER_CONFIG}`,
        `--storage.path=${join(dir, 'alertmanager')}`,
        `--web.listen-address=127.0.0.1:${amPort}`,
        '--cluster.listen-address=',
      ],
      options.log,
    );
    started.push(am.child);
    const prom = launch(
      'prometheus',
      PROMETHEUS_BIN,
      [
        `--config.file=${configFile}`,
        `--storage.tsdb.path=${join(dir, 'prometheus')}`,
        `--web.listen-address=127.0.0.1:${promPort}`,
      ],
      options.log,
    );
    started.push(prom.child);
    await waitReady(alertmanagerUrl, am.child, am.output);
    await waitReady(prometheusUrl, prom.child, prom.output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { prometheusUrl, alertmanagerUrl, stop };
}

// Which processes `npm start` (and the end-to-end tests) run for WARROOM_SYSTEM: for each chosen
// system, its simulator — the canonical one, or a seed system's personality on its own block of
// ports — and the environment its profile reads (service URLs, shared secrets), so that the
// war-room server's connector finds it. One place, so the start script and the tests agree.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { RULES_DIR } from '../monitoring/stack.ts';
import type { ScrapeTarget } from '../monitoring/stack.ts';
import { PERSONALITIES } from '../sim/personalities/registry.ts';

export const SYSTEM_CHOICES = ['sim', 'hft', 'rtes', 'eafix', 'smc', 'lav-adaf'] as const;
export type SystemChoice = (typeof SYSTEM_CHOICES)[number];
/** When WARROOM_SYSTEM is unset: the canonical simulator, which offers every control. */
export const DEFAULT_SYSTEM: SystemChoice = 'sim';

export interface SystemLaunch {
  system: SystemChoice;
  profile: string;
  /** Arguments for sim/host/main.ts (a Redis URL is added for SMC). */
  simArgs: string[];
  /** The simulator's own environment (a token it checks). */
  simEnv: Record<string, string>;
  /** What the profile reads from the environment: the URLs of the system's services, secrets. */
  profileEnv: Record<string, string>;
  /** The port of drill control (/__sim) and of the first service. */
  mainPort: number;
  needsRedis: boolean;
  /** Prometheus and Alertmanager for this system, on its block of ports (see planMonitoring). */
  monitoring: MonitoringLaunch;
}

export interface MonitoringLaunch {
  /** Whether the profile reads Prometheus or Alertmanager (a `prometheus:` or `alertmanager:` connection). */
  profileWantsIt: boolean;
  prometheusPort: number;
  alertmanagerPort: number;
  /** The system's /metrics. */
  target: ScrapeTarget;
  /** The shipped rules for this system (none for the canonical simulator). */
  ruleFiles: string[];
  /** For the war-room server once they run: PROMETHEUS_URL_<SYSTEM>, ALERTMANAGER_URL_<SYSTEM>. */
  env: Record<string, string>;
}

/** PROMETHEUS_URL_LAV_ADAF and the like: the system's name upper-cased, `-` as `_`. */
export function monitoringVariables(system: SystemChoice): { prometheus: string; alertmanager: string } {
  const suffix = system.toUpperCase().replace(/-/g, '_');
  return { prometheus: `PROMETHEUS_URL_${suffix}`, alertmanager: `ALERTMANAGER_URL_${suffix}` };
}

/** Whether any read of the profile is PromQL or Alertmanager's alerts. */
function readsMonitoring(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  if ('promql' in node || 'alertmanager' in node) return true;
  return Object.values(node).some(readsMonitoring);
}

/** Prometheus on the block's +7, Alertmanager on +8 (SMC's Redis has +9). */
function planMonitoring(system: SystemChoice, basePort: number, metricsPort: number, profile: string) {
  const document = parseYaml(readFileSync(profile, 'utf8'), { merge: true }) as Record<string, unknown>;
  const prometheusPort = basePort + 7;
  const alertmanagerPort = basePort + 8;
  const names = monitoringVariables(system);
  return {
    profileWantsIt: readsMonitoring(document),
    prometheusPort,
    alertmanagerPort,
    target: { job: system, address: `127.0.0.1:${metricsPort}`, system },
    ruleFiles: system === 'sim' ? [] : [join(RULES_DIR, `${system}.rules.yml`)],
    env: {
      [names.prometheus]: `http://127.0.0.1:${prometheusPort}`,
      [names.alertmanager]: `http://127.0.0.1:${alertmanagerPort}`,
    },
  };
}

export type SystemSelection = { ok: true; systems: SystemChoice[] } | { ok: false; error: string };

/** WARROOM_SYSTEM: one name, several separated by commas, or `all`. */
export function selectSystems(raw: string | undefined): SystemSelection {
  const text = (raw ?? '').trim();
  if (text === '') return { ok: true, systems: [DEFAULT_SYSTEM] };
  if (text === 'all') return { ok: true, systems: SYSTEM_CHOICES.filter((s) => s !== 'sim') };
  const names = text.split(',').map((s) => s.trim());
  const unknown = names.filter((n) => !(SYSTEM_CHOICES as readonly string[]).includes(n));
  if (unknown.length > 0)
    return {
      ok: false,
      error: `WARROOM_SYSTEM: unknown ${unknown.join(', ')} (choose ${SYSTEM_CHOICES.join(', ')} or all)`,
    };
  return { ok: true, systems: [...new Set(names)] as SystemChoice[] };
}

/** The environment variable each http service's URL comes from, as the profile names it. */
function urlVariables(profile: string): Record<string, string> {
  const document = parseYaml(readFileSync(profile, 'utf8'), { merge: true }) as {
    http?: Record<string, { url?: unknown }>;
  };
  return Object.fromEntries(
    Object.entries(document.http ?? {}).flatMap(([name, service]) => {
      const url = service.url as { env?: string } | string | undefined;
      return typeof url === 'object' && url?.env ? [[name, url.env]] : [];
    }),
  );
}

/**
 * One system's launch on its block of ports, starting at `basePort`: the main service there, the
 * others after it, in the order the personality declares them.
 */
export function planLaunch(
  system: SystemChoice,
  basePort: number,
  seed: string,
  drill = false,
): SystemLaunch {
  const profile = `profiles/${system}.yaml`;
  const variables = urlVariables(profile);
  const common = ['--seed', seed, ...(drill ? ['--drill'] : [])];
  if (system === 'sim') {
    // The canonical simulator checks an operator token; the connector holds it, never a browser.
    const token = randomBytes(18).toString('base64url');
    return {
      system,
      profile,
      simArgs: ['sim/host/main.ts', '--port', String(basePort), ...common],
      simEnv: { WARROOM_SIM_OPERATORS: `war-room:${token}` },
      profileEnv: {
        [variables.api ?? 'WARROOM_SIM_URL']: `http://127.0.0.1:${basePort}`,
        WARROOM_SIM_TOKEN: token,
      },
      mainPort: basePort,
      needsRedis: false,
      monitoring: planMonitoring(system, basePort, basePort, profile),
    };
  }
  const def = PERSONALITIES[system];
  if (!def) throw new Error(`no simulator personality "${system}"`);
  const ports = Object.fromEntries(def.services.map((s, i) => [s.name, basePort + i]));
  const serviceArgs = def.services.slice(1).flatMap((s) => ['--service-port', `${s.name}=${ports[s.name]}`]);
  const profileEnv: Record<string, string> = {};
  for (const [name, variable] of Object.entries(variables))
    if (ports[name] !== undefined) profileEnv[variable] = `http://127.0.0.1:${ports[name]}`;
  const simEnv: Record<string, string> = {};
  if (system === 'lav-adaf') {
    // The Executioner's emergency token: the system and the connector share it; no browser sees it.
    const token = randomBytes(18).toString('base64url');
    simEnv.EMERGENCY_TOKEN = token;
    profileEnv.EMERGENCY_TOKEN = token;
  }
  return {
    system,
    profile,
    simArgs: [
      'sim/host/main.ts',
      '--personality',
      system,
      '--port',
      String(basePort),
      ...serviceArgs,
      ...common,
    ],
    simEnv,
    profileEnv,
    mainPort: basePort,
    needsRedis: system === 'smc',
    monitoring: planMonitoring(system, basePort, ports[def.metricsService] ?? basePort, profile),
  };
}

/** Blocks of 10 ports from `basePort`, one per chosen system, in the order chosen. */
export function planLaunches(
  systems: readonly SystemChoice[],
  basePort: number,
  seed: string,
  drill = false,
): SystemLaunch[] {
  return systems.map((system, i) => planLaunch(system, basePort + i * 10, seed, drill));
}

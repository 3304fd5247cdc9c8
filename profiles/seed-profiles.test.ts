// Each seed system's profile against its simulator personality, as real processes over real
// HTTP: every section the system offers is populated, the others say so, every remote control
// it offers goes through its native endpoint and is CONFIRMED by what the system shows, and
// every control it offers only by hand carries its exact command.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import type { ControlId, Snapshot } from '../contract/schemas.ts';
import { SystemConnector } from '../connector/engine/system-connector.ts';
import { loadProfileFile } from '../connector/profile/load.ts';
import type { Profile } from '../connector/profile/schema.ts';
import { personalityFactory } from '../sim/personalities/testing/personality-process.ts';
import type { RunningPersonality } from '../sim/personalities/testing/personality-process.ts';
import { TEST_TIMEOUT_MS, waitFor } from '../http-kit/testing/wait.ts';
import { HAS_REDIS, redisFactory } from '../sim/personalities/testing/redis-server.ts';
import { RULES_DIR } from '../monitoring/stack.ts';
import { missingBinaries, monitoringFactory } from '../monitoring/testing/prometheus-process.ts';

export interface SeedCase {
  profile: string;
  personality: string;
  /** Extra environment for both (a token the system and its profile share). */
  env?: Record<string, string>;
  /** What the system needs beside it (SMC's Redis): arguments for it, environment for its profile. */
  prepare?: () => Promise<{ args: string[]; env: Record<string, string> }>;
  /**
   * What reads it once it runs (RTES's Prometheus and Alertmanager, scraping it): environment
   * for its profile.
   */
  beside?: (running: RunningPersonality) => Promise<Record<string, string>>;
  /** Why this system cannot be tested here (a part it needs is not installed). */
  skip?: string;
  /** What this system in particular offers, does not offer, and shows. */
  check: (snapshot: Snapshot) => void;
}

const PARAMS: Partial<Record<ControlId, Record<string, unknown>>> = {
  'reduce-positions': { reductionPct: 0.5, timeframeS: 300 },
  'venue-disable': { durationS: 3600 },
  'routing-conservative': { timeoutS: 60 },
  'regime-manual': { regime: 'NORMAL_EXPANSION', durationS: 3600 },
};

/** Venue controls first, then the trading state: halt, reduce, resume, and the kill switch last. */
const ORDER: ControlId[] = [
  'venue-cancel-all',
  'venue-reconnect',
  'venue-disable',
  'venue-failover',
  'routing-conservative',
  'regime-manual',
  'maintenance-mode',
  'halt',
  'resume',
  'reduce-positions',
  'kill-switch',
];

/** What the registry's declarations read as done, on the snapshot the connector serves. */
function effectShown(id: ControlId, s: Snapshot, venueId: string): boolean {
  const venue = s.venues.find((v) => v.id === venueId);
  switch (id) {
    case 'kill-switch':
      return s.tradingState.state === 'KILLED';
    case 'halt':
      return s.tradingState.state === 'HALTED';
    case 'resume':
      return s.tradingState.state === 'ACTIVE';
    case 'reduce-positions':
      return s.tradingState.state === 'REDUCING';
    case 'venue-cancel-all':
      return venue?.openOrders === 0;
    case 'venue-disable':
      return venue?.enabled === false;
    case 'venue-reconnect':
      return venue?.connection === 'CONNECTED';
    default:
      return false;
  }
}

/** The profile's http services pointed at the personality's, by name, through their env vars. */
function envFor(profile: Profile, running: RunningPersonality): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, service] of Object.entries(profile.http))
    if (typeof service.url !== 'string' && running.services[name])
      env[service.url.env] = running.services[name];
  return env;
}

export function describeSeedProfile(seed: SeedCase): void {
  const start = personalityFactory(seed.env ?? {});
  let connector: SystemConnector | null = null;
  afterEach(async () => {
    await connector?.stop();
    connector = null;
  });

  if (seed.skip) console.warn(`profiles/${seed.profile} skipped: ${seed.skip}`);
  describe.skipIf(seed.skip !== undefined)(
    `profiles/${seed.profile} against the ${seed.personality} personality`,
    { timeout: TEST_TIMEOUT_MS * 2 },
    () => {
      test('every section offered is populated, and every remote control confirmed through its native endpoint', async () => {
        const file = fileURLToPath(new URL(`./${seed.profile}`, import.meta.url));
        const first = loadProfileFile(file, { ...process.env, ...seed.env });
        // Parsed once without the URLs to learn the env var names, then loaded for real.
        const draft = first.ok ? first.loaded.profile : null;
        const extra = (await seed.prepare?.()) ?? { args: [], env: {} };
        const running = await start(seed.personality, extra.args);
        const besides = (await seed.beside?.(running)) ?? {};
        const loaded = loadProfileFile(file, {
          ...process.env,
          ...seed.env,
          ...extra.env,
          ...besides,
          ...(draft ? envFor(draft, running) : {}),
        });
        if (!loaded.ok) throw new Error(loaded.error);
        connector = new SystemConnector({ loaded: loaded.loaded });
        connector.start();
        const c = connector;
        const info = c.info;
        const offered = (section: string) => !info.notOffered?.some((n) => n.section === section);

        const snapshot = await waitFor('every offered section read', () => {
          const s = c.reachable ? c.snapshot() : null;
          if (!s) return undefined;
          const ready =
            (!offered('services') || s.services.length > 0) &&
            (!offered('venues') || s.venues.length > 0) &&
            (!offered('metrics') || s.metrics.windows.length > 0) &&
            (!offered('positions') || s.positions.length > 0);
          return ready ? s : undefined;
        });
        expect(snapshot.problems).toEqual([]);
        for (const n of info.notOffered ?? []) expect(n.reason).toMatch(/\w/);
        for (const m of info.manualControls ?? []) expect(m.command.trim()).not.toBe('');
        seed.check(snapshot);

        const venueId = snapshot.venues[0]?.id ?? '';
        const remote = ORDER.filter((id) => info.controls.includes(id));
        for (const [i, controlId] of remote.entries()) {
          const venueScoped = controlId.startsWith('venue-');
          const outcome = await c.command({
            key: `key-seed-${i}-${controlId}`,
            controlId,
            venueId: venueScoped ? venueId : undefined,
            params: PARAMS[controlId],
            reason: `seed profile test: ${controlId}`,
            operator: 'dana',
          });
          expect(outcome, controlId).toMatchObject({ kind: 'executed' });
          if (info.unconfirmable?.includes(controlId)) continue;
          await waitFor(`${controlId} shown by the system`, () => {
            const s = c.snapshot();
            return s && effectShown(controlId, s, venueId) ? true : undefined;
          });
        }
      });
    },
  );
}

describeSeedProfile({
  profile: 'hft.yaml',
  personality: 'hft',
  check: ({ system, metrics, venues }) => {
    expect(system.controls.sort()).toEqual([
      'kill-switch',
      'venue-cancel-all',
      'venue-disable',
      'venue-reconnect',
    ]);
    expect(system.unconfirmable).toEqual([]);
    expect(system.manualControls?.map((m) => m.controlId)).toEqual(['halt', 'resume']);
    expect(system.notOffered).toEqual([]);
    // Milliseconds on the wire, the unit that reads best on the board.
    expect(metrics.windows.at(-1)?.latencyP99?.unit).toMatch(/^(us|ms)$/);
    expect(venues.map((v) => v.id)).toContain('binance');
    expect(system.thresholds?.latencyP99.critical).toEqual({ value: 10, unit: 'ms' });
    expect(system.incidents).toMatchObject({ scheme: 'SEV1-SEV4', playbooks: 'hft' });
    expect(system.incidents?.severities[0]).toEqual({
      acknowledgeMs: 300_000,
      respondMs: 300_000,
      updateEveryMs: 900_000,
      escalateAfterMs: null,
    });
    expect(system.incidents?.severities[3]?.respondMs).toBe('none');
  },
});

const startMonitoring = monitoringFactory();
const monitoringMissing = missingBinaries();

describeSeedProfile({
  profile: 'rtes.yaml',
  personality: 'rtes',
  // Its latency and errors come from Prometheus scraping it, its alerts from Alertmanager.
  beside: async (running) => {
    const stack = await startMonitoring({
      targets: [{ job: 'rtes', address: new URL(running.services.api ?? running.main).host, system: 'rtes' }],
      ruleFiles: [join(RULES_DIR, 'rtes.rules.yml')],
    });
    return { PROMETHEUS_URL_RTES: stack.prometheusUrl, ALERTMANAGER_URL_RTES: stack.alertmanagerUrl };
  },
  skip:
    monitoringMissing.length > 0
      ? `${monitoringMissing.join(' and ')} not installed (npm test installs them)`
      : undefined,
  check: ({ system, services, metrics }) => {
    expect(system.controls).toEqual([]);
    expect(system.notOffered?.map((n) => n.section).sort()).toEqual(['positions', 'venues']);
    expect(system.manualControls).toContainEqual(
      expect.objectContaining({
        controlId: 'halt',
        command: './scripts/emergency_response.sh --incident-type system_down',
      }),
    );
    expect(services.map((s) => s.id)).toEqual(expect.arrayContaining(['matching_engine', 'engine-port']));
    expect(services.find((s) => s.id === 'engine-port')?.health).toBe('UP');
    expect(metrics.windows.at(-1)?.latencyP99?.unit).toBe('us');
  },
});

describeSeedProfile({
  profile: 'eafix.yaml',
  personality: 'eafix',
  check: ({ system, services, positions }) => {
    expect(system.controls).toEqual(['halt']);
    expect(system.unconfirmable).toEqual([]);
    expect(system.manualControls?.map((m) => m.controlId)).toEqual(['resume']);
    // Its six services, each judged by its own /healthz.
    expect(services.map((s) => s.id)).toEqual([
      'gui-gateway',
      'data-ingestor',
      'indicator-engine',
      'signal-generator',
      'risk-manager',
      'execution-engine',
    ]);
    expect(positions.every((p) => p.symbol !== '')).toBe(true);
  },
});

const startRedis = redisFactory();

describeSeedProfile({
  profile: 'smc.yaml',
  personality: 'smc',
  skip: HAS_REDIS ? undefined : 'redis-server is not installed (npm test installs it)',
  prepare: async () => {
    const redis = await startRedis();
    return { args: ['--redis', redis.url], env: { SMC_REDIS_URL: redis.url } };
  },
  check: ({ system, services }) => {
    expect(system.controls.sort()).toEqual(['halt', 'resume']);
    expect(system.unconfirmable).toEqual([]);
    expect(system.manualControls?.map((m) => m.controlId)).toEqual(['venue-failover']);
    expect(services.map((s) => s.id)).toEqual(
      expect.arrayContaining(['redis-halt-watch', 'binance-api', 'bybit-api']),
    );
  },
});

describeSeedProfile({
  profile: 'lav-adaf.yaml',
  personality: 'lav-adaf',
  env: { EMERGENCY_TOKEN: 'lav-emergency-token-for-tests' },
  check: ({ system, services, venues }) => {
    expect(system.controls.sort()).toEqual([
      'halt',
      'reduce-positions',
      'regime-manual',
      'routing-conservative',
      'venue-disable',
    ]);
    // Nothing on the board shows a routing mode or a regime: sent, never confirmed.
    expect(system.unconfirmable?.sort()).toEqual(['regime-manual', 'routing-conservative']);
    expect(system.manualControls?.map((m) => m.controlId)).toEqual(['resume']);
    expect(services.map((s) => s.id)).toEqual([
      'market-sentinel',
      'risk-warden',
      'executioner',
      'postgres-pool',
    ]);
    expect(venues.length).toBeGreaterThan(0);
  },
});

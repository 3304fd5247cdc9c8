import { describe, expect, test } from 'vitest';
import { playbookLibrary, suggestPlaybook } from './index.ts';
import { libraryProblems, stepsOf } from './well-formed.ts';

// Issue 6 lists every procedure the library must hold; one id each.
const required = {
  rtes: [
    'rtes-p1-critical',
    'rtes-p2-performance-degradation',
    'rtes-p2-memory-leak',
    'rtes-p3-component-failure',
    'rtes-dc-failover',
    'rtes-db-pitr',
    'rtes-communication',
    'rtes-post-incident',
  ],
  eafix: ['eafix-incident-response'],
  smc: [
    'smc-p0-complete-outage',
    'smc-p0-security-breach',
    'smc-p0-data-loss',
    'smc-p1-database-performance',
    'smc-p1-exchange-api-failure',
    'smc-p2-websocket-issues',
    'smc-p2-high-api-latency',
    'smc-post-incident',
  ],
  'lav-adaf': [
    'lav-adaf-p0-response',
    'lav-adaf-p1-response',
    'lav-adaf-market-sentinel-down',
    'lav-adaf-risk-warden-alert-storm',
    'lav-adaf-executioner-fill-rate-drop',
    'lav-adaf-db-pool-exhaustion',
    'lav-adaf-kafka-backlog',
    'lav-adaf-complete-system-failure',
    'lav-adaf-security-breach',
    'lav-adaf-manual-trading-mode',
    'lav-adaf-post-incident-review',
  ],
  hft: [
    'hft-exchange-outage',
    'hft-system-crash',
    'hft-performance-degradation',
    'hft-security-breach',
    'hft-data-corruption',
    'hft-network-failure',
    'hft-trading-anomaly',
    'hft-database-failure',
    'hft-communication',
    'hft-post-incident-review',
  ],
} as const;

describe('the playbook library', () => {
  test('holds every procedure of the five seeds, and nothing else', () => {
    for (const [system, expected] of Object.entries(required)) {
      const ids = playbookLibrary.filter((p) => p.system === system).map((p) => p.id);
      expect(ids.sort(), system).toEqual([...expected].sort());
    }
  });

  test('every playbook is well formed: valid, prefixed by its system, its ids unique', () => {
    expect(libraryProblems(playbookLibrary)).toEqual([]);
  });

  test('the well-formedness check does see a broken library', () => {
    const first = playbookLibrary[0]!;
    const repeated = { ...first, phases: [...first.phases, first.phases[0]!] };
    expect(libraryProblems([first, { ...first, id: 'smc-misfiled', system: 'rtes' }, repeated])).toEqual(
      expect.arrayContaining([
        `playbook id ${first.id} is used twice`,
        'smc-misfiled: not prefixed with rtes-',
        expect.stringMatching(/phase .* twice/),
        expect.stringMatching(/step .* twice/),
      ]),
    );
  });

  test('a playbook that stops trading says what must be verified before it resumes', () => {
    for (const playbook of playbookLibrary) {
      const steps = stepsOf(playbook);
      if (!steps.some((s) => s.control?.id === 'resume')) continue;
      expect(
        steps.some((s) => s.verification),
        `${playbook.id} resumes without a verification step`,
      ).toBe(true);
    }
  });

  test('the incident type suggests a playbook; the trading system at hand is preferred', () => {
    expect(suggestPlaybook('exchange-outage')?.id).toBe('hft-exchange-outage');
    expect(suggestPlaybook('security-breach')?.id).toBe('hft-security-breach');
    expect(suggestPlaybook('system-crash', 'smc')?.system).toBe('smc');
  });
});

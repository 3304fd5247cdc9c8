import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stepsOf } from '../library/well-formed.ts';
import { guessSystem } from './finish.ts';
import { draftTitled, imported, phaseOutline } from './test-support.ts';

// The five seed runbooks are not part of the project (their text is not ours). When they sit
// beside it (../shared/seeds, or WARROOM_SEEDS_DIR), each must import into the phases and steps
// its structure implies. Without them these tests are skipped, and their names say why.

const dir = process.env.WARROOM_SEEDS_DIR ?? resolve(process.cwd(), '../shared/seeds');
const present = existsSync(dir);
if (!present)
  console.warn(`seed import tests skipped: ${dir} is not present (set WARROOM_SEEDS_DIR to run them)`);
const seeds = present
  ? Object.fromEntries(
      readdirSync(dir).map((file) => {
        const text = readFileSync(join(dir, file), 'utf8');
        return [guessSystem(text.slice(0, 4000)), { file, text }];
      }),
    )
  : {};

const seed = (system: string) => {
  const found = seeds[system];
  if (!found) throw new Error(`no seed for ${system} in ${dir}`);
  return imported(found.text, found.file).drafts;
};
const selectedTitles = (system: string) =>
  seed(system)
    .filter((d) => d.selected)
    .map((d) => d.playbook.title);

describe.skipIf(!present)(
  `importing the seed runbooks${present ? '' : ' (skipped: ../shared/seeds is not present; set WARROOM_SEEDS_DIR to run)'}`,
  () => {
    it('finds one seed per system', () => {
      expect(Object.keys(seeds).sort()).toEqual(['eafix', 'hft', 'lav-adaf', 'rtes', 'smc']);
    });

    it('RTES: the P1 procedure in three phases, and every other procedure as its own playbook', () => {
      const p1 = draftTitled(seed('rtes'), 'P1 - Critical Incidents').playbook;
      expect(phaseOutline(p1)).toEqual([
        'Immediate Actions [0–5]',
        'Investigation [5–15]',
        'Resolution Actions [none]',
      ]);
      expect(p1.phases.map((p) => p.steps.length)).toEqual([3, 3, 2]);
      expect(selectedTitles('rtes')).toEqual(
        expect.arrayContaining([
          'Performance Degradation Runbook',
          'Memory Leak Runbook',
          'Component Failure Runbook',
          'Data Center Failover',
          'Database Recovery',
          'Internal Communication',
          'External Communication',
          'Root Cause Analysis',
        ]),
      );
      expect(selectedTitles('rtes')).not.toContain('External Contacts');
    });

    it('EAFIX: one runbook from immediate actions to long-term follow-up, validation gating', () => {
      const runbook = draftTitled(seed('eafix'), 'Incident Response Runbook').playbook;
      expect(phaseOutline(runbook)).toEqual([
        'Immediate Actions [0–5]',
        'Triage Phase [5–15]',
        'Investigation Phase [15–60]',
        'Resolution Phase [60–…]',
        'Validation [none]',
        'Communication Protocol [none]',
        'Immediate Post-Resolution [0–1440]',
        'Post-Incident Review [1440–10080]',
        'Long-term Follow-up [10080–40320]',
      ]);
      expect(runbook.phases[4]!.steps.length).toBe(4);
      expect(runbook.phases[4]!.steps.every((s) => s.verification && s.command)).toBe(true);
      expect(runbook.phases[0]!.steps.some((s) => s.control?.id === 'halt')).toBe(true);
    });

    it('SMC: outage with halt, verification and resume; per-incident playbooks with their windows', () => {
      const outage = draftTitled(seed('smc'), 'Complete System Outage').playbook;
      expect(outage.severity).toBe('P0');
      expect(outage.phases[0]!.window).toEqual({ from: 0, to: 5 });
      const steps = stepsOf(outage);
      expect(steps.find((s) => s.control?.id === 'halt')?.command).toBeTruthy();
      expect(steps.findIndex((s) => s.verification)).toBeLessThan(
        steps.findIndex((s) => s.control?.id === 'resume'),
      );
      expect(phaseOutline(draftTitled(seed('smc'), 'Database Performance Degradation').playbook)).toEqual([
        'Immediate Assessment [0–5]',
        'Immediate Mitigation [5–10]',
        'Scale Resources [10–15]',
      ]);
      expect(draftTitled(seed('smc'), 'Exchange API Failures').playbook.phases.map((p) => p.window)).toEqual([
        { from: 0, to: 2 },
        { from: 2, to: 5 },
      ]);
      const after = draftTitled(seed('smc'), 'Post-Incident Procedures').playbook;
      expect(after.phases.length).toBe(3);
      expect(after.phases[0]!.steps.length).toBe(5);
      for (const title of [
        'Security Breach',
        'Data Loss Incident',
        'WebSocket Connection Issues',
        'High API Latency',
      ])
        expect(selectedTitles('smc')).toContain(title);
    });

    it('LAV/ADAF: P0 and P1 protocols by windowed items, service playbooks by their labels', () => {
      const lav = seed('lav-adaf');
      const [p0, p1] = lav.filter((d) => /^P[01] - /.test(d.playbook.title)).map((d) => d.playbook);
      expect(p0!.phases.map((p) => p.window)).toEqual([
        { from: 0, to: 2 },
        { from: 2, to: 5 },
        { from: 5, to: 10 },
        { from: 10, to: 15 },
      ]);
      expect(p0!.phases[1]!.steps[0]!.control).toEqual({ id: 'halt' });
      expect(p1!.phases.length).toBe(4);
      const sentinel = draftTitled(lav, 'Market Sentinel Down').playbook;
      expect(sentinel.phases.map((p) => p.title)).toEqual([
        'Diagnosis Steps',
        'Resolution Steps',
        'Prevention',
      ]);
      expect(sentinel.phases[0]!.steps.every((s) => s.command)).toBe(true);
      expect(sentinel.summary.length).toBeGreaterThan(20);
      for (const title of [
        'Risk Warden Alert Storm',
        'Executioner Fill Rate Drop',
        'Database Connection Pool Exhaustion',
        'Kafka Message Backlog',
        'Complete System Failure',
        'Security Breach',
        'Manual Trading Procedures',
        'Post-Incident Review Process',
      ])
        expect(selectedTitles('lav-adaf')).toContain(title);
    });

    it('HFT: the plain-text exchange outage with its boxes, branches and cancel-all step', () => {
      const outage = draftTitled(seed('hft'), 'Exchange outage playbook').playbook;
      expect(phaseOutline(outage).slice(0, 3)).toEqual([
        'Immediate actions [0–5]',
        'Assessment [5–15]',
        'Mitigation [15–60]',
      ]);
      expect(outage.phases[0]!.steps.map((s) => s.control?.id ?? null)).toEqual([
        null,
        null,
        null,
        'venue-cancel-all',
      ]);
      expect(outage.phases[1]!.steps.length).toBe(5);
      expect(outage.phases[2]!.steps[0]!.branches?.length).toBe(2);
      expect(outage.incidentTypes).toEqual(['exchange-outage']);
      const crash = draftTitled(seed('hft'), 'System crash playbook').playbook;
      expect(crash.phases[0]!.steps[0]!.control).toEqual({ id: 'kill-switch' });
      expect(crash.phases.find((p) => p.title === 'Validation')!.steps.every((s) => s.verification)).toBe(
        true,
      );
      for (const title of [
        'Performance degradation playbook',
        'Security breach playbook',
        'Communication protocols',
        'Post-incident review',
      ])
        expect(selectedTitles('hft')).toContain(title);
    });
  },
);

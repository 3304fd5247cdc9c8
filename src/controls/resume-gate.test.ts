import { describe, expect, test } from 'vitest';
import { checklistFixture } from '../../contract/store-schemas-fixtures.ts';
import type { Playbook } from '../playbooks/playbook.ts';
import { resumeGate } from './resume-gate.ts';

const playbook: Playbook = {
  id: 'test-outage',
  title: 'Test outage',
  system: 'generic',
  incidentTypes: ['exchange-outage'],
  summary: 'A playbook with one verification step.',
  phases: [
    {
      id: 'check',
      title: 'Check',
      window: null,
      steps: [{ id: 'ok', text: 'Verify fills', verification: true }],
    },
  ],
};
const catalog = { byId: (id: string) => (id === playbook.id ? playbook : null), isPending: false };
const incident = { id: 'INC-1', title: 'Venue down' };
const ticked = {
  data: {
    ...checklistFixture,
    incidentId: 'INC-1',
    playbookId: playbook.id,
    ticks: [{ stepId: 'ok', tickedAt: '2026-11-22T09:00:00Z', tickedBy: 'sam' }],
  },
  error: null,
};

describe('the resume gate', () => {
  test('verified once the checks are ticked in the store', () => {
    const gate = resumeGate(incident, ticked, catalog);
    expect(gate.kind === 'gated' && gate.progress.complete).toBe(true);
  });

  test('not while the store does not answer: ticks on screen may be last known, so only an override', () => {
    expect(resumeGate(incident, ticked, catalog, false)).toEqual({
      kind: 'ungated',
      why: 'the war-room store is not answering, so the checks cannot be confirmed',
    });
  });
});

import { describe, expect, test } from 'vitest';
import { parseOrExplain } from '../../contract/validate.ts';
import { playbookSchema } from './playbook.ts';

const valid = {
  id: 'test-exchange-outage',
  title: 'Exchange outage',
  system: 'hft',
  severity: 'SEV2',
  incidentTypes: ['exchange-outage'],
  summary: 'A venue stops sending market data or accepting orders.',
  phases: [
    {
      id: 'immediate',
      title: 'Immediate actions',
      window: { from: 0, to: 5 },
      steps: [
        {
          id: 'cancel-open-orders',
          text: 'Cancel our open orders on the venue',
          owner: 'on-call-engineer',
          command: 'curl -X POST http://localhost:8080/api/v1/exchanges/<EXCHANGE_NAME>/cancel_all_orders',
          control: { id: 'venue-cancel-all', venue: true },
        },
        {
          id: 'who-is-down',
          text: 'Find out whose side the fault is on',
          branches: [
            { when: 'the exchange itself is down', steps: [{ id: 'disable', text: 'Disable the venue' }] },
          ],
        },
        { id: 'positions-reconciled', text: 'Positions reconciled with the venue', verification: true },
      ],
    },
  ],
};

describe('the playbook shape', () => {
  test('a complete playbook parses', () => {
    expect(parseOrExplain(playbookSchema, valid, 'playbook').ok).toBe(true);
  });

  test('a playbook saved before warnings, metadata, notes, commands and jumps still parses', () => {
    const parsed = playbookSchema.parse(valid);
    expect(parsed).not.toHaveProperty('warnings');
    expect(parsed.phases[0]!.steps[0]).not.toHaveProperty('commands');
  });

  test('an imported one may carry warnings, metadata, notes, several commands and a jump', () => {
    const rich = {
      ...valid,
      warnings: ['Never restart both gateways at once.'],
      metadata: { service: 'order-gateway', owner: 'Payments SRE', reviewed: '2026-09-01' },
      notes: [{ title: 'When to use this', text: 'Fills stop arriving from one venue.' }],
      phases: [
        {
          ...valid.phases[0]!,
          steps: [
            { id: 'a', text: 'Check both sides', commands: ['ping gw1', 'ping gw2'] },
            { id: 'b', text: 'Go to step 8', jump: { phaseId: 'immediate', stepId: 'a', label: 'step 8' } },
          ],
        },
      ],
    };
    expect(parseOrExplain(playbookSchema, rich, 'playbook').ok).toBe(true);
  });

  test.each([
    [
      'an unknown control',
      {
        ...valid,
        phases: [{ ...valid.phases[0]!, steps: [{ id: 'x', text: 'Do it', control: { id: 'nuke' } }] }],
      },
      /control\.id/,
    ],
    ['an unknown incident type', { ...valid, incidentTypes: ['alien-invasion'] }, /incidentTypes\[0\]/],
    ['a phase with no steps', { ...valid, phases: [{ ...valid.phases[0]!, steps: [] }] }, /steps/],
    [
      'a step id that is not kebab-case',
      { ...valid, phases: [{ ...valid.phases[0]!, steps: [{ id: 'Cancel Orders', text: 'x y z' }] }] },
      /phases\[0\]\.steps\[0\]\.id/,
    ],
    ['an unexpected field', { ...valid, author: 'someone' }, /author/],
    [
      'a step with both command and commands',
      {
        ...valid,
        phases: [
          { ...valid.phases[0]!, steps: [{ id: 'x', text: 'Do it', command: 'a', commands: ['b', 'c'] }] },
        ],
      },
      /not both/,
    ],
    [
      'a jump to a phase id that is not kebab-case',
      {
        ...valid,
        phases: [
          {
            ...valid.phases[0]!,
            steps: [{ id: 'x', text: 'Go to step 8', jump: { phaseId: 'Phase 4', label: 'step 8' } }],
          },
        ],
      },
      /jump\.phaseId/,
    ],
  ])('%s is refused, saying where', (_what, bad, where) => {
    const result = parseOrExplain(playbookSchema, bad, 'playbook');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(where);
  });
});

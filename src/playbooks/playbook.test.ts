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
  ])('%s is refused, saying where', (_what, bad, where) => {
    const result = parseOrExplain(playbookSchema, bad, 'playbook');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(where);
  });
});

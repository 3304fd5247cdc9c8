import { describe, expect, test } from 'vitest';
import { playbookLibrary } from './library/index.ts';
import type { Playbook } from './playbook.ts';
import { verificationProgress } from './verification.ts';

const playbook: Playbook = {
  id: 'test-exchange-outage',
  title: 'Exchange outage',
  system: 'hft',
  incidentTypes: ['exchange-outage'],
  summary: 'A venue stops sending market data or accepting orders.',
  phases: [
    {
      id: 'immediate',
      title: 'Immediate actions',
      window: { from: 0, to: 5 },
      steps: [
        { id: 'cancel', text: 'Cancel our open orders on the venue' },
        {
          id: 'whose-fault',
          text: 'Find out whose side the fault is on',
          branches: [
            {
              when: 'the exchange itself is down',
              steps: [
                { id: 'disable', text: 'Disable the venue' },
                { id: 'status-page-green', text: 'Status page is green again', verification: true },
              ],
            },
            {
              when: 'our connection is at fault',
              steps: [
                {
                  id: 'reconnect',
                  text: 'Reconnect the session',
                  branches: [
                    {
                      when: 'the session will not come back',
                      steps: [{ id: 'rotate-key', text: 'Rotate the API key' }],
                    },
                  ],
                },
                { id: 'session-stable', text: 'Session stable for 5 minutes', verification: true },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'recovery',
      title: 'Recovery',
      window: null,
      steps: [
        { id: 'positions-reconciled', text: 'Positions reconciled with the venue', verification: true },
        { id: 'fills-match', text: 'Fills match the venue’s drop copy', verification: true },
      ],
    },
  ],
};

const ticked =
  (...ids: string[]) =>
  (id: string) =>
    ids.includes(id);
const names = (checks: { step: { id: string } }[]) => checks.map((c) => c.step.id);

describe('verification progress', () => {
  test('with no branch taken, only the phases’ own verification steps count', () => {
    const progress = verificationProgress(playbook, ticked());
    expect(names(progress.checks)).toEqual(['positions-reconciled', 'fills-match']);
    expect(progress).toMatchObject({ ticked: 0, total: 2, complete: false });
    expect(names(progress.missing)).toEqual(['positions-reconciled', 'fills-match']);
  });

  test('ticking them all completes it', () => {
    const progress = verificationProgress(playbook, ticked('positions-reconciled', 'fills-match'));
    expect(progress).toMatchObject({ ticked: 2, total: 2, complete: true, missing: [] });
  });

  test('a branch someone worked in brings its checks in, named by the branch; the other does not', () => {
    const progress = verificationProgress(playbook, ticked('disable', 'positions-reconciled', 'fills-match'));
    expect(progress.checks.map((c) => [c.step.id, c.branch])).toEqual([
      ['status-page-green', 'the exchange itself is down'],
      ['positions-reconciled', null],
      ['fills-match', null],
    ]);
    expect(progress).toMatchObject({ ticked: 2, total: 3, complete: false });
    expect(progress.missing.map((c) => c.step.text)).toEqual(['Status page is green again']);
  });

  test('a tick deep inside a nested branch counts as taking the branch around it', () => {
    const progress = verificationProgress(playbook, ticked('rotate-key'));
    expect(names(progress.missing)).toEqual(['session-stable', 'positions-reconciled', 'fills-match']);
  });

  test('a playbook without verification steps is never complete: nothing gates it', () => {
    const none: Playbook = {
      ...playbook,
      phases: [{ ...playbook.phases[0]!, steps: [{ id: 'a', text: 'Do a' }] }],
    };
    expect(verificationProgress(none, () => true)).toMatchObject({ total: 0, complete: false });
  });

  test('a check that a taken jump passed over does not gate; untaken, it does', () => {
    const jumping: Playbook = {
      ...playbook,
      phases: [
        {
          id: 'triage',
          title: 'Triage',
          window: null,
          steps: [
            {
              id: 'count',
              text: 'Count the sessions',
              branches: [
                {
                  when: 'the count is 0',
                  steps: [
                    {
                      id: 'go',
                      text: 'Go to step 3',
                      jump: { phaseId: 'recover', stepId: 'restart', label: 'step 3' },
                    },
                  ],
                },
              ],
            },
            { id: 'flow-checked', text: 'Order flow checked on the drained node', verification: true },
          ],
        },
        {
          id: 'recover',
          title: 'Recover',
          window: null,
          steps: [
            { id: 'restart', text: 'Restart the gateway' },
            { id: 'sessions-back', text: 'Every session logged on', verification: true },
          ],
        },
      ],
    };
    expect(names(verificationProgress(jumping, ticked()).missing)).toEqual(['flow-checked', 'sessions-back']);
    expect(names(verificationProgress(jumping, ticked('go')).missing)).toEqual(['sessions-back']);
  });

  test('the HFT exchange-outage playbook gates on its two recovery checks', () => {
    const hft = playbookLibrary.find((p) => p.id === 'hft-exchange-outage')!;
    expect(verificationProgress(hft, ticked()).missing.map((c) => c.step.id)).toEqual([
      'verify-operational',
      'reconcile-positions',
    ]);
  });
});

import type { Playbook } from '../../playbook.ts';
import { HALT_ALL } from './shared.ts';

export const securityBreach: Playbook = {
  id: 'lav-adaf-security-breach',
  title: 'LAV/ADAF: security breach',
  system: 'lav-adaf',
  incidentTypes: ['security-breach'],
  summary:
    'Isolate affected systems, keep forensic evidence and call security within 5 minutes; size the breach and live threats by 30 minutes; then run the response plan, notify authorities if required and add controls. A breach is a P0 trigger, so the halt and snapshot come from the P0 protocol.',
  phases: [
    {
      id: 'isolate',
      title: 'Isolation',
      window: { from: 0, to: 5 },
      steps: [
        {
          id: 'halt-all',
          text: 'Halt all trading (P0 circuit breaker)',
          owner: 'incident-commander',
          command: HALT_ALL,
          control: { id: 'halt' },
        },
        {
          id: 'disconnect',
          text: 'Disconnect the affected systems from the network',
          owner: 'network',
        },
        {
          id: 'forensics',
          text: 'Preserve forensic evidence with the incident snapshot',
          owner: 'security',
          command: './scripts/incident-snapshot.sh',
        },
        {
          id: 'notify-security',
          text: 'Notify the security team and security vendors',
          owner: 'communications',
        },
      ],
    },
    {
      id: 'assess',
      title: 'Assessment',
      window: { from: 5, to: 30 },
      steps: [
        { id: 'scope', text: 'Determine how far the breach reaches', owner: 'security' },
        { id: 'compromised-data', text: 'Identify which data was compromised', owner: 'security' },
        { id: 'threats', text: 'Judge whether the threat is still active', owner: 'security' },
      ],
    },
    {
      id: 'respond',
      title: 'Response',
      window: { from: 30, to: null },
      steps: [
        { id: 'response-plan', text: 'Carry out the incident response plan', owner: 'security' },
        {
          id: 'authorities',
          text: 'Notify authorities if required (with the compliance officer)',
          owner: 'communications',
        },
        { id: 'extra-controls', text: 'Put additional controls in place', owner: 'security' },
        {
          id: 'verify-clean',
          text: 'Security confirms the threat is gone before trading restarts (added)',
          owner: 'security',
          verification: true,
        },
        {
          id: 'resume',
          text: 'Resume trading with security sign-off (added)',
          owner: 'incident-commander',
          control: { id: 'resume' },
        },
      ],
    },
  ],
};

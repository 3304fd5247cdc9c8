import type { Playbook } from '../../playbook.ts';
import { HALT_ALL } from './shared.ts';

export const p0Response: Playbook = {
  id: 'lav-adaf-p0-response',
  title: 'LAV/ADAF P0: critical response protocol',
  system: 'lav-adaf',
  severity: 'P0',
  incidentTypes: [],
  summary:
    'For system-wide failures: trading down over 5 minutes, a breach, risk limits exceeded by more than 200% (VaR over 6% of NAV), corrupt position/PnL data, or over half the venues lost at once. Alert the war room, halt all trading through the Executioner, snapshot the system, and name a commander — all inside 15 minutes.',
  phases: [
    {
      id: 'alert',
      title: 'Alert the war room',
      window: { from: 0, to: 2 },
      steps: [
        {
          id: 'emergency-alert',
          text: 'Fire the automated P0 alert with a one-line description',
          owner: 'incident-commander',
          command: './scripts/emergency-alert.sh P0 "<DESCRIPTION>"',
        },
        {
          id: 'slack-war-room',
          text: 'Post an @channel message in #war-room using the P0 initial alert layout',
          owner: 'communications',
        },
        {
          id: 'pagerduty',
          text: 'Escalate in PagerDuty to every on-call engineer',
          owner: 'incident-commander',
        },
        {
          id: 'call-risk-cto',
          text: 'Text or call the risk manager and the CTO',
          owner: 'communications',
        },
      ],
    },
    {
      id: 'circuit-breakers',
      title: 'Engage circuit breakers',
      window: { from: 2, to: 5 },
      steps: [
        {
          id: 'halt-all',
          text: 'Stop all trading with the Executioner emergency halt',
          owner: 'incident-commander',
          command: HALT_ALL,
          control: { id: 'halt' },
        },
      ],
    },
    {
      id: 'evidence',
      title: 'Preserve evidence',
      window: { from: 5, to: 10 },
      steps: [
        {
          id: 'snapshot',
          text: 'Take the incident snapshot (timestamped logs, database dumps, metrics)',
          owner: 'on-call-engineer',
          command: './scripts/incident-snapshot.sh',
        },
      ],
    },
    {
      id: 'command',
      title: 'Assign the incident commander',
      window: { from: 10, to: 15 },
      steps: [
        {
          id: 'bridge',
          text: 'Open the communication bridge and share its link',
          owner: 'incident-commander',
        },
        {
          id: 'coordinate',
          text: 'Coordinate the response teams and their tasks',
          owner: 'incident-commander',
        },
        { id: 'brief-execs', text: 'Brief the executive team', owner: 'communications' },
        {
          id: 'update-cadence',
          text: 'Send a status update every 15 minutes until resolved',
          owner: 'communications',
        },
      ],
    },
  ],
};

import type { Playbook } from '../../playbook.ts';
import { HALT_ALL } from './shared.ts';

export const completeSystemFailure: Playbook = {
  id: 'lav-adaf-complete-system-failure',
  title: 'LAV/ADAF: complete system failure',
  system: 'lav-adaf',
  incidentTypes: ['system-crash'],
  summary:
    'Business continuity when the whole system is lost: go to manual trading, tell counterparties, bring up backups; contain and communicate within the hour (stakeholders within 30 minutes); restore within 4 hours, losing at most 15 minutes of data. The halt attempt is added from the P0 protocol.',
  phases: [
    {
      id: 'immediate',
      title: 'Immediate actions',
      window: { from: 0, to: 15 },
      steps: [
        {
          id: 'halt-all',
          text: 'Try the Executioner emergency halt so nothing trades unattended (from the P0 protocol)',
          owner: 'incident-commander',
          command: HALT_ALL,
          control: { id: 'halt' },
        },
        {
          id: 'manual-mode',
          text: 'Switch to manual trading procedures',
          owner: 'trading-desk',
          command: './scripts/emergency-manual-mode.sh',
        },
        {
          id: 'notify-counterparties',
          text: 'Inform every counterparty',
          owner: 'communications',
        },
        { id: 'backup-systems', text: 'Bring the backup systems into use', owner: 'on-call-engineer' },
      ],
    },
    {
      id: 'contain',
      title: 'Containment',
      window: { from: 15, to: 60 },
      steps: [
        { id: 'scope', text: 'Work out how far the failure reaches', owner: 'on-call-engineer' },
        { id: 'workarounds', text: 'Put workarounds in place', owner: 'on-call-engineer' },
        {
          id: 'stakeholders',
          text: 'Update stakeholders (no later than 30 minutes in)',
          owner: 'communications',
        },
      ],
    },
    {
      id: 'recover',
      title: 'Recovery',
      window: { from: 60, to: 240 },
      steps: [
        { id: 'dr-plan', text: 'Run the disaster recovery plan', owner: 'on-call-engineer' },
        {
          id: 'restore-backups',
          text: 'Restore from backups (no more than 15 minutes of data may be lost)',
          owner: 'database-admin',
        },
        {
          id: 'validate-integrity',
          text: 'Validate system integrity, positions and PnL before leaving manual mode',
          owner: 'risk',
          verification: true,
        },
        {
          id: 'resume',
          text: 'Resume automated trading once integrity is confirmed (added)',
          owner: 'incident-commander',
          control: { id: 'resume' },
        },
      ],
    },
  ],
};

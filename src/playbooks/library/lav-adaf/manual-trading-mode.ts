import type { Playbook } from '../../playbook.ts';

export const manualTradingMode: Playbook = {
  id: 'lav-adaf-manual-trading-mode',
  title: 'LAV/ADAF: manual trading mode',
  system: 'lav-adaf',
  incidentTypes: [],
  summary:
    'How the desk trades without the platform: activate manual mode, watch positions on backup systems, place orders on broker terminals, track risk by spreadsheet, talk by phone or secure channel. No time window in the seed; the exit check is added.',
  phases: [
    {
      id: 'operate',
      title: 'Operate manually',
      window: null,
      steps: [
        {
          id: 'activate',
          text: 'Activate emergency manual mode',
          owner: 'trading-desk',
          command: './scripts/emergency-manual-mode.sh',
        },
        {
          id: 'monitor-positions',
          text: 'Monitor positions through the backup systems',
          owner: 'trading-desk',
        },
        {
          id: 'broker-orders',
          text: 'Place orders by hand on the broker terminals',
          owner: 'trading-desk',
        },
        {
          id: 'manual-risk',
          text: 'Track risk with spreadsheet or hand calculations',
          owner: 'risk',
        },
        {
          id: 'secure-comms',
          text: 'Coordinate by phone or secure channels only',
          owner: 'communications',
        },
      ],
    },
    {
      id: 'exit',
      title: 'Leave manual mode (standard practice)',
      window: null,
      steps: [
        {
          id: 'reconcile',
          text: 'Reconcile manual fills and positions with the restored platform',
          owner: 'risk',
          verification: true,
        },
        {
          id: 'resume',
          text: 'Hand trading back to the automated system',
          owner: 'incident-commander',
          control: { id: 'resume' },
        },
      ],
    },
  ],
};

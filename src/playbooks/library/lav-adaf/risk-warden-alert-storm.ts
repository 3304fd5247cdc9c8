import type { Playbook } from '../../playbook.ts';

export const riskWardenAlertStorm: Playbook = {
  id: 'lav-adaf-risk-warden-alert-storm',
  title: 'LAV/ADAF: Risk Warden alert storm',
  system: 'lav-adaf',
  incidentTypes: ['risk-alert', 'error-storm'],
  summary:
    'More than 20 risk alerts in 5 minutes, limits flapping near their bounds, several portfolio violations. Read violations and attribution, validate the risk data, cut positions by half over 5 minutes, then close the riskiest ones. The closing check is added.',
  phases: [
    {
      id: 'diagnose',
      title: 'Diagnose',
      window: null,
      steps: [
        {
          id: 'violations',
          text: 'Fetch the 50 most recent violations',
          owner: 'risk',
          command: "curl -s 'http://localhost:3002/api/violations?limit=50' | jq '.[]'",
        },
        {
          id: 'attribution',
          text: 'Read the risk attribution to find what drives it',
          owner: 'risk',
          command: "curl -s http://localhost:3002/api/risk/attribution | jq '.'",
        },
        {
          id: 'validate-data',
          text: 'Run the risk data validation to rule out bad inputs',
          owner: 'on-call-engineer',
          command: './scripts/risk-data-validation.sh',
        },
      ],
    },
    {
      id: 'resolve',
      title: 'Resolve',
      window: null,
      steps: [
        {
          id: 'reduce-positions',
          text: 'Reduce positions by 50% over 300 seconds',
          owner: 'risk',
          command: `curl -X POST http://localhost:3002/api/emergency/reduce \\
  -d '{"reduction_pct": 0.5, "timeframe": 300}'`,
          control: { id: 'reduce-positions' },
        },
        {
          id: 'rank-positions',
          text: 'List the ten highest-risk positions',
          owner: 'risk',
          command: 'curl -s http://localhost:3002/api/positions/risk-ranked | head -10',
        },
        {
          id: 'close-positions',
          text: 'Close the specific positions driving the violations',
          owner: 'trading-desk',
          command: './scripts/emergency-position-close.sh <POSITION_ID>',
        },
        {
          id: 'verify-alerts-quiet',
          text: 'Confirm the alert rate is back under 20 per 5 minutes and limits hold (added)',
          owner: 'risk',
          verification: true,
        },
      ],
    },
  ],
};

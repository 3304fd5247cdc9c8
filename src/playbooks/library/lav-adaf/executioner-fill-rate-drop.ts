import type { Playbook } from '../../playbook.ts';

export const executionerFillRateDrop: Playbook = {
  id: 'lav-adaf-executioner-fill-rate-drop',
  title: 'LAV/ADAF: Executioner fill-rate drop',
  system: 'lav-adaf',
  incidentTypes: ['exchange-outage', 'connectivity'],
  summary:
    'Fill rate under 90% for more than 10 minutes, slippage up across venues, more order timeouts. Check venue health, failed orders and routing; go to conservative routing, disable failing venues for an hour, and work critical orders by hand. The closing check is added.',
  phases: [
    {
      id: 'diagnose',
      title: 'Diagnose',
      window: null,
      steps: [
        {
          id: 'venue-health',
          text: 'Check health of every venue',
          owner: 'on-call-engineer',
          command: 'curl -s http://localhost:3003/api/venues/health',
        },
        {
          id: 'failed-orders',
          text: 'Look at the last 20 failed orders',
          owner: 'trading-desk',
          command: "curl -s 'http://localhost:3003/api/orders?status=failed&limit=20'",
        },
        {
          id: 'routing-diagnostics',
          text: 'Read the routing diagnostics',
          owner: 'on-call-engineer',
          command: 'curl -s http://localhost:3003/api/routing/diagnostics',
        },
      ],
    },
    {
      id: 'resolve',
      title: 'Resolve',
      window: null,
      steps: [
        {
          id: 'conservative-routing',
          text: 'Switch routing to conservative mode (60 s timeout)',
          owner: 'on-call-engineer',
          command: `curl -X POST http://localhost:3003/api/routing/mode \\
  -d '{"mode": "CONSERVATIVE", "timeout": 60}'`,
          control: { id: 'routing-conservative' },
        },
        {
          id: 'disable-venue',
          text: 'Disable the failing venue for one hour',
          owner: 'on-call-engineer',
          command: `curl -X POST http://localhost:3003/api/venues/disable \\
  -d '{"venues": ["<VENUE_ID>"], "duration": 3600}'`,
          control: { id: 'venue-disable', venue: true },
        },
        {
          id: 'manual-execution',
          text: 'Work high-priority orders manually',
          owner: 'trading-desk',
          command: './scripts/manual-execution.sh --priority=high',
        },
        {
          id: 'verify-fill-rate',
          text: 'Confirm the fill rate is back above 90% (added)',
          owner: 'trading-desk',
          verification: true,
        },
      ],
    },
  ],
};

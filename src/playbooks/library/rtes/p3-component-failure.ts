import type { Playbook } from '../../playbook.ts';

export const p3ComponentFailure: Playbook = {
  id: 'rtes-p3-component-failure',
  title: 'RTES P3: component failure',
  system: 'rtes',
  severity: 'P3',
  incidentTypes: ['system-crash', 'other'],
  summary:
    'For a non-critical component that has failed (the seed’s example is risk_manager); respond within 1 hour. Disable it and route around it, then restart it. The seed gives no windows; the check before removing the bypass is sound practice added here, and note that bypassing the risk manager means trading without its checks.',
  phases: [
    {
      id: 'isolate',
      title: 'Isolate the failed component',
      window: null,
      steps: [
        {
          id: 'disable-component',
          text: 'Disable the failed component',
          owner: 'on-call-engineer',
          command: './scripts/component_control.sh --disable <SERVICE_NAME>',
        },
        {
          id: 'bypass-component',
          text: 'Route traffic around the failed component',
          owner: 'on-call-engineer',
          command: './scripts/routing.sh --bypass <SERVICE_NAME>',
        },
      ],
    },
    {
      id: 'restart',
      title: 'Restart the component',
      window: null,
      steps: [
        {
          id: 'restart-component',
          text: 'Restart the component',
          owner: 'on-call-engineer',
          command: './scripts/component_control.sh --restart <SERVICE_NAME>',
        },
        {
          id: 'verify-component',
          text: 'The component reports healthy and the system health endpoint is clean before the bypass is removed',
          owner: 'on-call-engineer',
          command: 'curl -s http://localhost:8080/health',
          verification: true,
        },
      ],
    },
  ],
};

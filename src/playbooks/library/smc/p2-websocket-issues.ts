import type { Playbook } from '../../playbook.ts';

export const p2WebsocketIssues: Playbook = {
  id: 'smc-p2-websocket-issues',
  title: 'SMC P2: WebSocket connection issues',
  system: 'smc',
  severity: 'P2',
  incidentTypes: ['connectivity'],
  summary:
    "Clients lose the platform's WebSocket feed. Check the service and its endpoints, try a connection by hand, restart the service and look at the ingress WebSocket settings. The seed gives no time window (P2 means a one-hour response); the closing check is added.",
  phases: [
    {
      id: 'diagnose',
      title: 'Diagnose',
      window: null,
      steps: [
        {
          id: 'service-status',
          text: 'Check the websocket-service endpoints and service definition',
          owner: 'on-call-engineer',
          command:
            'kubectl get endpoints websocket-service -n smc-trading\nkubectl describe service websocket-service -n smc-trading',
        },
        {
          id: 'test-connect',
          text: 'Open a WebSocket connection by hand',
          owner: 'on-call-engineer',
          command: 'wscat -c wss://api.smc-trading.com/ws',
        },
      ],
    },
    {
      id: 'restart',
      title: 'Restart and check ingress',
      window: null,
      steps: [
        {
          id: 'restart-service',
          text: 'Roll the websocket-service deployment',
          owner: 'on-call-engineer',
          command: 'kubectl rollout restart deployment/websocket-service -n smc-trading',
        },
        {
          id: 'check-ingress',
          text: 'Review the WebSocket section of the API ingress',
          owner: 'network',
          command: 'kubectl describe ingress api-ingress -n smc-trading | grep -A 10 websocket',
        },
        {
          id: 'verify-connect',
          text: 'Connect again with wscat and confirm messages arrive (added)',
          owner: 'on-call-engineer',
          command: 'wscat -c wss://api.smc-trading.com/ws',
          verification: true,
        },
      ],
    },
  ],
};

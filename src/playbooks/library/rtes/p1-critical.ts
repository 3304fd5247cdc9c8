import type { Playbook } from '../../playbook.ts';

export const p1Critical: Playbook = {
  id: 'rtes-p1-critical',
  title: 'RTES P1: critical incident (system down, trading halted)',
  system: 'rtes',
  severity: 'P1',
  incidentTypes: ['system-crash', 'exchange-outage', 'data-loss'],
  summary:
    'For a full RTES outage or data corruption; respond within 5 minutes. Acknowledge, size the impact and start the emergency script, then look for a recent change, read the logs and check the host, then mitigate (restart, roll back or fail over) and steer traffic. The seed gives no window after 15 minutes and no exit; the verification and resume phase is sound practice added here, using the seed’s alert thresholds.',
  phases: [
    {
      id: 'immediate',
      title: 'Immediate actions',
      window: { from: 0, to: 5 },
      steps: [
        {
          id: 'acknowledge-alert',
          text: 'Acknowledge the alert in the monitoring system so the page stops escalating',
          owner: 'on-call-engineer',
          command: `curl -X POST "http://monitoring/api/incidents/ack" -d '{"incident_id": "<INCIDENT_ID>"}'`,
        },
        {
          id: 'check-health',
          text: 'Query the exchange health endpoint',
          owner: 'on-call-engineer',
          command: 'curl -s http://localhost:8080/health',
        },
        {
          id: 'check-key-metrics',
          text: 'Read error rate, latency and throughput from the metrics endpoint to size the impact',
          owner: 'on-call-engineer',
          command: 'curl -s http://localhost:8080/metrics | grep -E "(error_rate|latency|throughput)"',
        },
        {
          id: 'run-emergency-response',
          text: 'Start the emergency response script for a system-down incident',
          owner: 'incident-commander',
          command: './scripts/emergency_response.sh --incident-type system_down',
        },
      ],
    },
    {
      id: 'investigation',
      title: 'Investigation',
      window: { from: 5, to: 15 },
      steps: [
        {
          id: 'recent-deployments',
          text: 'List deployments from the last two hours',
          owner: 'on-call-engineer',
          command: 'git log --oneline --since="2 hours ago"',
        },
        {
          id: 'config-audit',
          text: 'Audit configuration changes from the last two hours',
          owner: 'on-call-engineer',
          command: './scripts/config_audit.sh --since="2 hours ago"',
        },
        {
          id: 'error-log',
          text: 'Follow the RTES error log for CRITICAL and ERROR entries',
          owner: 'on-call-engineer',
          command: 'tail -f /var/log/rtes/error.log | grep -E "(CRITICAL|ERROR)"',
        },
        {
          id: 'journal',
          text: 'Read the last hour of the exchange service journal',
          owner: 'on-call-engineer',
          command: 'journalctl -u rtes-trading-exchange --since="1 hour ago"',
        },
        {
          id: 'process-resources',
          text: 'Inspect CPU and memory of the trading_exchange process',
          owner: 'on-call-engineer',
          command: 'top -p $(pgrep trading_exchange)',
        },
        {
          id: 'port-8888',
          text: 'Confirm something is listening on the exchange port 8888',
          owner: 'network',
          command: 'netstat -tulpn | grep :8888',
        },
        {
          id: 'disk-space',
          text: 'Check free disk space (keep more than 20% free)',
          owner: 'on-call-engineer',
          command: 'df -h',
        },
      ],
    },
    {
      id: 'resolution',
      title: 'Resolution actions',
      window: { from: 15, to: null },
      steps: [
        {
          id: 'mitigate',
          text: 'Pick the mitigation that matches what the investigation found',
          owner: 'incident-commander',
          branches: [
            {
              when: 'The service is hung or crashed with no recent change',
              steps: [
                {
                  id: 'restart-service',
                  text: 'Restart the exchange service',
                  owner: 'on-call-engineer',
                  command: 'systemctl restart rtes-trading-exchange',
                },
              ],
            },
            {
              when: 'A recent deployment is the likely cause',
              steps: [
                {
                  id: 'rollback-deploy',
                  text: 'Roll the production deployment back',
                  owner: 'on-call-engineer',
                  command: './scripts/production_deploy.sh --rollback',
                },
              ],
            },
            {
              when: 'The primary system cannot be recovered quickly',
              steps: [
                {
                  id: 'failover-backup',
                  text: 'Fail over to the backup data centre',
                  owner: 'incident-commander',
                  command: './scripts/failover.sh --target backup-datacenter',
                },
              ],
            },
          ],
        },
        {
          id: 'redirect-traffic',
          text: 'Send client traffic to the backup system',
          owner: 'network',
          command: './scripts/traffic_control.sh --redirect-to-backup',
        },
        {
          id: 'maintenance-mode',
          text: 'Put the system into maintenance mode so clients are told it is unavailable',
          owner: 'incident-commander',
          command: './scripts/maintenance_mode.sh --enable',
          control: { id: 'maintenance-mode' },
        },
      ],
    },
    {
      id: 'verify-and-resume',
      title: 'Verify and resume',
      window: null,
      steps: [
        {
          id: 'verify-health',
          text: 'Health endpoint answers healthy again',
          owner: 'on-call-engineer',
          command: 'curl -s http://localhost:8080/health',
          verification: true,
        },
        {
          id: 'verify-metrics',
          text: 'Error rate is under 0.5% and p99 latency under 50µs (below the warning thresholds)',
          owner: 'on-call-engineer',
          command: 'curl -s http://localhost:8080/metrics | grep -E "(error_rate|latency|throughput)"',
          verification: true,
        },
        {
          id: 'resume-trading',
          text: 'Leave maintenance mode and resume trading once the checks pass',
          owner: 'incident-commander',
          control: { id: 'resume' },
        },
      ],
    },
  ],
};

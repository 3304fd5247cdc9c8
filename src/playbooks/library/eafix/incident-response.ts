import type { Playbook } from '../../playbook.ts';

export const incidentResponse: Playbook = {
  id: 'eafix-incident-response',
  title: 'EAFIX incident response',
  system: 'eafix',
  incidentTypes: [
    'system-crash',
    'performance-degradation',
    'database',
    'connectivity',
    'error-storm',
    'market-data',
    'other',
  ],
  summary:
    'Any EAFIX incident that touches trading or availability: acknowledge and make trading safe in 5 minutes, triage and contain by failure type by 15, investigate and size the trading impact by 60, then fix, validate and communicate. The explicit resume after validation is sound practice added here; post-incident windows count from resolution in the seed, so they carry none.',
  phases: [
    {
      id: 'immediate',
      title: 'Immediate actions and safety measures',
      window: { from: 0, to: 5 },
      steps: [
        {
          id: 'acknowledge-page',
          text: 'Acknowledge the PagerDuty incident and set its status to Investigating',
          owner: 'on-call-engineer',
        },
        {
          id: 'market-hours',
          text: 'Establish whether trading is live right now (market hours)',
          owner: 'trading-desk',
        },
        {
          id: 'positions-at-risk',
          text: 'Check open positions to judge whether they are at risk',
          owner: 'risk',
        },
        {
          id: 'data-flowing',
          text: 'Confirm price updates are still arriving',
          owner: 'on-call-engineer',
        },
        {
          id: 'orders-executing',
          text: 'Confirm orders are still executing',
          owner: 'trading-desk',
        },
        {
          id: 'safety-measures',
          text: 'Make trading safe according to what the assessment showed',
          owner: 'incident-commander',
          branches: [
            {
              when: 'Trading has to stop at once',
              steps: [
                {
                  id: 'emergency-stop',
                  text: 'Stop trading through the emergency endpoint',
                  owner: 'incident-commander',
                  command: 'curl -X POST http://localhost:8080/emergency/stop-trading',
                  control: { id: 'halt' },
                },
              ],
            },
            {
              when: 'A single service has to be isolated',
              steps: [
                {
                  id: 'isolate-service',
                  text: 'Stop that service’s container',
                  owner: 'on-call-engineer',
                  command: 'docker compose stop <SERVICE_NAME>',
                },
              ],
            },
          ],
        },
        {
          id: 'smoke-status',
          text: 'Run the smoke checks to see overall system status',
          owner: 'on-call-engineer',
          command: 'make smoke',
        },
      ],
    },
    {
      id: 'triage',
      title: 'Triage and containment',
      window: { from: 5, to: 15 },
      steps: [
        {
          id: 'classify',
          text: 'Set severity: P0 for a market-hours outage, position-corrupting data, an exploited breach or risk system failure; P1 for partial outage, signal latency over 5 s, reconciliation failure or a feed gap; P2 for a non-critical service, slower-than-normal (<5 s) or data quality problems; P3 otherwise',
          owner: 'incident-commander',
        },
        {
          id: 'health-json',
          text: 'Read the gateway health status',
          owner: 'on-call-engineer',
          command: 'curl http://localhost:8080/health | jq .',
        },
        {
          id: 'containers',
          text: 'List container states',
          owner: 'on-call-engineer',
          command: 'docker compose ps',
        },
        {
          id: 'recent-errors',
          text: 'Scan the last 15 minutes of logs for errors',
          owner: 'on-call-engineer',
          command: 'docker compose logs --tail=100 --since=15m | grep -i error',
        },
        {
          id: 'resources',
          text: 'Take a snapshot of container resource use',
          owner: 'on-call-engineer',
          command: 'docker stats --no-stream',
        },
        {
          id: 'db-connectivity',
          text: 'Check the production database answers',
          owner: 'database-admin',
          command: 'psql -h localhost -p 5432 -U eafix -d eafix_prod -c "SELECT now();"',
        },
        {
          id: 'redis-connectivity',
          text: 'Check Redis answers',
          owner: 'on-call-engineer',
          command: 'redis-cli ping',
        },
        {
          id: 'contain',
          text: 'Contain the failure along the path the diagnosis points to',
          owner: 'incident-commander',
          branches: [
            {
              when: 'A service has failed',
              steps: [
                {
                  id: 'restart-failed-service',
                  text: 'Restart the failed service',
                  owner: 'on-call-engineer',
                  command: 'docker compose restart <SERVICE_NAME>',
                },
                {
                  id: 'failed-service-logs',
                  text: 'Read the failed service’s recent log lines',
                  owner: 'on-call-engineer',
                  command: 'docker compose logs <SERVICE_NAME> --tail=50',
                },
              ],
            },
            {
              when: 'The database is the problem',
              steps: [
                {
                  id: 'db-connection-count',
                  text: 'Count open database connections',
                  owner: 'database-admin',
                  command: 'psql -c "SELECT count(*) FROM pg_stat_activity;"',
                },
                {
                  id: 'db-blocked-locks',
                  text: 'Look for locks that are waiting to be granted',
                  owner: 'database-admin',
                  command: 'psql -c "SELECT * FROM pg_locks WHERE NOT granted;"',
                },
              ],
            },
            {
              when: 'Network or connectivity is the problem',
              steps: [
                {
                  id: 'internal-ping',
                  text: 'Ping one container from another to test the internal network',
                  owner: 'network',
                  command: 'docker exec <CONTAINER> ping <TARGET_CONTAINER>',
                },
                {
                  id: 'external-broker',
                  text: 'Check the external broker API is reachable',
                  owner: 'network',
                  command: 'curl -I https://api.external-broker.com/',
                },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'investigation',
      title: 'Investigation and trading-impact assessment',
      window: { from: 15, to: 60 },
      steps: [
        {
          id: 'snapshot-logs',
          text: 'Save the last hour of logs to a timestamped file',
          owner: 'scribe',
          command: 'docker compose logs --since=1h > incident_logs_$(date +%Y%m%d_%H%M%S).txt',
        },
        {
          id: 'export-metrics',
          text: 'Export the last hour of the up metric from Prometheus, if it is running',
          owner: 'scribe',
          command:
            'curl "http://localhost:9090/api/v1/query_range?query=up&start=$(date -d \'1 hour ago\' -u +%Y-%m-%dT%H:%M:%SZ)&end=$(date -u +%Y-%m-%dT%H:%M:%SZ)&step=60s"',
        },
        {
          id: 'slow-queries',
          text: 'List the ten most expensive database statements',
          owner: 'database-admin',
          command: 'psql -c "\\x" -c "SELECT * FROM pg_stat_statements ORDER BY total_time DESC LIMIT 10;"',
        },
        {
          id: 'recent-deploys',
          text: 'Review the last 24 hours of commits for a recent deployment',
          owner: 'on-call-engineer',
          command: 'git log --oneline --since="24 hours ago"',
        },
        {
          id: 'open-positions',
          text: 'List open positions',
          owner: 'risk',
          command: `curl http://localhost:8080/api/positions | jq '.[] | select(.status == "open")'`,
        },
        {
          id: 'recent-signals',
          text: 'Review signals from the last hour',
          owner: 'trading-desk',
          command: 'curl "http://localhost:8083/api/signals?since=1h"',
        },
        {
          id: 'recent-executions',
          text: 'Review executions from the last hour',
          owner: 'trading-desk',
          command: 'curl "http://localhost:8085/api/executions?since=1h"',
        },
        {
          id: 'reconcile-positions',
          text: 'Run position reconciliation',
          owner: 'risk',
          command: 'curl http://localhost:8080/api/reconcile/positions',
        },
        {
          id: 'root-cause',
          text: 'Follow the investigation path that fits the symptoms',
          owner: 'incident-commander',
          branches: [
            {
              when: 'Performance problem',
              steps: [
                {
                  id: 'perf-resources',
                  text: 'Check CPU, memory and disk utilisation',
                  owner: 'on-call-engineer',
                },
                {
                  id: 'perf-slow-queries',
                  text: 'Analyse slow database queries',
                  owner: 'database-admin',
                },
                {
                  id: 'perf-queue-depth',
                  text: 'Review message queue depths',
                  owner: 'on-call-engineer',
                },
                {
                  id: 'perf-network-latency',
                  text: 'Measure network latency between services',
                  owner: 'network',
                },
              ],
            },
            {
              when: 'Data problem',
              steps: [
                {
                  id: 'data-checksums',
                  text: 'Validate data integrity with checksums',
                  owner: 'database-admin',
                },
                {
                  id: 'data-market-gaps',
                  text: 'Look for missing or late market data',
                  owner: 'on-call-engineer',
                },
                {
                  id: 'data-contracts',
                  text: 'Check messages comply with the contract schemas',
                  owner: 'on-call-engineer',
                },
                {
                  id: 'data-pipelines',
                  text: 'Review the data transformation pipelines',
                  owner: 'on-call-engineer',
                },
              ],
            },
            {
              when: 'Service failure',
              steps: [
                {
                  id: 'svc-exceptions',
                  text: 'Analyse the service logs for exceptions',
                  owner: 'on-call-engineer',
                },
                {
                  id: 'svc-dependencies',
                  text: 'Check the health of its dependencies',
                  owner: 'on-call-engineer',
                },
                {
                  id: 'svc-config',
                  text: 'Review recent configuration changes',
                  owner: 'on-call-engineer',
                },
                {
                  id: 'svc-discovery',
                  text: 'Validate service discovery',
                  owner: 'network',
                },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'resolution',
      title: 'Temporary and permanent fixes',
      window: { from: 60, to: null },
      steps: [
        {
          id: 'temp-stop-losses',
          text: 'Temporary fix, first priority: stop the losses so the damage does not grow',
          owner: 'risk',
        },
        {
          id: 'temp-restart',
          text: 'Temporary fix, second: try restarting the affected service',
          owner: 'on-call-engineer',
          command: 'docker compose restart <SERVICE_NAME>',
        },
        {
          id: 'temp-route-around',
          text: 'Temporary fix, third: route traffic around the failed component',
          owner: 'on-call-engineer',
        },
        {
          id: 'temp-rollback',
          text: 'Temporary fix, fourth: roll back to the last known good state',
          owner: 'on-call-engineer',
        },
        {
          id: 'temp-manual',
          text: 'Temporary fix, last resort: carry out critical functions by hand',
          owner: 'trading-desk',
        },
        {
          id: 'perm-hotfix',
          text: 'Deploy the code fix from the hotfix branch',
          owner: 'on-call-engineer',
          command: 'git checkout hotfix/incident-fix\nmake docker-build\nmake docker-up',
        },
        {
          id: 'perm-config',
          text: 'Apply configuration changes (environment variables) and restart the affected services',
          owner: 'on-call-engineer',
          command: 'docker compose restart <SERVICE_NAME>',
        },
        {
          id: 'perm-scale',
          text: 'Scale the service out if capacity was the cause',
          owner: 'on-call-engineer',
          command: 'docker compose up -d --scale <SERVICE_NAME>=3',
        },
        {
          id: 'perm-data-repair',
          text: 'Repair position data if needed, dry run first',
          owner: 'database-admin',
          command: 'python scripts/data-repair/fix_positions.py --dry-run',
        },
      ],
    },
    {
      id: 'validation',
      title: 'Validation',
      window: { from: 60, to: null },
      steps: [
        {
          id: 'validate-smoke',
          text: 'Smoke tests pass on every critical path',
          owner: 'on-call-engineer',
          command: 'make smoke',
          verification: true,
        },
        {
          id: 'validate-contracts',
          text: 'Full contract validation passes',
          owner: 'on-call-engineer',
          command: 'make contracts-validate-full',
          verification: true,
        },
        {
          id: 'validate-trading-flow',
          text: 'A simulated tick produces a signal end to end',
          owner: 'on-call-engineer',
          command:
            'curl -X POST http://localhost:8081/test/simulate-tick\nsleep 2\ncurl "http://localhost:8083/api/signals?limit=1"',
          verification: true,
        },
        {
          id: 'validate-latency',
          text: 'The five-minute latency test passes',
          owner: 'on-call-engineer',
          command: 'python scripts/performance/latency-test.py --duration=300',
          verification: true,
        },
        {
          id: 'validate-positions',
          text: 'Positions reconcile cleanly',
          owner: 'risk',
          command: 'curl http://localhost:8080/api/reconcile/positions',
          verification: true,
        },
        {
          id: 'resume-trading',
          text: 'Resume trading once every check has passed',
          owner: 'incident-commander',
          control: { id: 'resume' },
        },
      ],
    },
    {
      id: 'communication',
      title: 'Communication',
      window: { from: 0, to: null },
      steps: [
        {
          id: 'incident-channel',
          text: 'Run the incident in #eafix-incidents, coordinate developers in #eafix-dev and inform the desk in #trading-operations',
          owner: 'communications',
        },
        {
          id: 'initial-update',
          text: 'Post the first update within 15 minutes of the start: incident id, status, impact, actions, ETA, next update time',
          owner: 'communications',
        },
        {
          id: 'trading-desk-notice',
          text: 'For P0/P1 in market hours, tell the trading desk at once, by phone when trading is critically hit',
          owner: 'communications',
        },
        {
          id: 'management-notice',
          text: 'Inform management: P0 immediately, P1 within 30 minutes, P2/P3 in the next business-day summary',
          owner: 'incident-commander',
        },
        {
          id: 'progress-updates',
          text: 'Post progress updates every 30 minutes for P0/P1 (every 2 hours for P2/P3) while investigating',
          owner: 'communications',
        },
        {
          id: 'resolution-notice',
          text: 'Announce the resolution within 15 minutes of the fix',
          owner: 'communications',
        },
        {
          id: 'desk-email-summary',
          text: 'Email the trading desk a summary within an hour of resolution',
          owner: 'communications',
        },
      ],
    },
    {
      id: 'post-resolution',
      title: 'Post-resolution (first 24 hours)',
      window: null,
      steps: [
        {
          id: 'heightened-monitoring',
          text: 'Keep monitoring raised for 24 hours',
          owner: 'on-call-engineer',
        },
        {
          id: 'complete-timeline',
          text: 'Finish the incident timeline',
          owner: 'scribe',
        },
        {
          id: 'preliminary-findings',
          text: 'Write down a first assessment of the root cause',
          owner: 'incident-commander',
        },
        {
          id: 'stakeholder-resolution',
          text: 'Tell stakeholders the incident is resolved',
          owner: 'communications',
        },
      ],
    },
    {
      id: 'post-incident-review',
      title: 'Post-incident review (1–7 days)',
      window: null,
      steps: [
        {
          id: 'full-rca',
          text: 'Complete the root cause analysis',
          owner: 'incident-commander',
        },
        {
          id: 'review-timeline',
          text: 'Check the timeline for accuracy',
          owner: 'scribe',
        },
        {
          id: 'evaluate-response',
          text: 'Assess how well the response went',
          owner: 'incident-commander',
        },
        {
          id: 'action-items',
          text: 'Agree action items for improvements and fixes',
          owner: 'incident-commander',
        },
      ],
    },
    {
      id: 'follow-up',
      title: 'Long-term follow-up (1–4 weeks)',
      window: null,
      steps: [
        {
          id: 'update-runbooks',
          text: 'Revise runbooks and procedures',
          owner: 'incident-commander',
        },
        {
          id: 'preventive-measures',
          text: 'Put preventive system changes in place',
          owner: 'on-call-engineer',
        },
        {
          id: 'share-learnings',
          text: 'Share what was learned with the team',
          owner: 'incident-commander',
        },
        {
          id: 'improve-alerting',
          text: 'Improve alerting and detection',
          owner: 'on-call-engineer',
        },
      ],
    },
  ],
};

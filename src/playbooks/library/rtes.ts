// RTES (Real-Time Trading Exchange Simulator) playbooks. Facts — order of actions, time windows,
// thresholds, endpoints, ports, script names and commands — come from the RTES incident response
// playbook seed (../shared/seeds/000_*.txt); the wording is our own.
import type { Playbook } from '../playbook.ts';

export const rtesPlaybooks: Playbook[] = [
  {
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
  },
  {
    id: 'rtes-p2-performance-degradation',
    title: 'RTES P2: performance degradation',
    system: 'rtes',
    severity: 'P2',
    incidentTypes: ['performance-degradation'],
    summary:
      'For high latency or partial outages that hurt trading; respond within 15 minutes. Find the bottleneck, add capacity, then tune for high load. The seed gives no time windows; the closing verification against the seed’s latency and throughput targets is sound practice added here.',
    phases: [
      {
        id: 'identify',
        title: 'Identify the bottleneck',
        window: null,
        steps: [
          {
            id: 'latency-metrics',
            text: 'Read the latency metrics (warning above 50µs p99, critical above 100µs)',
            owner: 'on-call-engineer',
            command: 'curl -s http://localhost:8080/metrics | grep latency_us',
          },
          {
            id: 'process-usage',
            text: 'Check CPU and memory of the trading_exchange process',
            owner: 'on-call-engineer',
            command: 'ps aux | grep trading_exchange',
          },
        ],
      },
      {
        id: 'scale',
        title: 'Scale resources',
        window: null,
        steps: [
          {
            id: 'scale-up',
            text: 'Move to a larger instance (16 CPUs, 32 GB)',
            owner: 'on-call-engineer',
            command: './scripts/scale_resources.sh --cpu 16 --memory 32GB',
          },
          {
            id: 'scale-out',
            text: 'Run five instances',
            owner: 'on-call-engineer',
            command: './scripts/auto_scale.sh --instances 5',
          },
        ],
      },
      {
        id: 'tune',
        title: 'Optimise configuration',
        window: null,
        steps: [
          {
            id: 'tune-high-load',
            text: 'Apply the high-load performance profile',
            owner: 'on-call-engineer',
            command: './scripts/tune_performance.sh --profile high_load',
          },
        ],
      },
      {
        id: 'verify',
        title: 'Verify',
        window: null,
        steps: [
          {
            id: 'verify-latency',
            text: 'p99 latency is back under 50µs',
            owner: 'on-call-engineer',
            command: 'curl -s http://localhost:8080/metrics | grep latency_us',
            verification: true,
          },
          {
            id: 'verify-throughput',
            text: 'Throughput is above 50,000 orders per second and CPU averages under 70%',
            owner: 'on-call-engineer',
            command: 'curl -s http://localhost:8080/metrics | grep -E "(throughput|latency)"',
            verification: true,
          },
        ],
      },
    ],
  },
  {
    id: 'rtes-p2-memory-leak',
    title: 'RTES P2: memory leak',
    system: 'rtes',
    severity: 'P2',
    incidentTypes: ['performance-degradation'],
    summary:
      'For steadily growing memory in trading_exchange (warning above 80%, critical above 90%). Sample memory every minute, take a core dump for analysis, then restart under massif profiling. The seed gives no time windows; the closing check that memory stays flat is sound practice added here.',
    phases: [
      {
        id: 'monitor',
        title: 'Track memory growth',
        window: null,
        steps: [
          {
            id: 'sample-memory',
            text: 'Sample the process memory once a minute to confirm steady growth',
            owner: 'on-call-engineer',
            command:
              'while true; do\n  ps -p $(pgrep trading_exchange) -o pid,vsz,rss,pmem,time\n  sleep 60\ndone',
          },
        ],
      },
      {
        id: 'dump',
        title: 'Capture a memory dump',
        window: null,
        steps: [
          {
            id: 'core-dump',
            text: 'Take a core dump of the running process for heap analysis',
            owner: 'on-call-engineer',
            command: 'gcore $(pgrep trading_exchange)',
          },
        ],
      },
      {
        id: 'restart-profiled',
        title: 'Restart with profiling',
        window: null,
        steps: [
          {
            id: 'stop-service',
            text: 'Stop the exchange service',
            owner: 'on-call-engineer',
            command: 'systemctl stop rtes-trading-exchange',
          },
          {
            id: 'start-massif',
            text: 'Start the exchange under valgrind massif with the production config',
            owner: 'on-call-engineer',
            command: 'valgrind --tool=massif ./trading_exchange config.prod.json &',
          },
        ],
      },
      {
        id: 'verify',
        title: 'Verify',
        window: null,
        steps: [
          {
            id: 'verify-memory-flat',
            text: 'Memory stays under 80% and no longer climbs between samples',
            owner: 'on-call-engineer',
            command: 'ps -p $(pgrep trading_exchange) -o pid,vsz,rss,pmem,time',
            verification: true,
          },
        ],
      },
    ],
  },
  {
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
  },
  {
    id: 'rtes-dc-failover',
    title: 'RTES data-centre failover',
    system: 'rtes',
    incidentTypes: ['system-crash', 'connectivity'],
    summary:
      'Disaster recovery when the primary site is lost: confirm the primary is unreachable, move DNS and start services on the secondary, then bring data across and check its integrity. The seed gives no time windows.',
    phases: [
      {
        id: 'assess-primary',
        title: 'Assess the primary site',
        window: null,
        steps: [
          {
            id: 'ping-primary',
            text: 'Ping the primary data centre',
            owner: 'network',
            command: 'ping -c 5 primary-datacenter.internal',
          },
          {
            id: 'primary-db-health',
            text: 'Check database connectivity at the primary site',
            owner: 'database-admin',
            command: './scripts/db_health_check.sh --site primary',
          },
        ],
      },
      {
        id: 'activate-secondary',
        title: 'Activate the secondary site',
        window: null,
        steps: [
          {
            id: 'dns-failover',
            text: 'Point DNS at the secondary site',
            owner: 'network',
            command: './scripts/dns_failover.sh --target secondary',
          },
          {
            id: 'start-secondary',
            text: 'Start services on the secondary site',
            owner: 'on-call-engineer',
            command: './scripts/site_activation.sh --site secondary',
          },
        ],
      },
      {
        id: 'sync-data',
        title: 'Synchronise data',
        window: null,
        steps: [
          {
            id: 'sync-primary-to-secondary',
            text: 'Copy the latest data from primary to secondary',
            owner: 'database-admin',
            command: './scripts/data_sync.sh --from primary --to secondary',
          },
          {
            id: 'verify-integrity',
            text: 'Data integrity check passes on the secondary',
            owner: 'database-admin',
            command: './scripts/data_integrity_check.sh',
            verification: true,
          },
        ],
      },
    ],
  },
  {
    id: 'rtes-db-pitr',
    title: 'RTES database point-in-time recovery',
    system: 'rtes',
    incidentTypes: ['database', 'data-loss'],
    summary:
      'Restore the RTES database to a moment before the damage: check its state and replication lag, restore the latest backup to the chosen time, then verify the restore. The seed gives no time windows.',
    phases: [
      {
        id: 'assess',
        title: 'Assess the database',
        window: null,
        steps: [
          {
            id: 'db-status',
            text: 'Check database status',
            owner: 'database-admin',
            command: './scripts/db_status.sh',
          },
          {
            id: 'replication-lag',
            text: 'Check replication lag',
            owner: 'database-admin',
            command: './scripts/replication_check.sh',
          },
        ],
      },
      {
        id: 'restore',
        title: 'Point-in-time restore',
        window: null,
        steps: [
          {
            id: 'restore-backup',
            text: 'Restore the latest backup up to the chosen recovery time',
            owner: 'database-admin',
            command: './scripts/db_restore.sh --backup-id latest --point-in-time "<RECOVERY_TIMESTAMP>"',
          },
          {
            id: 'verify-restore',
            text: 'Restore verification passes',
            owner: 'database-admin',
            command: './scripts/db_verify.sh',
            verification: true,
          },
        ],
      },
    ],
  },
  {
    id: 'rtes-communication',
    title: 'RTES incident communication',
    system: 'rtes',
    incidentTypes: [],
    summary:
      'Internal and external messages for an RTES incident: declare it in the incident manager, post status updates, notify clients by email, SMS and API, and produce the regulatory report. The seed gives no timings.',
    phases: [
      {
        id: 'internal',
        title: 'Internal communication',
        window: null,
        steps: [
          {
            id: 'declare',
            text: 'Open the incident in the incident manager with title, severity and description',
            owner: 'incident-commander',
            command:
              './scripts/incident_manager.sh --create \\\n  --title "<INCIDENT_TITLE>" \\\n  --severity <SEVERITY> \\\n  --description "<DESCRIPTION>"',
          },
          {
            id: 'status-update',
            text: 'Post a status update on the incident',
            owner: 'scribe',
            command: './scripts/incident_manager.sh --update <INCIDENT_ID> \\\n  --status "<STATUS>"',
          },
        ],
      },
      {
        id: 'external',
        title: 'External communication',
        window: null,
        steps: [
          {
            id: 'client-notice',
            text: 'Alert clients over email, SMS and API',
            owner: 'communications',
            command:
              './scripts/client_notification.sh \\\n  --message "<MESSAGE>" \\\n  --channels "email,sms,api"',
          },
          {
            id: 'regulatory-report',
            text: 'Generate the regulatory report in the regulatory standard format',
            owner: 'communications',
            command:
              './scripts/regulatory_report.sh \\\n  --incident <INCIDENT_ID> \\\n  --format "regulatory_standard"',
          },
        ],
      },
    ],
  },
  {
    id: 'rtes-post-incident',
    title: 'RTES post-incident analysis',
    system: 'rtes',
    incidentTypes: [],
    summary:
      'After an RTES incident: gather logs and metrics for the incident period, rebuild the timeline, then harden monitoring and alerting and feed the lessons into the runbooks. The seed gives no time windows.',
    phases: [
      {
        id: 'root-cause',
        title: 'Root cause analysis',
        window: null,
        steps: [
          {
            id: 'collect-logs',
            text: 'Collect system logs covering two hours around the incident',
            owner: 'scribe',
            command: './scripts/log_collector.sh --incident <INCIDENT_ID> --timeframe "2 hours"',
          },
          {
            id: 'export-metrics',
            text: 'Export metrics for the incident period',
            owner: 'scribe',
            command: './scripts/metrics_export.sh --from "<START_TIME>" --to "<END_TIME>"',
          },
          {
            id: 'timeline',
            text: 'Generate the incident timeline',
            owner: 'scribe',
            command: './scripts/timeline_generator.sh --incident <INCIDENT_ID>',
          },
        ],
      },
      {
        id: 'prevention',
        title: 'Preventive measures',
        window: null,
        steps: [
          {
            id: 'update-monitoring',
            text: 'Update monitoring rules from what the incident showed',
            owner: 'on-call-engineer',
            command: './scripts/update_monitoring.sh --based-on-incident <INCIDENT_ID>',
          },
          {
            id: 'tune-alerting',
            text: 'Tune alerting for this kind of incident',
            owner: 'on-call-engineer',
            command: './scripts/alert_tuning.sh --incident-type <INCIDENT_TYPE>',
          },
          {
            id: 'update-runbooks',
            text: 'Fold the lessons learned into the runbooks',
            owner: 'incident-commander',
            command: './scripts/runbook_update.sh --lessons-learned <INCIDENT_ID>',
          },
        ],
      },
    ],
  },
];

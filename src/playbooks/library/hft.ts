// HFT system playbooks. Facts (order of actions, time windows, thresholds, endpoints, scripts,
// SEV1–SEV4 scheme) come from the HFT incident-response seed (004_*.txt); the wording is ours.
// The seed only names its data-corruption, network-failure, trading-anomaly and database-failure
// playbooks: those four are written here from incident practice and the other seeds (SMC data
// loss and database procedures, LAV/ADAF venue and risk procedures, EAFIX containment and
// validation), using the HFT system's own API (localhost:8080 /api/v1/...) and scripts.
import type { Playbook } from '../playbook.ts';

const API = 'http://localhost:8080/api/v1';
const PSQL = 'psql -h localhost -U hft_user -d hft_db';

export const hftPlaybooks: Playbook[] = [
  {
    id: 'hft-exchange-outage',
    title: 'HFT: exchange outage',
    system: 'hft',
    severity: 'SEV2',
    incidentTypes: ['exchange-outage'],
    summary:
      'An exchange link is lost or the exchange itself is down ("Exchange Disconnected" alert, red exchange status, no market data for 30 s or more). One exchange is SEV2; all exchanges disconnected is SEV1. Stop and cancel on the venue first, then split on whether the exchange is down or our connection is at fault.',
    phases: [
      {
        id: 'immediate',
        title: 'Immediate actions',
        window: { from: 0, to: 5 },
        steps: [
          {
            id: 'confirm-exchange-down',
            text: 'Confirm the exchange really is unreachable: run the status script and look at its public status page',
            owner: 'on-call-engineer',
            command: `./scripts/check_exchange_status.sh <EXCHANGE_NAME>\ncurl https://status.<EXCHANGE_NAME>.com`,
          },
          {
            id: 'which-side',
            text: 'Work out whether the fault is on our side or the exchange side by probing its stream and API hosts',
            owner: 'network',
            command: `ping -c 5 stream.<EXCHANGE_NAME>.com\ncurl -I https://api.<EXCHANGE_NAME>.com`,
          },
          {
            id: 'stop-strategies',
            text: 'Stop every strategy that trades on the affected exchange',
            owner: 'on-call-engineer',
            command: './scripts/stop_strategies_by_exchange.sh <EXCHANGE_NAME>',
          },
          {
            id: 'cancel-open-orders',
            text: 'Cancel all open orders on the exchange, if it still accepts requests',
            owner: 'trading-desk',
            command: `curl -X POST ${API}/exchanges/<EXCHANGE_NAME>/cancel_all_orders`,
            control: { id: 'venue-cancel-all', venue: true },
          },
        ],
      },
      {
        id: 'assessment',
        title: 'Assessment',
        window: { from: 5, to: 15 },
        steps: [
          {
            id: 'scope',
            text: 'Establish the scope: one exchange or several (several or all means SEV1)',
            owner: 'incident-commander',
          },
          {
            id: 'official-status',
            text: "Read the exchange's official status page for its own account of the outage",
            owner: 'on-call-engineer',
            command: 'curl https://status.<EXCHANGE_NAME>.com',
          },
          {
            id: 'estimate-downtime',
            text: 'Estimate how long the exchange will be unavailable',
            owner: 'incident-commander',
          },
          {
            id: 'trading-impact',
            text: 'Assess the impact on trading and open exposure',
            owner: 'trading-desk',
          },
          {
            id: 'arb-hedging',
            text: 'Check whether arbitrage or hedging legs depend on this exchange',
            owner: 'risk',
          },
        ],
      },
      {
        id: 'mitigation',
        title: 'Mitigation',
        window: { from: 15, to: 60 },
        steps: [
          {
            id: 'decide-cause',
            text: 'Act on what the checks showed: the exchange is down, or our connection to it is the problem',
            owner: 'incident-commander',
            branches: [
              {
                when: 'Exchange confirmed down',
                steps: [
                  {
                    id: 'disable-exchange',
                    text: 'Disable the exchange in the configuration so nothing routes to it',
                    owner: 'on-call-engineer',
                    command: `curl -X PUT ${API}/config \\\n  -d '{"exchanges": {"<EXCHANGE_NAME>": {"enabled": false}}}'`,
                    control: { id: 'venue-disable', venue: true },
                  },
                  {
                    id: 'redirect-strategies',
                    text: 'Where it applies, move strategies to alternative exchanges (strategy configs are edited by hand)',
                    owner: 'trading-desk',
                    control: { id: 'venue-failover', venue: true },
                  },
                  {
                    id: 'watch-recovery',
                    text: 'Poll the exchange status every 10 seconds until it comes back',
                    owner: 'on-call-engineer',
                    command: "watch -n 10 './scripts/check_exchange_status.sh <EXCHANGE_NAME>'",
                  },
                ],
              },
              {
                when: 'Our connection is the problem',
                steps: [
                  {
                    id: 'trace-route',
                    text: 'Trace the network path to the exchange stream host and look for loss or latency',
                    owner: 'network',
                    command: `traceroute stream.<EXCHANGE_NAME>.com\nmtr --report --report-cycles=10 stream.<EXCHANGE_NAME>.com`,
                  },
                  {
                    id: 'verify-api-key',
                    text: 'Check that our API key for the exchange is still valid',
                    owner: 'on-call-engineer',
                    command: './scripts/verify_api_key.sh <EXCHANGE_NAME>',
                  },
                  {
                    id: 'reconnect',
                    text: 'Try to re-establish the session with the exchange',
                    owner: 'on-call-engineer',
                    command: `curl -X POST ${API}/exchanges/<EXCHANGE_NAME>/reconnect`,
                    control: { id: 'venue-reconnect', venue: true },
                  },
                  {
                    id: 'check-firewall',
                    text: 'Look for firewall or security-group rules blocking the exchange address',
                    owner: 'network',
                    command: 'sudo iptables -L -n | grep <EXCHANGE_IP>',
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        id: 'recovery',
        title: 'Recovery (once the exchange is back)',
        window: null,
        steps: [
          {
            id: 'verify-operational',
            text: 'Confirm the exchange is operating normally again',
            owner: 'on-call-engineer',
            command: './scripts/check_exchange_status.sh <EXCHANGE_NAME>',
            verification: true,
          },
          {
            id: 'recovery-reconnect',
            text: 'Reconnect to the exchange',
            owner: 'on-call-engineer',
            command: `curl -X POST ${API}/exchanges/<EXCHANGE_NAME>/reconnect`,
            control: { id: 'venue-reconnect', venue: true },
          },
          {
            id: 'reconcile-positions',
            text: 'Reconcile our positions against the exchange before trading on it',
            owner: 'trading-desk',
            command: './scripts/reconcile_positions.sh <EXCHANGE_NAME>',
            verification: true,
          },
          {
            id: 'restart-strategies',
            text: 'Start the strategies for this exchange again',
            owner: 'on-call-engineer',
            command: './scripts/start_strategies_by_exchange.sh <EXCHANGE_NAME>',
          },
          {
            id: 'monitor',
            text: 'Watch the exchange connection closely for 30 minutes',
            owner: 'on-call-engineer',
            command: './scripts/monitor_exchange.sh <EXCHANGE_NAME>',
          },
        ],
      },
      {
        id: 'communication',
        title: 'Communication',
        window: { from: 0, to: null },
        steps: [
          {
            id: 'alert-t0',
            text: 'At declaration, alert the on-call engineer and the trading desk',
            owner: 'communications',
          },
          { id: 'status-t15', text: 'By T+15 min, update the status page', owner: 'communications' },
          {
            id: 'email-t30',
            text: 'By T+30 min, email stakeholders if the exchange is still unavailable',
            owner: 'communications',
          },
          {
            id: 'notify-resolution',
            text: 'On resolution, tell every party that was informed',
            owner: 'communications',
          },
        ],
      },
      {
        id: 'post-incident',
        title: 'Post-incident',
        window: null,
        steps: [
          { id: 'record-downtime', text: 'Record how long the exchange was unavailable', owner: 'scribe' },
          {
            id: 'impact-cost',
            text: 'Quantify the trading impact: missed opportunities and losses',
            owner: 'trading-desk',
          },
          {
            id: 'reliability-review',
            text: "Review the exchange's reliability record",
            owner: 'incident-commander',
          },
          {
            id: 'backup-exchanges',
            text: 'Consider adding or strengthening backup exchanges',
            owner: 'incident-commander',
          },
        ],
      },
    ],
  },
  {
    id: 'hft-system-crash',
    title: 'HFT: system crash',
    system: 'hft',
    severity: 'SEV1',
    incidentTypes: ['system-crash'],
    summary:
      'The HFT process has died or will not start ("System Down" alert, API silent, systemctl reports the unit dead). Kill first so no orders are orphaned, keep the evidence, find the cause, restart, validate, then bring strategies back one at a time. A repeat crash within an hour escalates.',
    phases: [
      {
        id: 'immediate',
        title: 'Immediate actions',
        window: { from: 0, to: 2 },
        steps: [
          {
            id: 'killswitch',
            text: 'If the system does not respond, fire the kill switch at once so no orders are left orphaned',
            owner: 'on-call-engineer',
            command: './scripts/emergency_killswitch.sh',
            control: { id: 'kill-switch' },
          },
          {
            id: 'process-status',
            text: 'Check the state of the hft_system process',
            owner: 'on-call-engineer',
            command: 'systemctl status hft_system\nps aux | grep hft_system',
          },
          {
            id: 'core-dump',
            text: 'Look for a core dump',
            owner: 'on-call-engineer',
            command: 'ls -lh /tmp/core.* /var/crash/',
          },
          {
            id: 'save-logs',
            text: 'Copy the system log aside before rotation loses it',
            owner: 'on-call-engineer',
            command: 'cp /var/log/hft_system/system.log /var/log/hft_system/crash_$(date +%Y%m%d_%H%M%S).log',
          },
        ],
      },
      {
        id: 'assessment',
        title: 'Assessment',
        window: { from: 2, to: 5 },
        steps: [
          {
            id: 'crash-reason',
            text: 'Read the last 100 log lines for the cause: segfault, OOM kill, failed assertion, unhandled exception or lost database connection',
            owner: 'on-call-engineer',
            command: 'tail -100 /var/log/hft_system/crash_*.log',
          },
          {
            id: 'resources',
            text: 'Check memory, disk and kernel messages',
            owner: 'on-call-engineer',
            command: 'free -h\ndf -h\ndmesg | tail -50',
          },
        ],
      },
      {
        id: 'recovery',
        title: 'Recovery',
        window: { from: 5, to: 15 },
        steps: [
          {
            id: 'fix-cause',
            text: 'Fix the underlying cause if it is known (for an OOM kill: more memory or fix the leak)',
            owner: 'on-call-engineer',
          },
          {
            id: 'database-up',
            text: 'Make sure the database is running and answers queries',
            owner: 'database-admin',
            command: `systemctl status timescaledb\n${PSQL} -c "SELECT 1;"`,
            verification: true,
          },
          {
            id: 'validate-config',
            text: 'Validate the production configuration',
            owner: 'on-call-engineer',
            command: './bin/hft_system --validate-config --config=config/production.json',
            verification: true,
          },
          {
            id: 'start-system',
            text: 'Start the system',
            owner: 'on-call-engineer',
            command: 'systemctl start hft_system',
          },
          {
            id: 'watch-startup',
            text: 'Follow the startup in the journal',
            owner: 'on-call-engineer',
            command: 'journalctl -u hft_system -f',
          },
        ],
      },
      {
        id: 'validation',
        title: 'Validation',
        window: { from: 15, to: 30 },
        steps: [
          {
            id: 'health-check',
            text: 'Run the health check',
            owner: 'on-call-engineer',
            command: './scripts/health_check.sh',
            verification: true,
          },
          {
            id: 'reconcile',
            text: 'Reconcile positions',
            owner: 'trading-desk',
            command: './scripts/reconcile_positions.sh',
            verification: true,
          },
          {
            id: 'pnl-check',
            text: 'Confirm unrealised P&L is what we expect',
            owner: 'risk',
            command: `curl ${API}/positions | jq '.total_unrealized_pnl_usd'`,
            verification: true,
          },
          {
            id: 'resume-gradually',
            text: 'Lift the kill switch and restart strategies one at a time, checking each before the next',
            owner: 'trading-desk',
            control: { id: 'resume' },
          },
          {
            id: 'stability',
            text: 'Watch health for 30 minutes to confirm stability',
            owner: 'on-call-engineer',
            command: "watch -n 5 './scripts/health_check.sh'",
          },
        ],
      },
      {
        id: 'escalation',
        title: 'Escalation',
        window: { from: 0, to: 60 },
        steps: [
          {
            id: 'repeat-crash',
            text: 'If the system crashes again within an hour of the first crash, escalate',
            owner: 'incident-commander',
            branches: [
              {
                when: 'Crash repeats within 1 hour',
                steps: [
                  { id: 'page-l2', text: 'Page level-2 support', owner: 'communications' },
                  {
                    id: 'consider-standby',
                    text: 'Consider failing over to the standby',
                    owner: 'incident-commander',
                  },
                  {
                    id: 'code-review',
                    text: 'Start a code review of the failing path',
                    owner: 'on-call-engineer',
                  },
                  {
                    id: 'recent-deploys',
                    text: 'Check what was deployed recently',
                    owner: 'on-call-engineer',
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        id: 'communication',
        title: 'Communication',
        window: { from: 0, to: null },
        steps: [
          {
            id: 'page-t0',
            text: 'At declaration, page on-call and the trading desk',
            owner: 'communications',
          },
          { id: 'status-t5', text: 'By T+5 min, update the status page', owner: 'communications' },
          {
            id: 'email-t15',
            text: 'By T+15 min, email management if not yet recovered',
            owner: 'communications',
          },
          {
            id: 'call-t30',
            text: 'By T+30 min, open a conference call if still down',
            owner: 'incident-commander',
          },
        ],
      },
      {
        id: 'post-incident',
        title: 'Post-incident',
        window: null,
        steps: [
          { id: 'analyse-core', text: 'Analyse the core dump, if there is one', owner: 'on-call-engineer' },
          { id: 'log-root-cause', text: 'Go through the logs for the root cause', owner: 'on-call-engineer' },
          { id: 'bug-ticket', text: 'Open a bug ticket', owner: 'on-call-engineer' },
          {
            id: 'add-monitoring',
            text: 'Add monitoring that would catch a recurrence',
            owner: 'on-call-engineer',
          },
          { id: 'update-docs', text: 'Update the documentation', owner: 'scribe' },
        ],
      },
    ],
  },
  {
    id: 'hft-performance-degradation',
    title: 'HFT: performance degradation',
    system: 'hft',
    severity: 'SEV2',
    incidentTypes: ['performance-degradation'],
    summary:
      'Latency is over threshold or throughput has dropped ("High Latency" alert at P99 > 1 ms, slow fills reported by the desk; P99 > 10 ms is SEV2). Measure, find whether CPU, memory, I/O, network or the database is the bottleneck, apply that branch, then restore load gradually. The seed gives no network mitigation; that branch is filled in from incident practice.',
    phases: [
      {
        id: 'immediate',
        title: 'Immediate actions',
        window: { from: 0, to: 5 },
        steps: [
          {
            id: 'latency-report',
            text: 'Take a current latency report',
            owner: 'on-call-engineer',
            command: './scripts/latency_report.sh',
          },
          {
            id: 'resources',
            text: 'Snapshot CPU, memory and disk I/O',
            owner: 'on-call-engineer',
            command: 'top -bn1 | head -20\nfree -h\niostat -x 1 5',
          },
          {
            id: 'long-queries',
            text: 'List database queries that have been running for over a second',
            owner: 'database-admin',
            command: `${PSQL} <<EOF\nSELECT pid, now() - query_start AS duration, query\nFROM pg_stat_activity\nWHERE state = 'active' AND now() - query_start > interval '1 second'\nORDER BY duration DESC;\nEOF`,
          },
        ],
      },
      {
        id: 'diagnosis',
        title: 'Diagnosis',
        window: { from: 5, to: 15 },
        steps: [
          {
            id: 'find-bottleneck',
            text: 'Find which resource is the bottleneck',
            owner: 'on-call-engineer',
            branches: [
              {
                when: 'CPU bound (over 80% CPU)',
                steps: [
                  {
                    id: 'cpu-threads',
                    text: 'Look for a runaway thread in the HFT process',
                    owner: 'on-call-engineer',
                    command: 'top -H -p $(cat /var/run/hft_system.pid)',
                  },
                ],
              },
              {
                when: 'Memory bound (over 90% memory used)',
                steps: [
                  {
                    id: 'memory-leak-check',
                    text: 'Check for a memory leak',
                    owner: 'on-call-engineer',
                    command: './scripts/check_memory_leak.sh',
                  },
                ],
              },
              {
                when: 'I/O bound (device utilisation over 80%)',
                steps: [
                  {
                    id: 'io-top',
                    text: 'See which processes drive the I/O; the database is the usual suspect',
                    owner: 'on-call-engineer',
                    command: 'iostat -x 1 2\niotop -b -n 1 | head -20',
                  },
                ],
              },
              {
                when: 'Network bound',
                steps: [
                  {
                    id: 'network-latency',
                    text: 'Measure network latency to the exchanges',
                    owner: 'network',
                    command: './scripts/check_network_latency.sh',
                  },
                ],
              },
              {
                when: 'Database slow (long-running queries found)',
                steps: [
                  {
                    id: 'db-confirm',
                    text: 'Confirm which queries are slow and how long they have run',
                    owner: 'database-admin',
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        id: 'mitigation',
        title: 'Mitigation',
        window: null,
        steps: [
          {
            id: 'apply-fix',
            text: 'Apply the mitigation for the bottleneck found',
            owner: 'on-call-engineer',
            branches: [
              {
                when: 'CPU bound',
                steps: [
                  {
                    id: 'stop-low-priority',
                    text: 'Shed load by stopping low-priority strategies',
                    owner: 'trading-desk',
                    command: './scripts/stop_low_priority_strategies.sh',
                  },
                  {
                    id: 'profile-cpu',
                    text: 'Profile the CPU for 10 seconds to find the hot threads',
                    owner: 'on-call-engineer',
                    command: './scripts/profile_cpu.sh 10',
                  },
                ],
              },
              {
                when: 'Memory bound',
                steps: [
                  {
                    id: 'clear-caches',
                    text: 'Clear the system caches',
                    owner: 'on-call-engineer',
                    command: `curl -X POST ${API}/system/clear_caches`,
                  },
                  {
                    id: 'archive-orders',
                    text: 'Archive old orders',
                    owner: 'on-call-engineer',
                    command: `curl -X POST ${API}/orders/archive`,
                  },
                  {
                    id: 'restart-if-critical',
                    text: 'If memory is critical, shut down gracefully and restart the system',
                    owner: 'on-call-engineer',
                    command: './scripts/graceful_shutdown.sh && sleep 10 && systemctl start hft_system',
                  },
                ],
              },
              {
                when: 'I/O bound',
                steps: [
                  {
                    id: 'io-db-path',
                    text: 'If the database drives the I/O, apply the database branch; otherwise stop the offending non-trading process',
                    owner: 'on-call-engineer',
                  },
                ],
              },
              {
                when: 'Network bound',
                steps: [
                  {
                    id: 'network-path',
                    text: 'Trace the path to the slow exchange and hand over to the network-failure playbook if a link is degraded',
                    owner: 'network',
                    command: 'mtr --report --report-cycles=10 stream.<EXCHANGE_NAME>.com',
                  },
                  {
                    id: 'network-shed',
                    text: 'Meanwhile stop strategies on the exchange whose path is slow',
                    owner: 'trading-desk',
                    command: './scripts/stop_strategies_by_exchange.sh <EXCHANGE_NAME>',
                  },
                ],
              },
              {
                when: 'Database slow',
                steps: [
                  {
                    id: 'kill-queries',
                    text: 'Terminate queries that have been active for more than 10 seconds',
                    owner: 'database-admin',
                    command: `psql -h localhost -U postgres -d hft_db <<EOF\nSELECT pg_terminate_backend(pid)\nFROM pg_stat_activity\nWHERE state = 'active' AND now() - query_start > interval '10 seconds';\nEOF`,
                  },
                  {
                    id: 'vacuum',
                    text: 'Run VACUUM ANALYZE if tables need it',
                    owner: 'database-admin',
                    command: `${PSQL} -c "VACUUM ANALYZE;"`,
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        id: 'recovery',
        title: 'Recovery',
        window: null,
        steps: [
          {
            id: 'latency-back',
            text: 'Watch latency return under threshold (P99 below 1 ms)',
            owner: 'on-call-engineer',
            command: "watch -n 1 './scripts/latency_report.sh'",
            verification: true,
          },
          {
            id: 'restore-load',
            text: 'Bring stopped strategies back gradually',
            owner: 'trading-desk',
            command: './scripts/start_stopped_strategies.sh --gradual',
          },
        ],
      },
    ],
  },
  {
    id: 'hft-security-breach',
    title: 'HFT: security breach',
    system: 'hft',
    severity: 'SEV1',
    incidentTypes: ['security-breach'],
    summary:
      'Unauthorised access, unusual API activity, unexpected configuration changes or orders we did not place. Kill within the first minute, stop and isolate the host, preserve evidence, rotate every credential, notify within 30 minutes, and resume only once security has cleared the system and trading has been approved.',
    phases: [
      {
        id: 'immediate',
        title: 'Immediate actions',
        window: { from: 0, to: 1 },
        steps: [
          {
            id: 'killswitch',
            text: 'Fire the kill switch immediately, giving a security breach as the reason',
            owner: 'on-call-engineer',
            command: `curl -X POST ${API}/killswitch \\\n  -d '{"reason": "SECURITY BREACH DETECTED"}'`,
            control: { id: 'kill-switch' },
          },
          {
            id: 'stop-system',
            text: 'Stop the trading process',
            owner: 'on-call-engineer',
            command: 'systemctl stop hft_system',
          },
          {
            id: 'isolate',
            text: 'Cut the host off the network, keeping SSH open only from a trusted address',
            owner: 'security',
            command:
              'sudo iptables -P INPUT DROP\nsudo iptables -P OUTPUT DROP\nsudo iptables -A INPUT -p tcp --dport 22 -s <TRUSTED_IP> -j ACCEPT',
          },
        ],
      },
      {
        id: 'assessment',
        title: 'Assessment',
        window: { from: 1, to: 10 },
        steps: [
          {
            id: 'preserve-evidence',
            text: 'Copy logs and configuration into a timestamped evidence folder',
            owner: 'security',
            command:
              'mkdir -p /var/evidence/breach_$(date +%Y%m%d_%H%M%S)\ncp -r /var/log/hft_system /var/evidence/breach_*/logs/\ncp -r /opt/hft_system/config /var/evidence/breach_*/config/',
          },
          {
            id: 'logins',
            text: 'Review recent logins and active sessions',
            owner: 'security',
            command: 'last | head -20\nwho\nsudo ausearch -m USER_LOGIN -ts recent',
          },
          {
            id: 'api-calls',
            text: 'Search the system log for unauthorised or failed-auth API calls',
            owner: 'security',
            command: 'grep "unauthorized\\|failed auth" /var/log/hft_system/system.log | tail -100',
          },
          {
            id: 'config-changes',
            text: 'Diff the configuration repository for changes nobody made on purpose',
            owner: 'security',
            command: 'git -C /opt/hft_system/config diff HEAD',
          },
        ],
      },
      {
        id: 'containment',
        title: 'Containment',
        window: { from: 10, to: 30 },
        steps: [
          {
            id: 'rotate-keys',
            text: 'Rotate every API key now',
            owner: 'security',
            command: './scripts/rotate_all_api_keys.sh',
          },
          {
            id: 'change-passwords',
            text: 'Change all passwords, by hand on each exchange',
            owner: 'security',
          },
          {
            id: 'revoke-sessions',
            text: 'Revoke suspicious sessions and check the account activity logs on each exchange',
            owner: 'security',
          },
          {
            id: 'malware-scan',
            text: 'Scan the installation for malware',
            owner: 'security',
            command: 'sudo clamscan -r /opt/hft_system',
          },
        ],
      },
      {
        id: 'notification',
        title: 'Notification',
        window: { from: 0, to: 30 },
        steps: [
          { id: 'page-security', text: 'Page the security team straight away', owner: 'communications' },
          {
            id: 'notify-management',
            text: 'Inform management: CTO, VP Engineering and Legal',
            owner: 'communications',
          },
          {
            id: 'exchange-support',
            text: 'Contact exchange support if any exchange account is compromised',
            owner: 'trading-desk',
          },
          {
            id: 'regulator-report',
            text: 'Prepare an incident report for regulators where one is required',
            owner: 'incident-commander',
          },
        ],
      },
      {
        id: 'investigation',
        title: 'Investigation',
        window: null,
        steps: [
          { id: 'forensics', text: 'Carry out forensic analysis of the logs', owner: 'security' },
          { id: 'entry-point', text: 'Find how the attacker got in', owner: 'security' },
          { id: 'data-accessed', text: 'Identify what data was accessed', owner: 'security' },
          { id: 'exfiltration', text: 'Check whether data was taken out', owner: 'security' },
          {
            id: 'credentials',
            text: 'Decide whether keys or credentials were compromised',
            owner: 'security',
          },
        ],
      },
      {
        id: 'recovery',
        title: 'Recovery (only after security clears the system)',
        window: null,
        steps: [
          {
            id: 'security-clearance',
            text: 'Obtain clearance from the security team',
            owner: 'security',
            verification: true,
          },
          {
            id: 'patch',
            text: 'Patch the vulnerability that was used',
            owner: 'on-call-engineer',
            verification: true,
          },
          {
            id: 'clean-restore',
            text: 'Restore from a clean backup if the system cannot be trusted',
            owner: 'on-call-engineer',
          },
          {
            id: 'new-keys',
            text: 'Confirm new API keys are in place on every exchange',
            owner: 'security',
            verification: true,
          },
          { id: 'monitoring', text: 'Turn on enhanced monitoring', owner: 'security', verification: true },
          {
            id: 'resume',
            text: 'Resume trading once approval is given',
            owner: 'incident-commander',
            control: { id: 'resume' },
          },
        ],
      },
      {
        id: 'post-incident',
        title: 'Post-incident',
        window: null,
        steps: [
          { id: 'audit', text: 'Run a full security audit', owner: 'security' },
          { id: 'pentest', text: 'Commission penetration testing', owner: 'security' },
          { id: 'procedures', text: 'Revise the security procedures', owner: 'security' },
          { id: 'training', text: 'Train staff on what was learned', owner: 'security' },
          { id: 'regulatory', text: 'File regulatory reports where required', owner: 'incident-commander' },
        ],
      },
    ],
  },
  {
    id: 'hft-data-corruption',
    title: 'HFT: data corruption',
    system: 'hft',
    severity: 'SEV1',
    incidentTypes: ['data-loss'],
    summary:
      'Orders, fills, positions or P&L in the database are wrong or missing. The seed only names this playbook; it is written from incident practice and the SMC data-loss procedure: halt so bad data cannot drive orders, freeze and snapshot the evidence, scope the damage against the exchanges, repair or restore, and resume only after reconciliation. Partial data loss alone is SEV2.',
    phases: [
      {
        id: 'immediate',
        title: 'Immediate actions',
        window: { from: 0, to: 5 },
        steps: [
          {
            id: 'halt',
            text: 'Halt trading so strategies stop acting on corrupted positions; cancels stay allowed',
            owner: 'incident-commander',
            control: { id: 'halt' },
          },
          {
            id: 'stop-writers',
            text: 'Stop the trading process so nothing writes further bad records',
            owner: 'on-call-engineer',
            command: './scripts/graceful_shutdown.sh',
          },
          {
            id: 'snapshot-db',
            text: 'Take a dump of the current database state before anything is repaired',
            owner: 'database-admin',
            command:
              'pg_dump -h localhost -U hft_user -d hft_db -Fc -f /var/backups/hft_db_$(date +%Y%m%d_%H%M%S).dump',
          },
          {
            id: 'save-logs',
            text: 'Copy the system log aside as evidence',
            owner: 'on-call-engineer',
            command:
              'cp /var/log/hft_system/system.log /var/log/hft_system/corruption_$(date +%Y%m%d_%H%M%S).log',
          },
          { id: 'tell-desk', text: 'Tell the trading desk within 5 minutes', owner: 'communications' },
        ],
      },
      {
        id: 'assessment',
        title: 'Assessment',
        window: { from: 5, to: 30 },
        steps: [
          {
            id: 'reconcile-exchanges',
            text: 'Reconcile positions against every exchange to see which records disagree',
            owner: 'trading-desk',
            command: './scripts/reconcile_positions.sh',
          },
          {
            id: 'scope-tables',
            text: 'Establish which tables and which time range are affected, and when data was last known good',
            owner: 'database-admin',
          },
          {
            id: 'storage-errors',
            text: 'Check the kernel log and disks for storage errors',
            owner: 'on-call-engineer',
            command: 'dmesg | grep -i -E "error|corrupt" | tail -50\ndf -h',
          },
          {
            id: 'recent-changes',
            text: 'Check recent deployments and configuration changes that could have written bad data',
            owner: 'on-call-engineer',
            command: 'git -C /opt/hft_system/config diff HEAD',
          },
          {
            id: 'classify',
            text: 'Set the severity: SEV1 if positions or P&L are affected, SEV2 for partial loss elsewhere',
            owner: 'incident-commander',
          },
        ],
      },
      {
        id: 'repair',
        title: 'Repair',
        window: { from: 30, to: 240 },
        steps: [
          {
            id: 'choose-repair',
            text: 'Choose the repair from what the assessment found',
            owner: 'incident-commander',
            branches: [
              {
                when: 'Limited damage and the exchanges hold the true record',
                steps: [
                  {
                    id: 'rebuild-from-exchange',
                    text: 'Rebuild the affected orders, fills and positions from exchange records',
                    owner: 'database-admin',
                  },
                  {
                    id: 'fix-writer',
                    text: 'Fix or roll back the code or configuration that wrote the bad data',
                    owner: 'on-call-engineer',
                  },
                ],
              },
              {
                when: 'Widespread damage or the database is unreliable',
                steps: [
                  {
                    id: 'restore-backup',
                    text: 'Restore the database to the last known-good point (see the database-failure playbook), then replay exchange records since then',
                    owner: 'database-admin',
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        id: 'validation',
        title: 'Validation',
        window: { from: 30, to: 240 },
        steps: [
          {
            id: 'db-answers',
            text: 'Confirm the database answers queries',
            owner: 'database-admin',
            command: `${PSQL} -c "SELECT 1;"`,
            verification: true,
          },
          {
            id: 'reconciled',
            text: 'Reconcile positions again: no breaks on any exchange',
            owner: 'trading-desk',
            command: './scripts/reconcile_positions.sh',
            verification: true,
          },
          {
            id: 'pnl-matches',
            text: 'Confirm P&L matches expectations',
            owner: 'risk',
            command: `curl ${API}/positions | jq '.total_unrealized_pnl_usd'`,
            verification: true,
          },
          {
            id: 'health',
            text: 'Restart the system and run the health check',
            owner: 'on-call-engineer',
            command: 'systemctl start hft_system\n./scripts/health_check.sh',
            verification: true,
          },
          {
            id: 'resume',
            text: 'Lift the halt and bring strategies back one at a time',
            owner: 'incident-commander',
            control: { id: 'resume' },
          },
        ],
      },
      {
        id: 'post-incident',
        title: 'Post-incident',
        window: null,
        steps: [
          {
            id: 'root-cause',
            text: 'Find and document the root cause of the corruption',
            owner: 'on-call-engineer',
          },
          {
            id: 'integrity-checks',
            text: 'Add automated integrity checks (reconciliation, checksums) that would catch it earlier',
            owner: 'on-call-engineer',
          },
          { id: 'test-restores', text: 'Schedule regular test restores of backups', owner: 'database-admin' },
        ],
      },
    ],
  },
  {
    id: 'hft-network-failure',
    title: 'HFT: network failure',
    system: 'hft',
    severity: 'SEV2',
    incidentTypes: ['connectivity'],
    summary:
      'Our own network (host, NIC, line or provider) is failing and links to one or more exchanges drop or slow. The seed only names this playbook; it is written from incident practice, the seed\'s "our connection" checks and the LAV/ADAF venue procedures. All exchanges lost is SEV1. Protect open orders, locate the fault, reroute or fail over, reconnect, verify.',
    phases: [
      {
        id: 'immediate',
        title: 'Immediate actions',
        window: { from: 0, to: 5 },
        steps: [
          {
            id: 'scope',
            text: 'Find out how many exchanges are affected (all of them means SEV1)',
            owner: 'network',
            command: './scripts/check_network_latency.sh',
          },
          {
            id: 'protect',
            text: 'Protect open orders according to scope',
            owner: 'incident-commander',
            branches: [
              {
                when: 'Several or all exchanges unreachable',
                steps: [
                  {
                    id: 'halt-all',
                    text: 'Halt trading everywhere until connectivity is understood',
                    owner: 'incident-commander',
                    control: { id: 'halt' },
                  },
                ],
              },
              {
                when: 'One exchange affected',
                steps: [
                  {
                    id: 'stop-venue-strategies',
                    text: 'Stop the strategies on that exchange',
                    owner: 'on-call-engineer',
                    command: './scripts/stop_strategies_by_exchange.sh <EXCHANGE_NAME>',
                  },
                  {
                    id: 'cancel-venue',
                    text: 'Cancel open orders on that exchange if it is still reachable',
                    owner: 'trading-desk',
                    command: `curl -X POST ${API}/exchanges/<EXCHANGE_NAME>/cancel_all_orders`,
                    control: { id: 'venue-cancel-all', venue: true },
                  },
                ],
              },
            ],
          },
          { id: 'tell-desk', text: 'Tell the trading desk within 5 minutes', owner: 'communications' },
        ],
      },
      {
        id: 'diagnosis',
        title: 'Diagnosis',
        window: { from: 5, to: 15 },
        steps: [
          {
            id: 'path',
            text: 'Trace the path to the exchange and see where loss or latency starts',
            owner: 'network',
            command: `traceroute stream.<EXCHANGE_NAME>.com\nmtr --report --report-cycles=10 stream.<EXCHANGE_NAME>.com`,
          },
          {
            id: 'interfaces',
            text: 'Check the host interfaces for errors, drops or a link down',
            owner: 'network',
            command: 'ip -s link\ndmesg | tail -50',
          },
          {
            id: 'dns',
            text: 'Check that exchange hostnames still resolve',
            owner: 'network',
            command: 'dig stream.<EXCHANGE_NAME>.com',
          },
          {
            id: 'firewall',
            text: 'Look for firewall rules blocking exchange addresses',
            owner: 'network',
            command: 'sudo iptables -L -n | grep <EXCHANGE_IP>',
          },
        ],
      },
      {
        id: 'mitigation',
        title: 'Mitigation',
        window: { from: 15, to: 60 },
        steps: [
          {
            id: 'fix-by-location',
            text: 'Act on where the fault is',
            owner: 'network',
            branches: [
              {
                when: 'Fault on our host or NIC',
                steps: [
                  {
                    id: 'standby',
                    text: 'Fail over to the standby host and keep the faulty one out of trading',
                    owner: 'incident-commander',
                  },
                ],
              },
              {
                when: 'Fault in the line or provider',
                steps: [
                  {
                    id: 'provider',
                    text: 'Open a case with the provider or colocation and move traffic to the backup line if there is one',
                    owner: 'network',
                  },
                ],
              },
              {
                when: 'Only the path to one exchange is broken',
                steps: [
                  {
                    id: 'disable-venue',
                    text: 'Disable that exchange until the path is repaired',
                    owner: 'on-call-engineer',
                    command: `curl -X PUT ${API}/config \\\n  -d '{"exchanges": {"<EXCHANGE_NAME>": {"enabled": false}}}'`,
                    control: { id: 'venue-disable', venue: true },
                  },
                ],
              },
              {
                when: 'Network is fine and the exchange itself is down',
                steps: [
                  {
                    id: 'switch-playbook',
                    text: 'Switch to the exchange-outage playbook',
                    owner: 'incident-commander',
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        id: 'recovery',
        title: 'Recovery and verification',
        window: { from: 60, to: 240 },
        steps: [
          {
            id: 'reconnect',
            text: 'Reconnect to each affected exchange',
            owner: 'on-call-engineer',
            command: `curl -X POST ${API}/exchanges/<EXCHANGE_NAME>/reconnect`,
            control: { id: 'venue-reconnect', venue: true },
          },
          {
            id: 'latency-ok',
            text: 'Confirm network latency is back to normal and trading latency is under threshold (P99 below 1 ms)',
            owner: 'network',
            command: './scripts/check_network_latency.sh\n./scripts/latency_report.sh',
            verification: true,
          },
          {
            id: 'market-data',
            text: 'Confirm market data flows from every exchange with no gap over 30 seconds',
            owner: 'on-call-engineer',
            command: './scripts/check_exchange_status.sh <EXCHANGE_NAME>',
            verification: true,
          },
          {
            id: 'reconcile',
            text: 'Reconcile positions for orders that were in flight during the failure',
            owner: 'trading-desk',
            command: './scripts/reconcile_positions.sh <EXCHANGE_NAME>',
            verification: true,
          },
          {
            id: 'resume',
            text: 'Lift the halt, if one was set, and restart the strategies',
            owner: 'incident-commander',
            command: './scripts/start_strategies_by_exchange.sh <EXCHANGE_NAME>',
            control: { id: 'resume' },
          },
          {
            id: 'monitor',
            text: 'Watch the restored links for 30 minutes',
            owner: 'network',
            command: './scripts/monitor_exchange.sh <EXCHANGE_NAME>',
          },
        ],
      },
      {
        id: 'post-incident',
        title: 'Post-incident',
        window: null,
        steps: [
          {
            id: 'root-cause',
            text: 'Document the root cause with the provider if they were involved',
            owner: 'network',
          },
          {
            id: 'redundancy',
            text: 'Review network redundancy: backup lines, standby host, diverse paths',
            owner: 'network',
          },
        ],
      },
    ],
  },
  {
    id: 'hft-trading-anomaly',
    title: 'HFT: trading anomaly',
    system: 'hft',
    severity: 'SEV2',
    incidentTypes: ['risk-alert'],
    summary:
      'A strategy is misbehaving: runaway order rates, positions or P&L moving in ways nobody expects, limits breached, or orders we cannot explain. The seed only names this playbook; it is written from incident practice and the LAV/ADAF risk procedures and EAFIX containment. Strategy malfunction is SEV2; if the kill switch fires it is SEV1. Unknown orders mean the security-breach playbook.',
    phases: [
      {
        id: 'immediate',
        title: 'Immediate actions',
        window: { from: 0, to: 5 },
        steps: [
          {
            id: 'contain',
            text: 'Contain according to what is seen',
            owner: 'incident-commander',
            branches: [
              {
                when: 'One strategy on one exchange misbehaving',
                steps: [
                  {
                    id: 'stop-strategy',
                    text: 'Stop the offending strategy (or every strategy on that exchange if it cannot be singled out)',
                    owner: 'trading-desk',
                    command: './scripts/stop_strategies_by_exchange.sh <EXCHANGE_NAME>',
                  },
                  {
                    id: 'cancel-venue',
                    text: 'Cancel its open orders on the exchange',
                    owner: 'trading-desk',
                    command: `curl -X POST ${API}/exchanges/<EXCHANGE_NAME>/cancel_all_orders`,
                    control: { id: 'venue-cancel-all', venue: true },
                  },
                ],
              },
              {
                when: 'Cause unclear or several strategies affected',
                steps: [
                  {
                    id: 'halt',
                    text: 'Halt all new orders while the cause is found',
                    owner: 'incident-commander',
                    control: { id: 'halt' },
                  },
                ],
              },
              {
                when: 'Losses growing fast or orders we did not send',
                steps: [
                  {
                    id: 'killswitch',
                    text: 'Fire the kill switch (SEV1); for orders we did not send, switch to the security-breach playbook',
                    owner: 'incident-commander',
                    command: `curl -X POST ${API}/killswitch \\\n  -d '{"reason": "TRADING ANOMALY"}'`,
                    control: { id: 'kill-switch' },
                  },
                ],
              },
            ],
          },
          {
            id: 'tell-desk',
            text: 'Tell the trading desk and risk within 5 minutes',
            owner: 'communications',
          },
        ],
      },
      {
        id: 'assessment',
        title: 'Assessment',
        window: { from: 5, to: 15 },
        steps: [
          {
            id: 'positions',
            text: 'Pull current positions and P&L',
            owner: 'risk',
            command: `curl ${API}/positions | jq`,
          },
          {
            id: 'reconcile',
            text: 'Reconcile positions against the exchanges',
            owner: 'trading-desk',
            command: './scripts/reconcile_positions.sh',
          },
          {
            id: 'exposure',
            text: 'Compare exposure with risk limits and decide whether it must be cut',
            owner: 'risk',
          },
          {
            id: 'order-trail',
            text: "Read the strategy's recent orders in the log",
            owner: 'on-call-engineer',
            command: 'grep "<STRATEGY_ID>" /var/log/hft_system/system.log | tail -200',
          },
          {
            id: 'bad-input',
            text: 'Check for bad market data (stale or outlier prices) feeding the strategy',
            owner: 'on-call-engineer',
          },
          {
            id: 'recent-changes',
            text: 'Check for recent deployments and configuration changes',
            owner: 'on-call-engineer',
            command: 'git -C /opt/hft_system/config diff HEAD',
          },
        ],
      },
      {
        id: 'mitigation',
        title: 'Mitigation',
        window: { from: 15, to: 60 },
        steps: [
          {
            id: 'reduce',
            text: 'If exposure is over limits, reduce positions under risk supervision',
            owner: 'risk',
            control: { id: 'reduce-positions' },
          },
          {
            id: 'fix',
            text: 'Roll back the change or fix the cause; keep the strategy disabled until then',
            owner: 'on-call-engineer',
          },
        ],
      },
      {
        id: 'validation',
        title: 'Validation',
        window: { from: 60, to: 240 },
        steps: [
          {
            id: 'reconciled',
            text: 'Positions reconcile with every exchange',
            owner: 'trading-desk',
            command: './scripts/reconcile_positions.sh',
            verification: true,
          },
          {
            id: 'pnl-explained',
            text: 'The P&L move is explained and matches expectations',
            owner: 'risk',
            command: `curl ${API}/positions | jq '.total_unrealized_pnl_usd'`,
            verification: true,
          },
          {
            id: 'fix-tested',
            text: 'The fixed strategy has been tested away from production before it trades again',
            owner: 'on-call-engineer',
            verification: true,
          },
          {
            id: 'risk-signoff',
            text: 'Risk signs off on resuming',
            owner: 'risk',
            verification: true,
          },
          {
            id: 'resume',
            text: 'Lift the halt or kill switch and restart strategies one at a time, watching each',
            owner: 'incident-commander',
            control: { id: 'resume' },
          },
        ],
      },
      {
        id: 'post-incident',
        title: 'Post-incident',
        window: null,
        steps: [
          { id: 'impact', text: 'Quantify the financial impact', owner: 'risk' },
          { id: 'guards', text: 'Add or tighten pre-trade limits that would have stopped it', owner: 'risk' },
          { id: 'root-cause', text: 'Document the root cause', owner: 'on-call-engineer' },
        ],
      },
    ],
  },
  {
    id: 'hft-database-failure',
    title: 'HFT: database failure',
    system: 'hft',
    severity: 'SEV1',
    incidentTypes: ['database'],
    summary:
      'TimescaleDB (hft_db) is down or unusable, so orders and fills cannot be recorded. The seed only names this playbook; it is written from incident practice, the SMC and RTES database procedures and the LAV/ADAF connection-pool procedure. A database completely down is SEV1; slow queries belong to the performance playbook. Halt, find why, restart or restore, verify, resume.',
    phases: [
      {
        id: 'immediate',
        title: 'Immediate actions',
        window: { from: 0, to: 5 },
        steps: [
          {
            id: 'confirm',
            text: 'Confirm the database is down and not just slow',
            owner: 'database-admin',
            command: `systemctl status timescaledb\n${PSQL} -c "SELECT 1;"`,
          },
          {
            id: 'halt',
            text: 'Halt new orders while trades cannot be recorded; cancels stay allowed',
            owner: 'incident-commander',
            control: { id: 'halt' },
          },
          {
            id: 'db-logs',
            text: 'Read the database logs and check disk space',
            owner: 'database-admin',
            command: 'journalctl -u timescaledb -n 200\ndf -h',
          },
          { id: 'tell-desk', text: 'Tell the trading desk within 5 minutes', owner: 'communications' },
        ],
      },
      {
        id: 'diagnosis',
        title: 'Diagnosis and repair',
        window: { from: 5, to: 30 },
        steps: [
          {
            id: 'by-cause',
            text: 'Repair according to the cause found',
            owner: 'database-admin',
            branches: [
              {
                when: 'Database process stopped or crashed',
                steps: [
                  {
                    id: 'restart-db',
                    text: 'Restart the database service and watch it come up',
                    owner: 'database-admin',
                    command: 'systemctl restart timescaledb\njournalctl -u timescaledb -f',
                  },
                ],
              },
              {
                when: 'Disk full',
                steps: [
                  {
                    id: 'free-disk',
                    text: 'Free space (old logs, dumps) without touching the data directory, then restart',
                    owner: 'database-admin',
                    command: 'df -h\ndu -sh /var/log/* | sort -h | tail',
                  },
                ],
              },
              {
                when: 'Connections exhausted',
                steps: [
                  {
                    id: 'connections',
                    text: 'Count connections by state and terminate idle ones',
                    owner: 'database-admin',
                    command: `psql -h localhost -U postgres -d hft_db <<EOF\nSELECT state, count(*) FROM pg_stat_activity GROUP BY state;\nSELECT pg_terminate_backend(pid) FROM pg_stat_activity\nWHERE state = 'idle' AND now() - state_change > interval '5 minutes';\nEOF`,
                  },
                ],
              },
              {
                when: 'Data files damaged or database will not start',
                steps: [
                  {
                    id: 'restore',
                    text: 'Restore from the latest good backup to a point in time before the damage, then follow the data-corruption playbook to reconcile',
                    owner: 'database-admin',
                    command: 'pg_restore -h localhost -U postgres -d hft_db --clean <BACKUP_FILE>',
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        id: 'recovery',
        title: 'Recovery and verification',
        window: { from: 30, to: 240 },
        steps: [
          {
            id: 'db-answers',
            text: 'The database answers queries',
            owner: 'database-admin',
            command: `${PSQL} -c "SELECT 1;"`,
            verification: true,
          },
          {
            id: 'restart-system',
            text: 'Restart the trading system if it lost its database connection',
            owner: 'on-call-engineer',
            command: './scripts/graceful_shutdown.sh && sleep 10 && systemctl start hft_system',
          },
          {
            id: 'health',
            text: 'The health check passes',
            owner: 'on-call-engineer',
            command: './scripts/health_check.sh',
            verification: true,
          },
          {
            id: 'gap-fill',
            text: 'Positions reconcile with the exchanges, with fills from the outage backfilled',
            owner: 'trading-desk',
            command: './scripts/reconcile_positions.sh',
            verification: true,
          },
          {
            id: 'pnl',
            text: 'P&L matches expectations',
            owner: 'risk',
            command: `curl ${API}/positions | jq '.total_unrealized_pnl_usd'`,
            verification: true,
          },
          {
            id: 'resume',
            text: 'Lift the halt and restart strategies gradually',
            owner: 'incident-commander',
            command: './scripts/start_stopped_strategies.sh --gradual',
            control: { id: 'resume' },
          },
          {
            id: 'monitor',
            text: 'Watch database health and latency for 30 minutes',
            owner: 'database-admin',
            command: "watch -n 5 './scripts/health_check.sh'",
          },
        ],
      },
      {
        id: 'post-incident',
        title: 'Post-incident',
        window: null,
        steps: [
          { id: 'root-cause', text: 'Document why the database failed', owner: 'database-admin' },
          {
            id: 'resilience',
            text: 'Review replication, standby and backup-restore testing',
            owner: 'database-admin',
          },
          {
            id: 'alerts',
            text: 'Add alerts for disk, connections and replication before they fail',
            owner: 'database-admin',
          },
        ],
      },
    ],
  },
  {
    id: 'hft-communication',
    title: 'HFT: communication protocol',
    system: 'hft',
    incidentTypes: [],
    summary:
      'Who is told what, when, and through which channel: war room set-up, paging by severity, the trading desk within 5 minutes, management within 15 for SEV1/SEV2, and status-page updates at a cadence set by severity. Channels: Slack #incident-response, incident-team@company.com, hotline +1-555-0100.',
    phases: [
      {
        id: 'open',
        title: 'Open the response',
        window: { from: 0, to: 5 },
        steps: [
          {
            id: 'page-by-severity',
            text: 'Page according to severity',
            owner: 'incident-commander',
            branches: [
              {
                when: 'SEV1',
                steps: [{ id: 'page-all', text: 'Page all on-call and management', owner: 'communications' }],
              },
              {
                when: 'SEV2',
                steps: [{ id: 'page-oncall', text: 'Page the on-call engineer', owner: 'communications' }],
              },
              {
                when: 'SEV3',
                steps: [
                  { id: 'notify-oncall', text: 'Notify on-call without paging', owner: 'communications' },
                ],
              },
              {
                when: 'SEV4',
                steps: [
                  {
                    id: 'ticket',
                    text: 'Create a ticket for the next business day',
                    owner: 'communications',
                  },
                ],
              },
            ],
          },
          {
            id: 'trading-desk',
            text: 'Tell the trading desk, always, within 5 minutes',
            owner: 'communications',
          },
          {
            id: 'war-room',
            text: 'Open a war room for SEV1, for multi-team or complex incidents, or when it will run long',
            owner: 'incident-commander',
            branches: [
              {
                when: 'War room needed',
                steps: [
                  {
                    id: 'slack-channel',
                    text: 'Create a dedicated Slack channel named #incident-YYYYMMDD-HHMM',
                    owner: 'communications',
                  },
                  {
                    id: 'zoom',
                    text: 'Start the Zoom call (Conference Room A if on site)',
                    owner: 'communications',
                  },
                  {
                    id: 'scribe',
                    text: 'Assign a scribe to record every action',
                    owner: 'incident-commander',
                  },
                  { id: 'status-page', text: 'Update the status page', owner: 'communications' },
                ],
              },
            ],
          },
        ],
      },
      {
        id: 'escalate',
        title: 'Management',
        window: { from: 5, to: 15 },
        steps: [
          {
            id: 'management',
            text: 'For SEV1 and SEV2, inform management within 15 minutes',
            owner: 'communications',
          },
          {
            id: 'customers',
            text: 'Inform customers only if the service to them is affected',
            owner: 'communications',
          },
        ],
      },
      {
        id: 'updates',
        title: 'Ongoing updates',
        window: { from: 15, to: null },
        steps: [
          {
            id: 'cadence',
            text: 'Keep the status page current at the cadence for the severity',
            owner: 'communications',
            branches: [
              {
                when: 'SEV1',
                steps: [{ id: 'every-15', text: 'Update every 15 minutes', owner: 'communications' }],
              },
              {
                when: 'SEV2',
                steps: [{ id: 'every-30', text: 'Update every 30 minutes', owner: 'communications' }],
              },
              {
                when: 'SEV3',
                steps: [{ id: 'on-resolve', text: 'Update once it is resolved', owner: 'communications' }],
              },
            ],
          },
          {
            id: 'all-clear',
            text: 'On resolution, send the all-clear to everyone who was told',
            owner: 'communications',
          },
        ],
      },
    ],
  },
  {
    id: 'hft-post-incident-review',
    title: 'HFT: post-incident review',
    system: 'hft',
    incidentTypes: [],
    summary:
      'Closing out after service is restored: validate and document during recovery (4–24 h), hold the review within 48 hours of resolution with the commander, all responders, a management representative and affected teams, and deliver the post-mortem, owned action items, updated runbooks and prevention measures within 7 days.',
    phases: [
      {
        id: 'recovery',
        title: 'Recovery and documentation',
        window: { from: 240, to: 1440 },
        steps: [
          {
            id: 'full-validation',
            text: 'Validate the whole system',
            owner: 'on-call-engineer',
            verification: true,
          },
          { id: 'normal-ops', text: 'Return to normal operations', owner: 'incident-commander' },
          { id: 'document', text: 'Write up the incident while it is fresh', owner: 'scribe' },
          { id: 'first-lessons', text: 'Capture the first lessons learned', owner: 'incident-commander' },
        ],
      },
      {
        id: 'review-meeting',
        title: 'Review meeting (within 48 h of resolution)',
        window: null,
        steps: [
          {
            id: 'invite',
            text: 'Invite the incident commander, every responder, a management representative and the affected teams',
            owner: 'incident-commander',
          },
          { id: 'timeline', text: 'Walk through the timeline', owner: 'scribe' },
          { id: 'went-well', text: 'Discuss what went well', owner: 'incident-commander' },
          { id: 'went-badly', text: 'Discuss what went badly', owner: 'incident-commander' },
          { id: 'root-cause', text: 'Analyse the root cause', owner: 'incident-commander' },
          { id: 'actions', text: 'Agree action items', owner: 'incident-commander' },
          { id: 'doc-updates', text: 'Agree which documents need updating', owner: 'scribe' },
        ],
      },
      {
        id: 'deliverables',
        title: 'Deliverables',
        window: { from: 1440, to: 10080 },
        steps: [
          { id: 'postmortem', text: 'Publish the written post-mortem', owner: 'incident-commander' },
          {
            id: 'action-list',
            text: 'Publish the action items, each with an owner',
            owner: 'incident-commander',
          },
          { id: 'runbooks', text: 'Update the runbooks and procedures', owner: 'scribe' },
          { id: 'prevention', text: 'Put the prevention measures in place', owner: 'on-call-engineer' },
        ],
      },
    ],
  },
];

import type { Playbook } from '../../playbook.ts';
import { API, PSQL } from './shared.ts';

export const performanceDegradation: Playbook = {
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
};

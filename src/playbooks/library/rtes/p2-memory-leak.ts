import type { Playbook } from '../../playbook.ts';

export const p2MemoryLeak: Playbook = {
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
};

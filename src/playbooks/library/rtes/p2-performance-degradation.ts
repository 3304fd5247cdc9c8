import type { Playbook } from '../../playbook.ts';

export const p2PerformanceDegradation: Playbook = {
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
};

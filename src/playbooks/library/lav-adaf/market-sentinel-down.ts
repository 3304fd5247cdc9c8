import type { Playbook } from '../../playbook.ts';

export const marketSentinelDown: Playbook = {
  id: 'lav-adaf-market-sentinel-down',
  title: 'LAV/ADAF: Market Sentinel down',
  system: 'lav-adaf',
  incidentTypes: ['market-data'],
  summary:
    'No regime update for over 5 minutes, a failing health check or stale dashboard data. Check the container, logs, Kafka topic and Redis; restart, then restart with cleanup, and fix the regime by hand while debugging. The recovery check is added; prevention items close it.',
  phases: [
    {
      id: 'diagnose',
      title: 'Diagnose',
      window: null,
      steps: [
        {
          id: 'service-status',
          text: 'Check the container and the health endpoint',
          owner: 'on-call-engineer',
          command:
            'docker ps | grep market-sentinel\ncurl -f http://localhost:3001/health || echo "Service down"',
        },
        {
          id: 'logs',
          text: 'Read the last 100 lines of the service log',
          owner: 'on-call-engineer',
          command: 'docker logs market-sentinel-1 --tail=100',
        },
        {
          id: 'dependencies',
          text: 'Confirm the market-regime topic exists and Redis answers',
          owner: 'on-call-engineer',
          command:
            'kafka-topics --bootstrap-server localhost:9092 --list | grep market-regime\nredis-cli ping',
        },
      ],
    },
    {
      id: 'resolve',
      title: 'Resolve',
      window: null,
      steps: [
        {
          id: 'quick-restart',
          text: 'Try a plain restart first, wait 30 seconds and recheck health',
          owner: 'on-call-engineer',
          command: 'docker-compose restart market-sentinel',
        },
        {
          id: 'full-restart',
          text: 'If that fails, take it down, prune volumes and bring it back',
          owner: 'on-call-engineer',
          command:
            'docker-compose down market-sentinel\ndocker volume prune -f\ndocker-compose up -d market-sentinel',
        },
        {
          id: 'manual-regime',
          text: 'While debugging, pin the regime to NORMAL_EXPANSION for one hour',
          owner: 'trading-desk',
          command: `curl -X POST http://localhost:3001/api/regime/manual \\
  -d '{"regime": "NORMAL_EXPANSION", "duration": "1h"}'`,
          control: { id: 'regime-manual' },
        },
        {
          id: 'verify-regime-updates',
          text: 'Confirm health passes and regime updates are flowing again (added)',
          owner: 'on-call-engineer',
          command: 'curl -f http://localhost:3001/health',
          verification: true,
        },
      ],
    },
    {
      id: 'prevent',
      title: 'Prevention follow-up',
      window: null,
      steps: [
        { id: 'auto-restart', text: 'Add health checks that restart the service automatically' },
        { id: 'redundant-sources', text: 'Add redundant market data sources' },
        { id: 'manual-override', text: 'Build manual override capabilities' },
      ],
    },
  ],
};

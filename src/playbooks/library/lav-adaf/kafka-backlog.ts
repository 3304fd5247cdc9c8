import type { Playbook } from '../../playbook.ts';

export const kafkaBacklog: Playbook = {
  id: 'lav-adaf-kafka-backlog',
  title: 'LAV/ADAF: Kafka message backlog',
  system: 'lav-adaf',
  incidentTypes: ['messaging-backlog'],
  summary:
    'Consumer lag above 1,000 messages, processing delays, memory rising. Inspect lag, the market-regime topic and partitions; add consumers, shorten retention only if safe, and reset the consumer group to latest only as a last resort. The closing check is added.',
  phases: [
    {
      id: 'diagnose',
      title: 'Diagnose',
      window: null,
      steps: [
        {
          id: 'consumer-lag',
          text: 'Describe every consumer group and its lag',
          owner: 'on-call-engineer',
          command: 'kafka-consumer-groups --bootstrap-server localhost:9092 --describe --all-groups',
        },
        {
          id: 'topic-details',
          text: 'Describe the market-regime topic',
          owner: 'on-call-engineer',
          command: 'kafka-topics --bootstrap-server localhost:9092 --describe --topic market-regime',
        },
        {
          id: 'partitions',
          text: 'Look at how partitions are distributed',
          owner: 'on-call-engineer',
          command: 'kafka-run-class kafka.tools.StateChangeLogMerger --logs /var/kafka-logs',
        },
      ],
    },
    {
      id: 'resolve',
      title: 'Resolve',
      window: null,
      steps: [
        {
          id: 'scale-consumers',
          text: 'Run three Market Sentinel consumers',
          owner: 'on-call-engineer',
          command: 'docker-compose up -d --scale market-sentinel=3',
        },
        {
          id: 'shorten-retention',
          text: 'Only if losing old messages is safe, cut market-regime retention to one hour',
          owner: 'on-call-engineer',
          command: `kafka-configs --bootstrap-server localhost:9092 \\
  --entity-type topics --entity-name market-regime \\
  --alter --add-config retention.ms=3600000`,
        },
        {
          id: 'reset-offsets',
          text: 'Last resort: move the market-sentinel-group to the latest offset',
          owner: 'on-call-engineer',
          command: `kafka-consumer-groups --bootstrap-server localhost:9092 \\
  --group market-sentinel-group --reset-offsets \\
  --to-latest --topic market-regime --execute`,
        },
        {
          id: 'verify-lag',
          text: 'Confirm lag is back under 1,000 and falling (added)',
          owner: 'on-call-engineer',
          command: 'kafka-consumer-groups --bootstrap-server localhost:9092 --describe --all-groups',
          verification: true,
        },
      ],
    },
  ],
};

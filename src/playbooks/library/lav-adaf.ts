// Playbooks for LAV/ADAF (Market Sentinel :3001, Risk Warden :3002, Executioner :3003, Kafka,
// PostgreSQL, Redis). Facts — order of actions, windows, thresholds, endpoints, scripts — come
// from seed 003 (the LAV/ADAF incident response playbook); the wording is ours.
import type { Playbook } from '../playbook.ts';

const HALT_ALL = `curl -X POST http://localhost:3003/api/emergency/halt-all \\
  -H "Authorization: Bearer \${EMERGENCY_TOKEN}"`;

export const lavAdafPlaybooks: Playbook[] = [
  {
    id: 'lav-adaf-p0-response',
    title: 'LAV/ADAF P0: critical response protocol',
    system: 'lav-adaf',
    severity: 'P0',
    incidentTypes: [],
    summary:
      'For system-wide failures: trading down over 5 minutes, a breach, risk limits exceeded by more than 200% (VaR over 6% of NAV), corrupt position/PnL data, or over half the venues lost at once. Alert the war room, halt all trading through the Executioner, snapshot the system, and name a commander — all inside 15 minutes.',
    phases: [
      {
        id: 'alert',
        title: 'Alert the war room',
        window: { from: 0, to: 2 },
        steps: [
          {
            id: 'emergency-alert',
            text: 'Fire the automated P0 alert with a one-line description',
            owner: 'incident-commander',
            command: './scripts/emergency-alert.sh P0 "<DESCRIPTION>"',
          },
          {
            id: 'slack-war-room',
            text: 'Post an @channel message in #war-room using the P0 initial alert layout',
            owner: 'communications',
          },
          {
            id: 'pagerduty',
            text: 'Escalate in PagerDuty to every on-call engineer',
            owner: 'incident-commander',
          },
          {
            id: 'call-risk-cto',
            text: 'Text or call the risk manager and the CTO',
            owner: 'communications',
          },
        ],
      },
      {
        id: 'circuit-breakers',
        title: 'Engage circuit breakers',
        window: { from: 2, to: 5 },
        steps: [
          {
            id: 'halt-all',
            text: 'Stop all trading with the Executioner emergency halt',
            owner: 'incident-commander',
            command: HALT_ALL,
            control: { id: 'halt' },
          },
        ],
      },
      {
        id: 'evidence',
        title: 'Preserve evidence',
        window: { from: 5, to: 10 },
        steps: [
          {
            id: 'snapshot',
            text: 'Take the incident snapshot (timestamped logs, database dumps, metrics)',
            owner: 'on-call-engineer',
            command: './scripts/incident-snapshot.sh',
          },
        ],
      },
      {
        id: 'command',
        title: 'Assign the incident commander',
        window: { from: 10, to: 15 },
        steps: [
          {
            id: 'bridge',
            text: 'Open the communication bridge and share its link',
            owner: 'incident-commander',
          },
          {
            id: 'coordinate',
            text: 'Coordinate the response teams and their tasks',
            owner: 'incident-commander',
          },
          { id: 'brief-execs', text: 'Brief the executive team', owner: 'communications' },
          {
            id: 'update-cadence',
            text: 'Send a status update every 15 minutes until resolved',
            owner: 'communications',
          },
        ],
      },
    ],
  },
  {
    id: 'lav-adaf-p1-response',
    title: 'LAV/ADAF P1: high-severity response protocol',
    system: 'lav-adaf',
    severity: 'P1',
    incidentTypes: [],
    summary:
      'For serious degradation: one of Market Sentinel, Risk Warden or Executioner down, latency or throughput over 50% worse, persistent risk violations, major venue trouble, or a data feed out over 30 minutes. The seed names only the four stages and their windows; the steps inside them are standard practice.',
    phases: [
      {
        id: 'alert',
        title: 'Alert on-call',
        window: { from: 0, to: 15 },
        steps: [
          {
            id: 'page-oncall',
            text: 'Page the on-call engineer (#lav-adaf-oncall, PagerDuty primary rotation)',
            owner: 'incident-commander',
          },
          {
            id: 'open-specific',
            text: 'Switch to the specific playbook if the trigger matches one',
            owner: 'incident-commander',
            branches: [
              {
                when: 'Market Sentinel is down or regime data is stale',
                steps: [
                  {
                    id: 'use-sentinel-playbook',
                    text: 'Follow the Market Sentinel down playbook',
                    owner: 'on-call-engineer',
                  },
                ],
              },
              {
                when: 'Risk Warden raises a storm of alerts',
                steps: [
                  {
                    id: 'use-warden-playbook',
                    text: 'Follow the Risk Warden alert storm playbook',
                    owner: 'risk',
                  },
                ],
              },
              {
                when: 'Executioner fill rate or venue connectivity drops',
                steps: [
                  {
                    id: 'use-executioner-playbook',
                    text: 'Follow the Executioner fill-rate drop playbook',
                    owner: 'on-call-engineer',
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        id: 'assess',
        title: 'Assess impact',
        window: { from: 15, to: 30 },
        steps: [
          {
            id: 'scope',
            text: 'Establish which services, venues and strategies are affected',
            owner: 'on-call-engineer',
          },
          {
            id: 'business-impact',
            text: 'Estimate the trading and risk impact with the risk desk',
            owner: 'risk',
          },
          {
            id: 'escalate-p0',
            text: 'Re-declare as P0 if any P0 trigger is now met',
            owner: 'incident-commander',
          },
        ],
      },
      {
        id: 'mitigate',
        title: 'Mitigate',
        window: { from: 30, to: 60 },
        steps: [
          {
            id: 'apply-mitigation',
            text: 'Apply the mitigation chosen from the assessment',
            owner: 'on-call-engineer',
          },
          {
            id: 'verify-mitigation',
            text: 'Confirm latency, throughput and risk readings are back within bounds',
            owner: 'on-call-engineer',
            verification: true,
          },
          {
            id: 'stakeholder-update',
            text: 'Send the P1 status update to stakeholders before the hour is up',
            owner: 'communications',
          },
        ],
      },
    ],
  },
  {
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
  },
  {
    id: 'lav-adaf-risk-warden-alert-storm',
    title: 'LAV/ADAF: Risk Warden alert storm',
    system: 'lav-adaf',
    incidentTypes: ['risk-alert', 'error-storm'],
    summary:
      'More than 20 risk alerts in 5 minutes, limits flapping near their bounds, several portfolio violations. Read violations and attribution, validate the risk data, cut positions by half over 5 minutes, then close the riskiest ones. The closing check is added.',
    phases: [
      {
        id: 'diagnose',
        title: 'Diagnose',
        window: null,
        steps: [
          {
            id: 'violations',
            text: 'Fetch the 50 most recent violations',
            owner: 'risk',
            command: "curl -s 'http://localhost:3002/api/violations?limit=50' | jq '.[]'",
          },
          {
            id: 'attribution',
            text: 'Read the risk attribution to find what drives it',
            owner: 'risk',
            command: "curl -s http://localhost:3002/api/risk/attribution | jq '.'",
          },
          {
            id: 'validate-data',
            text: 'Run the risk data validation to rule out bad inputs',
            owner: 'on-call-engineer',
            command: './scripts/risk-data-validation.sh',
          },
        ],
      },
      {
        id: 'resolve',
        title: 'Resolve',
        window: null,
        steps: [
          {
            id: 'reduce-positions',
            text: 'Reduce positions by 50% over 300 seconds',
            owner: 'risk',
            command: `curl -X POST http://localhost:3002/api/emergency/reduce \\
  -d '{"reduction_pct": 0.5, "timeframe": 300}'`,
            control: { id: 'reduce-positions' },
          },
          {
            id: 'rank-positions',
            text: 'List the ten highest-risk positions',
            owner: 'risk',
            command: 'curl -s http://localhost:3002/api/positions/risk-ranked | head -10',
          },
          {
            id: 'close-positions',
            text: 'Close the specific positions driving the violations',
            owner: 'trading-desk',
            command: './scripts/emergency-position-close.sh <POSITION_ID>',
          },
          {
            id: 'verify-alerts-quiet',
            text: 'Confirm the alert rate is back under 20 per 5 minutes and limits hold (added)',
            owner: 'risk',
            verification: true,
          },
        ],
      },
    ],
  },
  {
    id: 'lav-adaf-executioner-fill-rate-drop',
    title: 'LAV/ADAF: Executioner fill-rate drop',
    system: 'lav-adaf',
    incidentTypes: ['exchange-outage', 'connectivity'],
    summary:
      'Fill rate under 90% for more than 10 minutes, slippage up across venues, more order timeouts. Check venue health, failed orders and routing; go to conservative routing, disable failing venues for an hour, and work critical orders by hand. The closing check is added.',
    phases: [
      {
        id: 'diagnose',
        title: 'Diagnose',
        window: null,
        steps: [
          {
            id: 'venue-health',
            text: 'Check health of every venue',
            owner: 'on-call-engineer',
            command: 'curl -s http://localhost:3003/api/venues/health',
          },
          {
            id: 'failed-orders',
            text: 'Look at the last 20 failed orders',
            owner: 'trading-desk',
            command: "curl -s 'http://localhost:3003/api/orders?status=failed&limit=20'",
          },
          {
            id: 'routing-diagnostics',
            text: 'Read the routing diagnostics',
            owner: 'on-call-engineer',
            command: 'curl -s http://localhost:3003/api/routing/diagnostics',
          },
        ],
      },
      {
        id: 'resolve',
        title: 'Resolve',
        window: null,
        steps: [
          {
            id: 'conservative-routing',
            text: 'Switch routing to conservative mode (60 s timeout)',
            owner: 'on-call-engineer',
            command: `curl -X POST http://localhost:3003/api/routing/mode \\
  -d '{"mode": "CONSERVATIVE", "timeout": 60}'`,
            control: { id: 'routing-conservative' },
          },
          {
            id: 'disable-venue',
            text: 'Disable the failing venue for one hour',
            owner: 'on-call-engineer',
            command: `curl -X POST http://localhost:3003/api/venues/disable \\
  -d '{"venues": ["<VENUE_ID>"], "duration": 3600}'`,
            control: { id: 'venue-disable', venue: true },
          },
          {
            id: 'manual-execution',
            text: 'Work high-priority orders manually',
            owner: 'trading-desk',
            command: './scripts/manual-execution.sh --priority=high',
          },
          {
            id: 'verify-fill-rate',
            text: 'Confirm the fill rate is back above 90% (added)',
            owner: 'trading-desk',
            verification: true,
          },
        ],
      },
    ],
  },
  {
    id: 'lav-adaf-db-pool-exhaustion',
    title: 'LAV/ADAF: database connection-pool exhaustion',
    system: 'lav-adaf',
    incidentTypes: ['database'],
    summary:
      '"Too many connections", query timeouts, services that cannot reach PostgreSQL. Count connections, find queries over 5 minutes, read the pool status; kill queries over 10 minutes, restart the services holding connections, and raise max_connections to 200 if needed. The closing check is added.',
    phases: [
      {
        id: 'diagnose',
        title: 'Diagnose',
        window: null,
        steps: [
          {
            id: 'count-connections',
            text: 'Count active connections',
            owner: 'database-admin',
            command: 'psql -c "SELECT count(*) FROM pg_stat_activity;"',
          },
          {
            id: 'long-queries',
            text: 'List queries that have run longer than five minutes',
            owner: 'database-admin',
            command: `psql -c "SELECT pid, now() - pg_stat_activity.query_start AS duration, query
  FROM pg_stat_activity
  WHERE (now() - pg_stat_activity.query_start) > interval '5 minutes';"`,
          },
          {
            id: 'pool-status',
            text: 'Read the connection pool status',
            owner: 'on-call-engineer',
            command: 'curl -s http://localhost:3001/api/db/pool-status',
          },
        ],
      },
      {
        id: 'resolve',
        title: 'Resolve',
        window: null,
        steps: [
          {
            id: 'kill-queries',
            text: 'Terminate queries running longer than ten minutes',
            owner: 'database-admin',
            command: `psql -c "SELECT pg_terminate_backend(pid)
  FROM pg_stat_activity
  WHERE (now() - pg_stat_activity.query_start) > interval '10 minutes';"`,
          },
          {
            id: 'restart-services',
            text: 'Restart the gateway, Market Sentinel and Risk Warden to release connections',
            owner: 'on-call-engineer',
            command: 'docker-compose restart gateway market-sentinel risk-warden',
          },
          {
            id: 'raise-limit',
            text: 'If still short, raise max_connections to 200 and restart PostgreSQL',
            owner: 'database-admin',
            command:
              'echo "max_connections = 200" >> /etc/postgresql/postgresql.conf\nsystemctl restart postgresql',
          },
          {
            id: 'verify-connections',
            text: 'Confirm services connect and queries no longer time out (added)',
            owner: 'database-admin',
            command: 'curl -s http://localhost:3001/api/db/pool-status',
            verification: true,
          },
        ],
      },
    ],
  },
  {
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
  },
  {
    id: 'lav-adaf-complete-system-failure',
    title: 'LAV/ADAF: complete system failure',
    system: 'lav-adaf',
    incidentTypes: ['system-crash'],
    summary:
      'Business continuity when the whole system is lost: go to manual trading, tell counterparties, bring up backups; contain and communicate within the hour (stakeholders within 30 minutes); restore within 4 hours, losing at most 15 minutes of data. The halt attempt is added from the P0 protocol.',
    phases: [
      {
        id: 'immediate',
        title: 'Immediate actions',
        window: { from: 0, to: 15 },
        steps: [
          {
            id: 'halt-all',
            text: 'Try the Executioner emergency halt so nothing trades unattended (from the P0 protocol)',
            owner: 'incident-commander',
            command: HALT_ALL,
            control: { id: 'halt' },
          },
          {
            id: 'manual-mode',
            text: 'Switch to manual trading procedures',
            owner: 'trading-desk',
            command: './scripts/emergency-manual-mode.sh',
          },
          {
            id: 'notify-counterparties',
            text: 'Inform every counterparty',
            owner: 'communications',
          },
          { id: 'backup-systems', text: 'Bring the backup systems into use', owner: 'on-call-engineer' },
        ],
      },
      {
        id: 'contain',
        title: 'Containment',
        window: { from: 15, to: 60 },
        steps: [
          { id: 'scope', text: 'Work out how far the failure reaches', owner: 'on-call-engineer' },
          { id: 'workarounds', text: 'Put workarounds in place', owner: 'on-call-engineer' },
          {
            id: 'stakeholders',
            text: 'Update stakeholders (no later than 30 minutes in)',
            owner: 'communications',
          },
        ],
      },
      {
        id: 'recover',
        title: 'Recovery',
        window: { from: 60, to: 240 },
        steps: [
          { id: 'dr-plan', text: 'Run the disaster recovery plan', owner: 'on-call-engineer' },
          {
            id: 'restore-backups',
            text: 'Restore from backups (no more than 15 minutes of data may be lost)',
            owner: 'database-admin',
          },
          {
            id: 'validate-integrity',
            text: 'Validate system integrity, positions and PnL before leaving manual mode',
            owner: 'risk',
            verification: true,
          },
          {
            id: 'resume',
            text: 'Resume automated trading once integrity is confirmed (added)',
            owner: 'incident-commander',
            control: { id: 'resume' },
          },
        ],
      },
    ],
  },
  {
    id: 'lav-adaf-security-breach',
    title: 'LAV/ADAF: security breach',
    system: 'lav-adaf',
    incidentTypes: ['security-breach'],
    summary:
      'Isolate affected systems, keep forensic evidence and call security within 5 minutes; size the breach and live threats by 30 minutes; then run the response plan, notify authorities if required and add controls. A breach is a P0 trigger, so the halt and snapshot come from the P0 protocol.',
    phases: [
      {
        id: 'isolate',
        title: 'Isolation',
        window: { from: 0, to: 5 },
        steps: [
          {
            id: 'halt-all',
            text: 'Halt all trading (P0 circuit breaker)',
            owner: 'incident-commander',
            command: HALT_ALL,
            control: { id: 'halt' },
          },
          {
            id: 'disconnect',
            text: 'Disconnect the affected systems from the network',
            owner: 'network',
          },
          {
            id: 'forensics',
            text: 'Preserve forensic evidence with the incident snapshot',
            owner: 'security',
            command: './scripts/incident-snapshot.sh',
          },
          {
            id: 'notify-security',
            text: 'Notify the security team and security vendors',
            owner: 'communications',
          },
        ],
      },
      {
        id: 'assess',
        title: 'Assessment',
        window: { from: 5, to: 30 },
        steps: [
          { id: 'scope', text: 'Determine how far the breach reaches', owner: 'security' },
          { id: 'compromised-data', text: 'Identify which data was compromised', owner: 'security' },
          { id: 'threats', text: 'Judge whether the threat is still active', owner: 'security' },
        ],
      },
      {
        id: 'respond',
        title: 'Response',
        window: { from: 30, to: null },
        steps: [
          { id: 'response-plan', text: 'Carry out the incident response plan', owner: 'security' },
          {
            id: 'authorities',
            text: 'Notify authorities if required (with the compliance officer)',
            owner: 'communications',
          },
          { id: 'extra-controls', text: 'Put additional controls in place', owner: 'security' },
          {
            id: 'verify-clean',
            text: 'Security confirms the threat is gone before trading restarts (added)',
            owner: 'security',
            verification: true,
          },
          {
            id: 'resume',
            text: 'Resume trading with security sign-off (added)',
            owner: 'incident-commander',
            control: { id: 'resume' },
          },
        ],
      },
    ],
  },
  {
    id: 'lav-adaf-manual-trading-mode',
    title: 'LAV/ADAF: manual trading mode',
    system: 'lav-adaf',
    incidentTypes: [],
    summary:
      'How the desk trades without the platform: activate manual mode, watch positions on backup systems, place orders on broker terminals, track risk by spreadsheet, talk by phone or secure channel. No time window in the seed; the exit check is added.',
    phases: [
      {
        id: 'operate',
        title: 'Operate manually',
        window: null,
        steps: [
          {
            id: 'activate',
            text: 'Activate emergency manual mode',
            owner: 'trading-desk',
            command: './scripts/emergency-manual-mode.sh',
          },
          {
            id: 'monitor-positions',
            text: 'Monitor positions through the backup systems',
            owner: 'trading-desk',
          },
          {
            id: 'broker-orders',
            text: 'Place orders by hand on the broker terminals',
            owner: 'trading-desk',
          },
          {
            id: 'manual-risk',
            text: 'Track risk with spreadsheet or hand calculations',
            owner: 'risk',
          },
          {
            id: 'secure-comms',
            text: 'Coordinate by phone or secure channels only',
            owner: 'communications',
          },
        ],
      },
      {
        id: 'exit',
        title: 'Leave manual mode (standard practice)',
        window: null,
        steps: [
          {
            id: 'reconcile',
            text: 'Reconcile manual fills and positions with the restored platform',
            owner: 'risk',
            verification: true,
          },
          {
            id: 'resume',
            text: 'Hand trading back to the automated system',
            owner: 'incident-commander',
            control: { id: 'resume' },
          },
        ],
      },
    ],
  },
  {
    id: 'lav-adaf-post-incident-review',
    title: 'LAV/ADAF post-incident review',
    system: 'lav-adaf',
    incidentTypes: [],
    summary:
      'Blameless review: within 24 hours document the timeline, impact and how the response went; within a week find the root cause, raise action items and update runbooks, alerts and training.',
    phases: [
      {
        id: 'day-one',
        title: 'Within 24 hours',
        window: { from: 0, to: 1440 },
        steps: [
          {
            id: 'resolution-notice',
            text: 'Send the resolution notice with root cause, actions and the review date',
            owner: 'communications',
          },
          {
            id: 'timeline',
            text: 'Write the timeline: start and detection, key decisions, resolution milestones',
            owner: 'scribe',
          },
          {
            id: 'impact',
            text: 'Assess financial (PnL, costs), operational and reputational impact',
            owner: 'risk',
          },
          {
            id: 'response-evaluation',
            text: 'Rate the response: time against SLA, communication, tooling',
            owner: 'incident-commander',
          },
        ],
      },
      {
        id: 'week-one',
        title: 'Within one week',
        window: { from: 1440, to: 10080 },
        steps: [
          {
            id: 'root-cause',
            text: 'Analyse the technical root cause, contributing and human factors',
            owner: 'incident-commander',
          },
          {
            id: 'action-items',
            text: 'Raise action items for prevention, detection and response',
            owner: 'incident-commander',
          },
          {
            id: 'documentation',
            text: 'Update runbooks, refine alerts and training material',
            owner: 'on-call-engineer',
          },
          {
            id: 'write-review',
            text: 'Publish the blameless post-mortem (summary, timeline, impact, what went well, improvements, owners)',
            owner: 'scribe',
          },
        ],
      },
    ],
  },
];

// Playbooks for the SMC Trading Agent (Kubernetes namespace `smc-trading`, Redis, PostgreSQL,
// Binance/Bybit connectors). Facts — order of actions, windows, commands, endpoints — come from
// seed 002 (the SMC incident response playbook); the wording is ours.
import type { Playbook } from '../playbook.ts';

const HALT_COMMAND = `kubectl exec -it deployment/trading-engine -n smc-trading -- python -c "
import redis
r = redis.Redis(host='redis', port=6379)
r.set('emergency_halt', 'true')
r.expire('emergency_halt', 3600)  # expires after one hour
print('Emergency trading halt activated')
"`;

const RESUME_COMMAND = `kubectl exec -it deployment/trading-engine -n smc-trading -- python -c "
import redis
r = redis.Redis(host='redis', port=6379)
r.delete('emergency_halt')
print('Emergency trading halt removed')
"`;

export const smcPlaybooks: Playbook[] = [
  {
    id: 'smc-p0-complete-outage',
    title: 'SMC P0: complete system outage',
    system: 'smc',
    severity: 'P0',
    incidentTypes: ['system-crash'],
    summary:
      'The whole SMC stack is down. Set the Redis emergency halt (it lapses after one hour, so renew it if recovery runs long), tell Slack and the status page, find the cause in the cluster, restart what failed, verify every layer, and lift the halt only once all checks pass.',
    phases: [
      {
        id: 'immediate',
        title: 'Immediate actions',
        window: { from: 0, to: 5 },
        steps: [
          {
            id: 'assess-cluster',
            text: 'Acknowledge the page and list nodes and any pods that are not Running',
            owner: 'on-call-engineer',
            command: 'kubectl get nodes\nkubectl get pods --all-namespaces | grep -v Running',
          },
          {
            id: 'check-exchanges',
            text: 'Ping the exchanges to rule out an external dependency',
            owner: 'on-call-engineer',
            command:
              'curl -I https://api.binance.com/api/v3/ping\ncurl -I https://api.bybit.com/v2/public/time',
          },
          {
            id: 'emergency-halt',
            text: 'Halt all trading by setting the emergency_halt key in Redis (one-hour expiry)',
            owner: 'incident-commander',
            command: HALT_COMMAND,
            control: { id: 'halt' },
          },
          {
            id: 'alert-slack',
            text: 'Post the P0 outage alert to the critical Slack channel, saying trading is halted',
            owner: 'communications',
            command: `curl -X POST -H 'Content-type: application/json' \\
  --data '{"text":"P0 INCIDENT <INCIDENT_ID>: complete system outage. Trading halted. Investigating."}' \\
  $SLACK_CRITICAL_WEBHOOK`,
          },
          {
            id: 'status-page',
            text: 'Open a critical incident on the status page noting the precautionary halt',
            owner: 'communications',
            command: `curl -X POST "https://api.statuspage.io/v1/pages/$PAGE_ID/incidents" \\
  -H "Authorization: OAuth $STATUSPAGE_TOKEN" \\
  -d '{"incident": {"name": "System Outage", "status": "investigating", "impact_override": "critical",
       "body": "We are investigating a complete system outage. Trading has been halted as a precaution."}}'`,
          },
        ],
      },
      {
        id: 'investigate-recover',
        title: 'Investigate, recover, verify, resume',
        window: { from: 5, to: 15 },
        steps: [
          {
            id: 'cluster-health',
            text: 'Inspect cluster and node health',
            owner: 'on-call-engineer',
            command: 'kubectl cluster-info\nkubectl describe nodes',
          },
          {
            id: 'recent-events',
            text: 'Read the latest cluster events',
            owner: 'on-call-engineer',
            command: "kubectl get events --sort-by='.lastTimestamp' -A | tail -20",
          },
          {
            id: 'resource-usage',
            text: 'Look for nodes or pods starved of CPU or memory',
            owner: 'on-call-engineer',
            command: 'kubectl top nodes\nkubectl top pods -A --sort-by=cpu',
          },
          {
            id: 'error-logs',
            text: 'Scan the trading engine and API gateway logs for errors',
            owner: 'on-call-engineer',
            command:
              'kubectl logs -f deployment/trading-engine -n smc-trading --tail=100 | grep -i error\nkubectl logs -f deployment/api-gateway -n smc-trading --tail=100 | grep -i error',
          },
          {
            id: 'recover',
            text: 'Apply the recovery that matches the cause found',
            owner: 'on-call-engineer',
            branches: [
              {
                when: 'Pods are failing',
                steps: [
                  {
                    id: 'restart-deployments',
                    text: 'Roll the trading engine, API gateway and execution engine deployments',
                    owner: 'on-call-engineer',
                    command:
                      'kubectl rollout restart deployment/trading-engine -n smc-trading\nkubectl rollout restart deployment/api-gateway -n smc-trading\nkubectl rollout restart deployment/execution-engine -n smc-trading',
                  },
                ],
              },
              {
                when: 'The database looks unhealthy',
                steps: [
                  {
                    id: 'check-postgres',
                    text: 'Confirm the primary PostgreSQL accepts connections and answers queries',
                    owner: 'database-admin',
                    command:
                      'kubectl exec -it postgres-primary -n smc-trading -- pg_isready\nkubectl exec -it postgres-primary -n smc-trading -- psql -U postgres -c "SELECT version();"',
                  },
                ],
              },
              {
                when: 'Redis is at fault',
                steps: [
                  {
                    id: 'restart-redis',
                    text: 'Roll the Redis statefulset (then re-check that the emergency halt key is still set)',
                    owner: 'on-call-engineer',
                    command: 'kubectl rollout restart statefulset/redis -n smc-trading',
                  },
                ],
              },
            ],
          },
          {
            id: 'verify-pods-ready',
            text: 'Wait until trading engine and API gateway pods report ready',
            owner: 'on-call-engineer',
            command:
              'kubectl wait --for=condition=ready pod -l app=trading-engine -n smc-trading --timeout=300s\nkubectl wait --for=condition=ready pod -l app=api-gateway -n smc-trading --timeout=300s',
            verification: true,
          },
          {
            id: 'verify-api',
            text: 'Confirm the public health and status endpoints answer',
            owner: 'on-call-engineer',
            command:
              'curl -f https://api.smc-trading.com/health\ncurl -f https://api.smc-trading.com/v1/status',
            verification: true,
          },
          {
            id: 'verify-database',
            text: 'Confirm the trading database serves reads',
            owner: 'database-admin',
            command:
              'kubectl exec -it postgres-primary -n smc-trading -- psql -U postgres -d smc_trading -c "SELECT COUNT(*) FROM users;"',
            verification: true,
          },
          {
            id: 'verify-redis',
            text: 'Confirm Redis replies to a ping',
            owner: 'on-call-engineer',
            command: 'kubectl exec -it redis-0 -n smc-trading -- redis-cli ping',
            verification: true,
          },
          {
            id: 'resume-trading',
            text: 'Only with every check above passed: delete the emergency_halt key to resume trading',
            owner: 'incident-commander',
            command: RESUME_COMMAND,
            control: { id: 'resume' },
          },
          {
            id: 'confirm-resumed',
            text: 'Watch the trading engine log for the trading-resumed message',
            owner: 'on-call-engineer',
            command: 'kubectl logs -f deployment/trading-engine -n smc-trading | grep -i "trading resumed"',
          },
          {
            id: 'escalate-if-stuck',
            text: 'No progress after 15 minutes: escalate to the engineering manager (and CTO for P0)',
            owner: 'incident-commander',
          },
        ],
      },
    ],
  },
  {
    id: 'smc-p0-security-breach',
    title: 'SMC P0: security breach',
    system: 'smc',
    severity: 'P0',
    incidentTypes: ['security-breach'],
    summary:
      'A suspected intrusion. Cut external traffic, scale public services to zero, capture evidence, and page security; then hunt for unauthorised sessions, API calls and trades, rotate keys and lock accounts. The seed stops at containment: the trading halt and the recovery phase are added from standard practice.',
    phases: [
      {
        id: 'isolate',
        title: 'Isolate, preserve, notify',
        window: { from: 0, to: 5 },
        steps: [
          {
            id: 'halt-trading',
            text: 'Halt trading while the breach is contained (added: the seed isolates services but does not say to halt)',
            owner: 'incident-commander',
            command: HALT_COMMAND,
            control: { id: 'halt' },
          },
          {
            id: 'block-ingress',
            text: 'Block all external traffic by emptying the API ingress rules',
            owner: 'on-call-engineer',
            command: 'kubectl patch ingress api-ingress -n smc-trading -p \'{"spec":{"rules":[]}}\'',
          },
          {
            id: 'scale-down-public',
            text: 'Scale the API gateway and web app to zero replicas',
            owner: 'on-call-engineer',
            command:
              'kubectl scale deployment api-gateway --replicas=0 -n smc-trading\nkubectl scale deployment web-app --replicas=0 -n smc-trading',
          },
          {
            id: 'capture-k8s-state',
            text: 'Save the namespace state as YAML for the investigation',
            owner: 'security',
            command:
              'kubectl get all -n smc-trading -o yaml > incident-$(date +%Y%m%d_%H%M%S)-k8s-state.yaml',
          },
          {
            id: 'capture-logs',
            text: 'Save the last hour of API gateway and trading engine logs',
            owner: 'security',
            command:
              'kubectl logs deployment/api-gateway -n smc-trading --since=1h > incident-$(date +%Y%m%d_%H%M%S)-api-logs.txt\nkubectl logs deployment/trading-engine -n smc-trading --since=1h > incident-$(date +%Y%m%d_%H%M%S)-trading-logs.txt',
          },
          {
            id: 'capture-connections',
            text: 'Record open network connections on the gateway',
            owner: 'security',
            command:
              'kubectl exec -it deployment/api-gateway -n smc-trading -- netstat -tulpn > incident-$(date +%Y%m%d_%H%M%S)-netstat.txt',
          },
          {
            id: 'page-security',
            text: 'Alert the security Slack channel and email the security team',
            owner: 'communications',
            command: `curl -X POST -H 'Content-type: application/json' \\
  --data '{"text":"SECURITY INCIDENT <INCIDENT_ID>: potential breach. Systems isolated. Security respond now."}' \\
  $SLACK_SECURITY_WEBHOOK
echo "Security incident detected at $(date). All systems have been isolated." | \\
  mail -s "URGENT: Security Incident - SMC Trading Agent" security@smc-trading.com`,
          },
        ],
      },
      {
        id: 'investigate-contain',
        title: 'Forensics and containment',
        window: { from: 5, to: 30 },
        steps: [
          {
            id: 'review-sessions',
            text: 'List user sessions opened in the last two hours and look for unknown logins',
            owner: 'security',
            command: `kubectl exec -it postgres-primary -n smc-trading -- psql -U postgres -d smc_trading -c "
SELECT username, login_time, ip_address, user_agent FROM user_sessions
WHERE login_time > NOW() - INTERVAL '2 hours' ORDER BY login_time DESC;"`,
          },
          {
            id: 'review-api-calls',
            text: 'Pull rejected and throttled API calls (401/403/429) from the gateway logs',
            owner: 'security',
            command:
              'kubectl logs deployment/api-gateway -n smc-trading --since=2h | grep -E "(401|403|429)" | tail -50',
          },
          {
            id: 'review-trades',
            text: 'Find unusual trades: quantity above 10,000 or price more than 10% off market',
            owner: 'risk',
            command: `kubectl exec -it postgres-primary -n smc-trading -- psql -U postgres -d smc_trading -c "
SELECT user_id, symbol, quantity, price, timestamp FROM trades
WHERE timestamp > NOW() - INTERVAL '2 hours'
AND (quantity > 10000 OR ABS(price - market_price) / market_price > 0.1)
ORDER BY timestamp DESC;"`,
          },
          {
            id: 'rotate-api-keys',
            text: 'Rotate every API key now by running the rotation job',
            owner: 'security',
            command: 'kubectl create job api-key-rotation --from=cronjob/api-key-rotation -n smc-trading',
          },
          {
            id: 'force-logout',
            text: 'Log every user out by flushing the Redis session database',
            owner: 'security',
            command: 'kubectl exec -it redis-0 -n smc-trading -- redis-cli FLUSHDB 1',
          },
          {
            id: 'disable-accounts',
            text: 'Deactivate any account identified as compromised',
            owner: 'security',
            command: `kubectl exec -it postgres-primary -n smc-trading -- psql -U postgres -d smc_trading -c "
UPDATE users SET is_active = false WHERE id IN ('<USER_ID>');"`,
          },
          {
            id: 'notify-legal',
            text: 'Involve legal for security and compliance obligations; escalate at 2 hours if data was breached',
            owner: 'incident-commander',
          },
        ],
      },
      {
        id: 'recover',
        title: 'Restore service (standard practice)',
        window: { from: 30, to: null },
        steps: [
          {
            id: 'verify-no-intruder',
            text: 'Security confirms no unauthorised session, key or trade remains active',
            owner: 'security',
            verification: true,
          },
          {
            id: 'verify-keys-rotated',
            text: 'Confirm the key-rotation job completed and old keys are rejected',
            owner: 'security',
            verification: true,
          },
          {
            id: 'restore-public-services',
            text: 'Restore the ingress rules and scale the API gateway and web app back up',
            owner: 'on-call-engineer',
          },
          {
            id: 'resume-trading',
            text: 'With security sign-off, delete the emergency_halt key to resume trading',
            owner: 'incident-commander',
            command: RESUME_COMMAND,
            control: { id: 'resume' },
          },
        ],
      },
    ],
  },
  {
    id: 'smc-p0-data-loss',
    title: 'SMC P0: data loss',
    system: 'smc',
    severity: 'P0',
    incidentTypes: ['data-loss'],
    summary:
      'Data has been lost or damaged. Stop everything that writes, measure the damage, check that the latest backup is sound, dump the current state and start recovery per docs/operations/runbooks/backup-recovery.md. The halt step and the restore-and-verify phase are added from standard practice; the seed ends at starting recovery.',
    phases: [
      {
        id: 'immediate',
        title: 'Stop writes, assess, start recovery',
        window: { from: 0, to: 5 },
        steps: [
          {
            id: 'halt-trading',
            text: 'Halt trading first so no order is in flight when writers stop (added to the seed)',
            owner: 'incident-commander',
            command: HALT_COMMAND,
            control: { id: 'halt' },
          },
          {
            id: 'stop-writers',
            text: 'Scale the trading engine, API gateway and data pipeline to zero',
            owner: 'on-call-engineer',
            command:
              'kubectl scale deployment trading-engine --replicas=0 -n smc-trading\nkubectl scale deployment api-gateway --replicas=0 -n smc-trading\nkubectl scale deployment data-pipeline --replicas=0 -n smc-trading',
          },
          {
            id: 'table-stats',
            text: 'Read per-table insert, update, delete and live/dead row counts to size the loss',
            owner: 'database-admin',
            command: `kubectl exec -it postgres-primary -n smc-trading -- psql -U postgres -d smc_trading -c "
SELECT schemaname, tablename, n_tup_ins, n_tup_upd, n_tup_del, n_live_tup, n_dead_tup
FROM pg_stat_user_tables ORDER BY schemaname, tablename;"`,
          },
          {
            id: 'list-backups',
            text: 'List the most recent daily backups',
            owner: 'database-admin',
            command: 'aws s3 ls s3://smc-trading-backups/daily/ | tail -10',
          },
          {
            id: 'test-backup',
            text: 'Download the newest backup and test that the archive is intact',
            owner: 'database-admin',
            command: `LATEST_BACKUP=$(aws s3 ls s3://smc-trading-backups/daily/ | sort | tail -n 1 | awk '{print $4}')
aws s3 cp s3://smc-trading-backups/daily/$LATEST_BACKUP /tmp/
gunzip -t /tmp/$LATEST_BACKUP`,
            verification: true,
          },
          {
            id: 'emergency-dump',
            text: 'Dump the current database state before any restore, if it still responds',
            owner: 'database-admin',
            command:
              'kubectl exec postgres-primary -n smc-trading -- pg_dump -U postgres -d smc_trading -F c -f /tmp/emergency_$(date +%Y%m%d_%H%M%S).dump',
          },
          {
            id: 'start-recovery',
            text: 'Begin the disaster-recovery procedure in docs/operations/runbooks/backup-recovery.md',
            owner: 'database-admin',
          },
        ],
      },
      {
        id: 'restore-verify',
        title: 'Restore and verify (standard practice)',
        window: null,
        steps: [
          {
            id: 'verify-restored-data',
            text: 'Check restored row counts and recent trades against exchange records',
            owner: 'database-admin',
            verification: true,
          },
          {
            id: 'restart-writers',
            text: 'Scale the data pipeline, API gateway and trading engine back up',
            owner: 'on-call-engineer',
          },
          {
            id: 'verify-health',
            text: 'Confirm the health endpoint answers and pods are ready',
            owner: 'on-call-engineer',
            command: 'curl -f https://api.smc-trading.com/health',
            verification: true,
          },
          {
            id: 'resume-trading',
            text: 'Delete the emergency_halt key to resume trading once the data is confirmed',
            owner: 'incident-commander',
            command: RESUME_COMMAND,
            control: { id: 'resume' },
          },
        ],
      },
    ],
  },
  {
    id: 'smc-p1-database-performance',
    title: 'SMC P1: database performance degradation',
    system: 'smc',
    severity: 'P1',
    incidentTypes: ['database', 'performance-degradation'],
    summary:
      'PostgreSQL is slow. Count connections and find the slowest statements, terminate queries active for more than five minutes and restart PgBouncer, then give the primary more CPU and memory. The closing check is added from standard practice.',
    phases: [
      {
        id: 'assess',
        title: 'Assess',
        window: { from: 0, to: 5 },
        steps: [
          {
            id: 'count-connections',
            text: 'Count connections by state',
            owner: 'database-admin',
            command: `kubectl exec -it postgres-primary -n smc-trading -- psql -U postgres -c "
SELECT count(*) as active_connections, state FROM pg_stat_activity GROUP BY state;"`,
          },
          {
            id: 'slow-queries',
            text: 'List the ten statements with the highest mean execution time',
            owner: 'database-admin',
            command: `kubectl exec -it postgres-primary -n smc-trading -- psql -U postgres -c "
SELECT query, mean_exec_time, calls, total_exec_time FROM pg_stat_statements
ORDER BY mean_exec_time DESC LIMIT 10;"`,
          },
        ],
      },
      {
        id: 'mitigate',
        title: 'Mitigate',
        window: { from: 5, to: 10 },
        steps: [
          {
            id: 'kill-long-queries',
            text: 'If needed, terminate queries that have been active for over five minutes',
            owner: 'database-admin',
            command: `kubectl exec -it postgres-primary -n smc-trading -- psql -U postgres -c "
SELECT pg_terminate_backend(pid) FROM pg_stat_activity
WHERE state = 'active' AND query_start < NOW() - INTERVAL '5 minutes'
AND query NOT LIKE '%pg_stat_activity%';"`,
          },
          {
            id: 'restart-pgbouncer',
            text: 'Restart the PgBouncer connection pooler',
            owner: 'database-admin',
            command: 'kubectl rollout restart deployment/pgbouncer -n smc-trading',
          },
        ],
      },
      {
        id: 'scale',
        title: 'Scale resources',
        window: { from: 10, to: 15 },
        steps: [
          {
            id: 'raise-limits',
            text: 'Raise the primary to 4 CPU / 8Gi limits and 2 CPU / 4Gi requests',
            owner: 'database-admin',
            command: `kubectl patch statefulset postgres-primary -n smc-trading -p '{"spec": {"template": {"spec": {"containers": [{
  "name": "postgres",
  "resources": {"limits": {"cpu": "4", "memory": "8Gi"}, "requests": {"cpu": "2", "memory": "4Gi"}}
}]}}}}'`,
          },
          {
            id: 'verify-latency',
            text: 'Re-run the slow-query check and confirm mean times are back to normal (added)',
            owner: 'database-admin',
            verification: true,
          },
          {
            id: 'escalate-if-stuck',
            text: 'No progress after 30 minutes: escalate to the data-team lead',
            owner: 'incident-commander',
          },
        ],
      },
    ],
  },
  {
    id: 'smc-p1-exchange-api-failure',
    title: 'SMC P1: exchange API failure and failover',
    system: 'smc',
    severity: 'P1',
    incidentTypes: ['exchange-outage', 'connectivity'],
    summary:
      "An exchange API is failing. Time the exchanges' ping endpoints; if the exchange is down, fail its flow over to the backup exchange (the seed's pair is Binance → Bybit) and check trades keep landing there. The reconnect branch for a fault on our side is added from standard practice.",
    phases: [
      {
        id: 'failover',
        title: 'Check and fail over',
        window: { from: 0, to: 2 },
        steps: [
          {
            id: 'check-exchanges',
            text: 'Time each exchange ping and note the HTTP status',
            owner: 'on-call-engineer',
            command:
              'curl -w "Time: %{time_total}s, Status: %{http_code}\\n" https://api.binance.com/api/v3/ping\ncurl -w "Time: %{time_total}s, Status: %{http_code}\\n" https://api.bybit.com/v2/public/time',
          },
          {
            id: 'decide',
            text: 'Decide where the fault lies',
            owner: 'incident-commander',
            branches: [
              {
                when: 'The exchange itself is down or erroring',
                steps: [
                  {
                    id: 'activate-failover',
                    text: 'Fail the venue over to its backup exchange',
                    owner: 'on-call-engineer',
                    command: `kubectl exec -it deployment/trading-engine -n smc-trading -- python -c "
from data_pipeline.exchange_connectors.failover_manager import FailoverManager
fm = FailoverManager()
fm.activate_failover('<EXCHANGE_NAME>', '<BACKUP_EXCHANGE>')
print('Failover activated: <EXCHANGE_NAME> -> <BACKUP_EXCHANGE>')
"`,
                    control: { id: 'venue-failover', venue: true },
                  },
                ],
              },
              {
                when: 'The exchange answers; our connection is at fault',
                steps: [
                  {
                    id: 'reconnect-venue',
                    text: 'Reconnect our session to the venue (added: not in the seed)',
                    owner: 'on-call-engineer',
                    control: { id: 'venue-reconnect', venue: true },
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        id: 'monitor',
        title: 'Monitor the failover',
        window: { from: 2, to: 5 },
        steps: [
          {
            id: 'failover-logs',
            text: 'Follow the trading engine log for failover messages',
            owner: 'on-call-engineer',
            command: 'kubectl logs -f deployment/trading-engine -n smc-trading | grep -i failover',
          },
          {
            id: 'verify-trades-flowing',
            text: 'Confirm trades in the last five minutes are landing on the backup exchange',
            owner: 'trading-desk',
            command: `kubectl exec -it postgres-primary -n smc-trading -- psql -U postgres -d smc_trading -c "
SELECT exchange, COUNT(*) as trade_count FROM trades
WHERE timestamp > NOW() - INTERVAL '5 minutes' GROUP BY exchange;"`,
            verification: true,
          },
        ],
      },
    ],
  },
  {
    id: 'smc-p2-websocket-issues',
    title: 'SMC P2: WebSocket connection issues',
    system: 'smc',
    severity: 'P2',
    incidentTypes: ['connectivity'],
    summary:
      "Clients lose the platform's WebSocket feed. Check the service and its endpoints, try a connection by hand, restart the service and look at the ingress WebSocket settings. The seed gives no time window (P2 means a one-hour response); the closing check is added.",
    phases: [
      {
        id: 'diagnose',
        title: 'Diagnose',
        window: null,
        steps: [
          {
            id: 'service-status',
            text: 'Check the websocket-service endpoints and service definition',
            owner: 'on-call-engineer',
            command:
              'kubectl get endpoints websocket-service -n smc-trading\nkubectl describe service websocket-service -n smc-trading',
          },
          {
            id: 'test-connect',
            text: 'Open a WebSocket connection by hand',
            owner: 'on-call-engineer',
            command: 'wscat -c wss://api.smc-trading.com/ws',
          },
        ],
      },
      {
        id: 'restart',
        title: 'Restart and check ingress',
        window: null,
        steps: [
          {
            id: 'restart-service',
            text: 'Roll the websocket-service deployment',
            owner: 'on-call-engineer',
            command: 'kubectl rollout restart deployment/websocket-service -n smc-trading',
          },
          {
            id: 'check-ingress',
            text: 'Review the WebSocket section of the API ingress',
            owner: 'network',
            command: 'kubectl describe ingress api-ingress -n smc-trading | grep -A 10 websocket',
          },
          {
            id: 'verify-connect',
            text: 'Connect again with wscat and confirm messages arrive (added)',
            owner: 'on-call-engineer',
            command: 'wscat -c wss://api.smc-trading.com/ws',
            verification: true,
          },
        ],
      },
    ],
  },
  {
    id: 'smc-p2-high-api-latency',
    title: 'SMC P2: high API latency',
    system: 'smc',
    severity: 'P2',
    incidentTypes: ['performance-degradation'],
    summary:
      'The API gateway is slow. Add replicas and turn on autoscaling (70% CPU, 3–10 pods), then check pod usage and raise its resource limits if needed. No time window in the seed; the closing check is added.',
    phases: [
      {
        id: 'scale',
        title: 'Scale the API',
        window: null,
        steps: [
          {
            id: 'add-replicas',
            text: 'Run five API gateway replicas',
            owner: 'on-call-engineer',
            command: 'kubectl scale deployment api-gateway --replicas=5 -n smc-trading',
          },
          {
            id: 'autoscale',
            text: 'Enable autoscaling at 70% CPU between 3 and 10 pods',
            owner: 'on-call-engineer',
            command:
              'kubectl autoscale deployment api-gateway --cpu-percent=70 --min=3 --max=10 -n smc-trading',
          },
        ],
      },
      {
        id: 'optimise',
        title: 'Tune resources',
        window: null,
        steps: [
          {
            id: 'pod-usage',
            text: 'Check CPU and memory of the gateway pods',
            owner: 'on-call-engineer',
            command: 'kubectl top pods -n smc-trading -l app=api-gateway',
          },
          {
            id: 'raise-limits',
            text: 'If they are saturated, raise limits to 2 CPU / 4Gi and requests to 1 CPU / 2Gi',
            owner: 'on-call-engineer',
            command: `kubectl patch deployment api-gateway -n smc-trading -p '{"spec": {"template": {"spec": {"containers": [{
  "name": "api-gateway",
  "resources": {"limits": {"cpu": "2", "memory": "4Gi"}, "requests": {"cpu": "1", "memory": "2Gi"}}
}]}}}}'`,
          },
          {
            id: 'verify-latency',
            text: 'Confirm response times are back within target (added)',
            owner: 'on-call-engineer',
            command: 'curl -w "Time: %{time_total}s\\n" -o /dev/null -s https://api.smc-trading.com/health',
            verification: true,
          },
        ],
      },
    ],
  },
  {
    id: 'smc-post-incident',
    title: 'SMC post-incident procedure',
    system: 'smc',
    incidentTypes: [],
    summary:
      'After resolution: confirm everything works, remove workarounds, send the resolution notice; hold the post-mortem within 24–48 hours; land the preventive work within one to two weeks.',
    phases: [
      {
        id: 'post-resolution',
        title: 'Right after resolution',
        window: { from: 0, to: 120 },
        steps: [
          {
            id: 'verify-operational',
            text: 'Check that every system is fully working',
            owner: 'on-call-engineer',
            verification: true,
          },
          { id: 'remove-workarounds', text: 'Take out temporary workarounds', owner: 'on-call-engineer' },
          { id: 'tune-alerting', text: 'Adjust monitoring and alerts if the incident showed gaps' },
          {
            id: 'resolution-notice',
            text: 'Send the resolution notice: root cause, fix, durations, follow-ups, post-mortem link',
            owner: 'communications',
          },
          { id: 'collect-data', text: 'Start gathering material for the post-mortem', owner: 'scribe' },
        ],
      },
      {
        id: 'post-mortem',
        title: 'Post-mortem',
        window: { from: 1440, to: 2880 },
        steps: [
          {
            id: 'schedule-meeting',
            text: 'Book the post-mortem meeting within 24 hours',
            owner: 'incident-commander',
          },
          { id: 'timeline', text: 'Assemble the timeline of events', owner: 'scribe' },
          { id: 'root-causes', text: 'Pin down the root cause or causes', owner: 'incident-commander' },
          { id: 'lessons', text: 'Write down what was learned', owner: 'scribe' },
          { id: 'action-items', text: 'Create prevention action items', owner: 'incident-commander' },
          { id: 'update-runbooks', text: 'Revise runbooks and procedures', owner: 'on-call-engineer' },
        ],
      },
      {
        id: 'follow-up',
        title: 'Follow-up',
        window: { from: 10080, to: 20160 },
        steps: [
          { id: 'prevention', text: 'Deliver the preventive measures', owner: 'on-call-engineer' },
          { id: 'monitoring', text: 'Improve monitoring and alerting', owner: 'on-call-engineer' },
          { id: 'training', text: 'Run training where it is needed', owner: 'incident-commander' },
          {
            id: 'review-process',
            text: 'Review the incident response procedure itself',
            owner: 'incident-commander',
          },
          { id: 'share', text: 'Share the lessons with the wider team', owner: 'communications' },
        ],
      },
    ],
  },
];

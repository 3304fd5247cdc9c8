import type { Playbook } from '../../playbook.ts';
import { HALT_COMMAND, RESUME_COMMAND } from './shared.ts';

export const p0CompleteOutage: Playbook = {
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
};

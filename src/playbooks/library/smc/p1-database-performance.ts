import type { Playbook } from '../../playbook.ts';

export const p1DatabasePerformance: Playbook = {
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
};

import type { Playbook } from '../../playbook.ts';

export const dbPoolExhaustion: Playbook = {
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
};

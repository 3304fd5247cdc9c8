import type { Playbook } from '../../playbook.ts';

export const dcFailover: Playbook = {
  id: 'rtes-dc-failover',
  title: 'RTES data-centre failover',
  system: 'rtes',
  incidentTypes: ['system-crash', 'connectivity'],
  summary:
    'Disaster recovery when the primary site is lost: confirm the primary is unreachable, move DNS and start services on the secondary, then bring data across and check its integrity. The seed gives no time windows.',
  phases: [
    {
      id: 'assess-primary',
      title: 'Assess the primary site',
      window: null,
      steps: [
        {
          id: 'ping-primary',
          text: 'Ping the primary data centre',
          owner: 'network',
          command: 'ping -c 5 primary-datacenter.internal',
        },
        {
          id: 'primary-db-health',
          text: 'Check database connectivity at the primary site',
          owner: 'database-admin',
          command: './scripts/db_health_check.sh --site primary',
        },
      ],
    },
    {
      id: 'activate-secondary',
      title: 'Activate the secondary site',
      window: null,
      steps: [
        {
          id: 'dns-failover',
          text: 'Point DNS at the secondary site',
          owner: 'network',
          command: './scripts/dns_failover.sh --target secondary',
        },
        {
          id: 'start-secondary',
          text: 'Start services on the secondary site',
          owner: 'on-call-engineer',
          command: './scripts/site_activation.sh --site secondary',
        },
      ],
    },
    {
      id: 'sync-data',
      title: 'Synchronise data',
      window: null,
      steps: [
        {
          id: 'sync-primary-to-secondary',
          text: 'Copy the latest data from primary to secondary',
          owner: 'database-admin',
          command: './scripts/data_sync.sh --from primary --to secondary',
        },
        {
          id: 'verify-integrity',
          text: 'Data integrity check passes on the secondary',
          owner: 'database-admin',
          command: './scripts/data_integrity_check.sh',
          verification: true,
        },
      ],
    },
  ],
};

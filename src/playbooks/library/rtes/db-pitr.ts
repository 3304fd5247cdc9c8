import type { Playbook } from '../../playbook.ts';

export const dbPitr: Playbook = {
  id: 'rtes-db-pitr',
  title: 'RTES database point-in-time recovery',
  system: 'rtes',
  incidentTypes: ['database', 'data-loss'],
  summary:
    'Restore the RTES database to a moment before the damage: check its state and replication lag, restore the latest backup to the chosen time, then verify the restore. The seed gives no time windows.',
  phases: [
    {
      id: 'assess',
      title: 'Assess the database',
      window: null,
      steps: [
        {
          id: 'db-status',
          text: 'Check database status',
          owner: 'database-admin',
          command: './scripts/db_status.sh',
        },
        {
          id: 'replication-lag',
          text: 'Check replication lag',
          owner: 'database-admin',
          command: './scripts/replication_check.sh',
        },
      ],
    },
    {
      id: 'restore',
      title: 'Point-in-time restore',
      window: null,
      steps: [
        {
          id: 'restore-backup',
          text: 'Restore the latest backup up to the chosen recovery time',
          owner: 'database-admin',
          command: './scripts/db_restore.sh --backup-id latest --point-in-time "<RECOVERY_TIMESTAMP>"',
        },
        {
          id: 'verify-restore',
          text: 'Restore verification passes',
          owner: 'database-admin',
          command: './scripts/db_verify.sh',
          verification: true,
        },
      ],
    },
  ],
};

import type { Playbook } from '../../playbook.ts';
import { HALT_COMMAND, RESUME_COMMAND } from './shared.ts';

export const p0DataLoss: Playbook = {
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
};

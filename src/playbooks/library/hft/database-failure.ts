import type { Playbook } from '../../playbook.ts';
import { API, PSQL } from './shared.ts';

export const databaseFailure: Playbook = {
  id: 'hft-database-failure',
  title: 'HFT: database failure',
  system: 'hft',
  severity: 'SEV1',
  incidentTypes: ['database'],
  summary:
    'TimescaleDB (hft_db) is down or unusable, so orders and fills cannot be recorded. The seed only names this playbook; it is written from incident practice, the SMC and RTES database procedures and the LAV/ADAF connection-pool procedure. A database completely down is SEV1; slow queries belong to the performance playbook. Halt, find why, restart or restore, verify, resume.',
  phases: [
    {
      id: 'immediate',
      title: 'Immediate actions',
      window: { from: 0, to: 5 },
      steps: [
        {
          id: 'confirm',
          text: 'Confirm the database is down and not just slow',
          owner: 'database-admin',
          command: `systemctl status timescaledb\n${PSQL} -c "SELECT 1;"`,
        },
        {
          id: 'halt',
          text: 'Halt new orders while trades cannot be recorded; cancels stay allowed',
          owner: 'incident-commander',
          control: { id: 'halt' },
        },
        {
          id: 'db-logs',
          text: 'Read the database logs and check disk space',
          owner: 'database-admin',
          command: 'journalctl -u timescaledb -n 200\ndf -h',
        },
        { id: 'tell-desk', text: 'Tell the trading desk within 5 minutes', owner: 'communications' },
      ],
    },
    {
      id: 'diagnosis',
      title: 'Diagnosis and repair',
      window: { from: 5, to: 30 },
      steps: [
        {
          id: 'by-cause',
          text: 'Repair according to the cause found',
          owner: 'database-admin',
          branches: [
            {
              when: 'Database process stopped or crashed',
              steps: [
                {
                  id: 'restart-db',
                  text: 'Restart the database service and watch it come up',
                  owner: 'database-admin',
                  command: 'systemctl restart timescaledb\njournalctl -u timescaledb -f',
                },
              ],
            },
            {
              when: 'Disk full',
              steps: [
                {
                  id: 'free-disk',
                  text: 'Free space (old logs, dumps) without touching the data directory, then restart',
                  owner: 'database-admin',
                  command: 'df -h\ndu -sh /var/log/* | sort -h | tail',
                },
              ],
            },
            {
              when: 'Connections exhausted',
              steps: [
                {
                  id: 'connections',
                  text: 'Count connections by state and terminate idle ones',
                  owner: 'database-admin',
                  command: `psql -h localhost -U postgres -d hft_db <<EOF\nSELECT state, count(*) FROM pg_stat_activity GROUP BY state;\nSELECT pg_terminate_backend(pid) FROM pg_stat_activity\nWHERE state = 'idle' AND now() - state_change > interval '5 minutes';\nEOF`,
                },
              ],
            },
            {
              when: 'Data files damaged or database will not start',
              steps: [
                {
                  id: 'restore',
                  text: 'Restore from the latest good backup to a point in time before the damage, then follow the data-corruption playbook to reconcile',
                  owner: 'database-admin',
                  command: 'pg_restore -h localhost -U postgres -d hft_db --clean <BACKUP_FILE>',
                },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'recovery',
      title: 'Recovery and verification',
      window: { from: 30, to: 240 },
      steps: [
        {
          id: 'db-answers',
          text: 'The database answers queries',
          owner: 'database-admin',
          command: `${PSQL} -c "SELECT 1;"`,
          verification: true,
        },
        {
          id: 'restart-system',
          text: 'Restart the trading system if it lost its database connection',
          owner: 'on-call-engineer',
          command: './scripts/graceful_shutdown.sh && sleep 10 && systemctl start hft_system',
        },
        {
          id: 'health',
          text: 'The health check passes',
          owner: 'on-call-engineer',
          command: './scripts/health_check.sh',
          verification: true,
        },
        {
          id: 'gap-fill',
          text: 'Positions reconcile with the exchanges, with fills from the outage backfilled',
          owner: 'trading-desk',
          command: './scripts/reconcile_positions.sh',
          verification: true,
        },
        {
          id: 'pnl',
          text: 'P&L matches expectations',
          owner: 'risk',
          command: `curl ${API}/positions | jq '.total_unrealized_pnl_usd'`,
          verification: true,
        },
        {
          id: 'resume',
          text: 'Lift the halt and restart strategies gradually',
          owner: 'incident-commander',
          command: './scripts/start_stopped_strategies.sh --gradual',
          control: { id: 'resume' },
        },
        {
          id: 'monitor',
          text: 'Watch database health and latency for 30 minutes',
          owner: 'database-admin',
          command: "watch -n 5 './scripts/health_check.sh'",
        },
      ],
    },
    {
      id: 'post-incident',
      title: 'Post-incident',
      window: null,
      steps: [
        { id: 'root-cause', text: 'Document why the database failed', owner: 'database-admin' },
        {
          id: 'resilience',
          text: 'Review replication, standby and backup-restore testing',
          owner: 'database-admin',
        },
        {
          id: 'alerts',
          text: 'Add alerts for disk, connections and replication before they fail',
          owner: 'database-admin',
        },
      ],
    },
  ],
};

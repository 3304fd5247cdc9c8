import type { Playbook } from '../../playbook.ts';
import { API, PSQL } from './shared.ts';

export const dataCorruption: Playbook = {
  id: 'hft-data-corruption',
  title: 'HFT: data corruption',
  system: 'hft',
  severity: 'SEV1',
  incidentTypes: ['data-loss'],
  summary:
    'Orders, fills, positions or P&L in the database are wrong or missing. The seed only names this playbook; it is written from incident practice and the SMC data-loss procedure: halt so bad data cannot drive orders, freeze and snapshot the evidence, scope the damage against the exchanges, repair or restore, and resume only after reconciliation. Partial data loss alone is SEV2.',
  phases: [
    {
      id: 'immediate',
      title: 'Immediate actions',
      window: { from: 0, to: 5 },
      steps: [
        {
          id: 'halt',
          text: 'Halt trading so strategies stop acting on corrupted positions; cancels stay allowed',
          owner: 'incident-commander',
          control: { id: 'halt' },
        },
        {
          id: 'stop-writers',
          text: 'Stop the trading process so nothing writes further bad records',
          owner: 'on-call-engineer',
          command: './scripts/graceful_shutdown.sh',
        },
        {
          id: 'snapshot-db',
          text: 'Take a dump of the current database state before anything is repaired',
          owner: 'database-admin',
          command:
            'pg_dump -h localhost -U hft_user -d hft_db -Fc -f /var/backups/hft_db_$(date +%Y%m%d_%H%M%S).dump',
        },
        {
          id: 'save-logs',
          text: 'Copy the system log aside as evidence',
          owner: 'on-call-engineer',
          command:
            'cp /var/log/hft_system/system.log /var/log/hft_system/corruption_$(date +%Y%m%d_%H%M%S).log',
        },
        { id: 'tell-desk', text: 'Tell the trading desk within 5 minutes', owner: 'communications' },
      ],
    },
    {
      id: 'assessment',
      title: 'Assessment',
      window: { from: 5, to: 30 },
      steps: [
        {
          id: 'reconcile-exchanges',
          text: 'Reconcile positions against every exchange to see which records disagree',
          owner: 'trading-desk',
          command: './scripts/reconcile_positions.sh',
        },
        {
          id: 'scope-tables',
          text: 'Establish which tables and which time range are affected, and when data was last known good',
          owner: 'database-admin',
        },
        {
          id: 'storage-errors',
          text: 'Check the kernel log and disks for storage errors',
          owner: 'on-call-engineer',
          command: 'dmesg | grep -i -E "error|corrupt" | tail -50\ndf -h',
        },
        {
          id: 'recent-changes',
          text: 'Check recent deployments and configuration changes that could have written bad data',
          owner: 'on-call-engineer',
          command: 'git -C /opt/hft_system/config diff HEAD',
        },
        {
          id: 'classify',
          text: 'Set the severity: SEV1 if positions or P&L are affected, SEV2 for partial loss elsewhere',
          owner: 'incident-commander',
        },
      ],
    },
    {
      id: 'repair',
      title: 'Repair',
      window: { from: 30, to: 240 },
      steps: [
        {
          id: 'choose-repair',
          text: 'Choose the repair from what the assessment found',
          owner: 'incident-commander',
          branches: [
            {
              when: 'Limited damage and the exchanges hold the true record',
              steps: [
                {
                  id: 'rebuild-from-exchange',
                  text: 'Rebuild the affected orders, fills and positions from exchange records',
                  owner: 'database-admin',
                },
                {
                  id: 'fix-writer',
                  text: 'Fix or roll back the code or configuration that wrote the bad data',
                  owner: 'on-call-engineer',
                },
              ],
            },
            {
              when: 'Widespread damage or the database is unreliable',
              steps: [
                {
                  id: 'restore-backup',
                  text: 'Restore the database to the last known-good point (see the database-failure playbook), then replay exchange records since then',
                  owner: 'database-admin',
                },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'validation',
      title: 'Validation',
      window: { from: 30, to: 240 },
      steps: [
        {
          id: 'db-answers',
          text: 'Confirm the database answers queries',
          owner: 'database-admin',
          command: `${PSQL} -c "SELECT 1;"`,
          verification: true,
        },
        {
          id: 'reconciled',
          text: 'Reconcile positions again: no breaks on any exchange',
          owner: 'trading-desk',
          command: './scripts/reconcile_positions.sh',
          verification: true,
        },
        {
          id: 'pnl-matches',
          text: 'Confirm P&L matches expectations',
          owner: 'risk',
          command: `curl ${API}/positions | jq '.total_unrealized_pnl_usd'`,
          verification: true,
        },
        {
          id: 'health',
          text: 'Restart the system and run the health check',
          owner: 'on-call-engineer',
          command: 'systemctl start hft_system\n./scripts/health_check.sh',
          verification: true,
        },
        {
          id: 'resume',
          text: 'Lift the halt and bring strategies back one at a time',
          owner: 'incident-commander',
          control: { id: 'resume' },
        },
      ],
    },
    {
      id: 'post-incident',
      title: 'Post-incident',
      window: null,
      steps: [
        {
          id: 'root-cause',
          text: 'Find and document the root cause of the corruption',
          owner: 'on-call-engineer',
        },
        {
          id: 'integrity-checks',
          text: 'Add automated integrity checks (reconciliation, checksums) that would catch it earlier',
          owner: 'on-call-engineer',
        },
        { id: 'test-restores', text: 'Schedule regular test restores of backups', owner: 'database-admin' },
      ],
    },
  ],
};

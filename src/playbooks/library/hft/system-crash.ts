import type { Playbook } from '../../playbook.ts';
import { API, PSQL } from './shared.ts';

export const systemCrash: Playbook = {
  id: 'hft-system-crash',
  title: 'HFT: system crash',
  system: 'hft',
  severity: 'SEV1',
  incidentTypes: ['system-crash'],
  summary:
    'The HFT process has died or will not start ("System Down" alert, API silent, systemctl reports the unit dead). Kill first so no orders are orphaned, keep the evidence, find the cause, restart, validate, then bring strategies back one at a time. A repeat crash within an hour escalates.',
  phases: [
    {
      id: 'immediate',
      title: 'Immediate actions',
      window: { from: 0, to: 2 },
      steps: [
        {
          id: 'killswitch',
          text: 'If the system does not respond, fire the kill switch at once so no orders are left orphaned',
          owner: 'on-call-engineer',
          command: './scripts/emergency_killswitch.sh',
          control: { id: 'kill-switch' },
        },
        {
          id: 'process-status',
          text: 'Check the state of the hft_system process',
          owner: 'on-call-engineer',
          command: 'systemctl status hft_system\nps aux | grep hft_system',
        },
        {
          id: 'core-dump',
          text: 'Look for a core dump',
          owner: 'on-call-engineer',
          command: 'ls -lh /tmp/core.* /var/crash/',
        },
        {
          id: 'save-logs',
          text: 'Copy the system log aside before rotation loses it',
          owner: 'on-call-engineer',
          command: 'cp /var/log/hft_system/system.log /var/log/hft_system/crash_$(date +%Y%m%d_%H%M%S).log',
        },
      ],
    },
    {
      id: 'assessment',
      title: 'Assessment',
      window: { from: 2, to: 5 },
      steps: [
        {
          id: 'crash-reason',
          text: 'Read the last 100 log lines for the cause: segfault, OOM kill, failed assertion, unhandled exception or lost database connection',
          owner: 'on-call-engineer',
          command: 'tail -100 /var/log/hft_system/crash_*.log',
        },
        {
          id: 'resources',
          text: 'Check memory, disk and kernel messages',
          owner: 'on-call-engineer',
          command: 'free -h\ndf -h\ndmesg | tail -50',
        },
      ],
    },
    {
      id: 'recovery',
      title: 'Recovery',
      window: { from: 5, to: 15 },
      steps: [
        {
          id: 'fix-cause',
          text: 'Fix the underlying cause if it is known (for an OOM kill: more memory or fix the leak)',
          owner: 'on-call-engineer',
        },
        {
          id: 'database-up',
          text: 'Make sure the database is running and answers queries',
          owner: 'database-admin',
          command: `systemctl status timescaledb\n${PSQL} -c "SELECT 1;"`,
          verification: true,
        },
        {
          id: 'validate-config',
          text: 'Validate the production configuration',
          owner: 'on-call-engineer',
          command: './bin/hft_system --validate-config --config=config/production.json',
          verification: true,
        },
        {
          id: 'start-system',
          text: 'Start the system',
          owner: 'on-call-engineer',
          command: 'systemctl start hft_system',
        },
        {
          id: 'watch-startup',
          text: 'Follow the startup in the journal',
          owner: 'on-call-engineer',
          command: 'journalctl -u hft_system -f',
        },
      ],
    },
    {
      id: 'validation',
      title: 'Validation',
      window: { from: 15, to: 30 },
      steps: [
        {
          id: 'health-check',
          text: 'Run the health check',
          owner: 'on-call-engineer',
          command: './scripts/health_check.sh',
          verification: true,
        },
        {
          id: 'reconcile',
          text: 'Reconcile positions',
          owner: 'trading-desk',
          command: './scripts/reconcile_positions.sh',
          verification: true,
        },
        {
          id: 'pnl-check',
          text: 'Confirm unrealised P&L is what we expect',
          owner: 'risk',
          command: `curl ${API}/positions | jq '.total_unrealized_pnl_usd'`,
          verification: true,
        },
        {
          id: 'resume-gradually',
          text: 'Lift the kill switch and restart strategies one at a time, checking each before the next',
          owner: 'trading-desk',
          control: { id: 'resume' },
        },
        {
          id: 'stability',
          text: 'Watch health for 30 minutes to confirm stability',
          owner: 'on-call-engineer',
          command: "watch -n 5 './scripts/health_check.sh'",
        },
      ],
    },
    {
      id: 'escalation',
      title: 'Escalation',
      window: { from: 0, to: 60 },
      steps: [
        {
          id: 'repeat-crash',
          text: 'If the system crashes again within an hour of the first crash, escalate',
          owner: 'incident-commander',
          branches: [
            {
              when: 'Crash repeats within 1 hour',
              steps: [
                { id: 'page-l2', text: 'Page level-2 support', owner: 'communications' },
                {
                  id: 'consider-standby',
                  text: 'Consider failing over to the standby',
                  owner: 'incident-commander',
                },
                {
                  id: 'code-review',
                  text: 'Start a code review of the failing path',
                  owner: 'on-call-engineer',
                },
                {
                  id: 'recent-deploys',
                  text: 'Check what was deployed recently',
                  owner: 'on-call-engineer',
                },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'communication',
      title: 'Communication',
      window: { from: 0, to: null },
      steps: [
        {
          id: 'page-t0',
          text: 'At declaration, page on-call and the trading desk',
          owner: 'communications',
        },
        { id: 'status-t5', text: 'By T+5 min, update the status page', owner: 'communications' },
        {
          id: 'email-t15',
          text: 'By T+15 min, email management if not yet recovered',
          owner: 'communications',
        },
        {
          id: 'call-t30',
          text: 'By T+30 min, open a conference call if still down',
          owner: 'incident-commander',
        },
      ],
    },
    {
      id: 'post-incident',
      title: 'Post-incident',
      window: null,
      steps: [
        { id: 'analyse-core', text: 'Analyse the core dump, if there is one', owner: 'on-call-engineer' },
        { id: 'log-root-cause', text: 'Go through the logs for the root cause', owner: 'on-call-engineer' },
        { id: 'bug-ticket', text: 'Open a bug ticket', owner: 'on-call-engineer' },
        {
          id: 'add-monitoring',
          text: 'Add monitoring that would catch a recurrence',
          owner: 'on-call-engineer',
        },
        { id: 'update-docs', text: 'Update the documentation', owner: 'scribe' },
      ],
    },
  ],
};

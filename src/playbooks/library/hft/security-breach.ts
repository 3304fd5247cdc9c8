import type { Playbook } from '../../playbook.ts';
import { API } from './shared.ts';

export const securityBreach: Playbook = {
  id: 'hft-security-breach',
  title: 'HFT: security breach',
  system: 'hft',
  severity: 'SEV1',
  incidentTypes: ['security-breach'],
  summary:
    'Unauthorised access, unusual API activity, unexpected configuration changes or orders we did not place. Kill within the first minute, stop and isolate the host, preserve evidence, rotate every credential, notify within 30 minutes, and resume only once security has cleared the system and trading has been approved.',
  phases: [
    {
      id: 'immediate',
      title: 'Immediate actions',
      window: { from: 0, to: 1 },
      steps: [
        {
          id: 'killswitch',
          text: 'Fire the kill switch immediately, giving a security breach as the reason',
          owner: 'on-call-engineer',
          command: `curl -X POST ${API}/killswitch \\\n  -d '{"reason": "SECURITY BREACH DETECTED"}'`,
          control: { id: 'kill-switch' },
        },
        {
          id: 'stop-system',
          text: 'Stop the trading process',
          owner: 'on-call-engineer',
          command: 'systemctl stop hft_system',
        },
        {
          id: 'isolate',
          text: 'Cut the host off the network, keeping SSH open only from a trusted address',
          owner: 'security',
          command:
            'sudo iptables -P INPUT DROP\nsudo iptables -P OUTPUT DROP\nsudo iptables -A INPUT -p tcp --dport 22 -s <TRUSTED_IP> -j ACCEPT',
        },
      ],
    },
    {
      id: 'assessment',
      title: 'Assessment',
      window: { from: 1, to: 10 },
      steps: [
        {
          id: 'preserve-evidence',
          text: 'Copy logs and configuration into a timestamped evidence folder',
          owner: 'security',
          command:
            'mkdir -p /var/evidence/breach_$(date +%Y%m%d_%H%M%S)\ncp -r /var/log/hft_system /var/evidence/breach_*/logs/\ncp -r /opt/hft_system/config /var/evidence/breach_*/config/',
        },
        {
          id: 'logins',
          text: 'Review recent logins and active sessions',
          owner: 'security',
          command: 'last | head -20\nwho\nsudo ausearch -m USER_LOGIN -ts recent',
        },
        {
          id: 'api-calls',
          text: 'Search the system log for unauthorised or failed-auth API calls',
          owner: 'security',
          command: 'grep "unauthorized\\|failed auth" /var/log/hft_system/system.log | tail -100',
        },
        {
          id: 'config-changes',
          text: 'Diff the configuration repository for changes nobody made on purpose',
          owner: 'security',
          command: 'git -C /opt/hft_system/config diff HEAD',
        },
      ],
    },
    {
      id: 'containment',
      title: 'Containment',
      window: { from: 10, to: 30 },
      steps: [
        {
          id: 'rotate-keys',
          text: 'Rotate every API key now',
          owner: 'security',
          command: './scripts/rotate_all_api_keys.sh',
        },
        {
          id: 'change-passwords',
          text: 'Change all passwords, by hand on each exchange',
          owner: 'security',
        },
        {
          id: 'revoke-sessions',
          text: 'Revoke suspicious sessions and check the account activity logs on each exchange',
          owner: 'security',
        },
        {
          id: 'malware-scan',
          text: 'Scan the installation for malware',
          owner: 'security',
          command: 'sudo clamscan -r /opt/hft_system',
        },
      ],
    },
    {
      id: 'notification',
      title: 'Notification',
      window: { from: 0, to: 30 },
      steps: [
        { id: 'page-security', text: 'Page the security team straight away', owner: 'communications' },
        {
          id: 'notify-management',
          text: 'Inform management: CTO, VP Engineering and Legal',
          owner: 'communications',
        },
        {
          id: 'exchange-support',
          text: 'Contact exchange support if any exchange account is compromised',
          owner: 'trading-desk',
        },
        {
          id: 'regulator-report',
          text: 'Prepare an incident report for regulators where one is required',
          owner: 'incident-commander',
        },
      ],
    },
    {
      id: 'investigation',
      title: 'Investigation',
      window: null,
      steps: [
        { id: 'forensics', text: 'Carry out forensic analysis of the logs', owner: 'security' },
        { id: 'entry-point', text: 'Find how the attacker got in', owner: 'security' },
        { id: 'data-accessed', text: 'Identify what data was accessed', owner: 'security' },
        { id: 'exfiltration', text: 'Check whether data was taken out', owner: 'security' },
        {
          id: 'credentials',
          text: 'Decide whether keys or credentials were compromised',
          owner: 'security',
        },
      ],
    },
    {
      id: 'recovery',
      title: 'Recovery (only after security clears the system)',
      window: null,
      steps: [
        {
          id: 'security-clearance',
          text: 'Obtain clearance from the security team',
          owner: 'security',
          verification: true,
        },
        {
          id: 'patch',
          text: 'Patch the vulnerability that was used',
          owner: 'on-call-engineer',
          verification: true,
        },
        {
          id: 'clean-restore',
          text: 'Restore from a clean backup if the system cannot be trusted',
          owner: 'on-call-engineer',
        },
        {
          id: 'new-keys',
          text: 'Confirm new API keys are in place on every exchange',
          owner: 'security',
          verification: true,
        },
        { id: 'monitoring', text: 'Turn on enhanced monitoring', owner: 'security', verification: true },
        {
          id: 'resume',
          text: 'Resume trading once approval is given',
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
        { id: 'audit', text: 'Run a full security audit', owner: 'security' },
        { id: 'pentest', text: 'Commission penetration testing', owner: 'security' },
        { id: 'procedures', text: 'Revise the security procedures', owner: 'security' },
        { id: 'training', text: 'Train staff on what was learned', owner: 'security' },
        { id: 'regulatory', text: 'File regulatory reports where required', owner: 'incident-commander' },
      ],
    },
  ],
};

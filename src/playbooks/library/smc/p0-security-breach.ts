import type { Playbook } from '../../playbook.ts';
import { HALT_COMMAND, RESUME_COMMAND } from './shared.ts';

export const p0SecurityBreach: Playbook = {
  id: 'smc-p0-security-breach',
  title: 'SMC P0: security breach',
  system: 'smc',
  severity: 'P0',
  incidentTypes: ['security-breach'],
  summary:
    'A suspected intrusion. Cut external traffic, scale public services to zero, capture evidence, and page security; then hunt for unauthorised sessions, API calls and trades, rotate keys and lock accounts. The seed stops at containment: the trading halt and the recovery phase are added from standard practice.',
  phases: [
    {
      id: 'isolate',
      title: 'Isolate, preserve, notify',
      window: { from: 0, to: 5 },
      steps: [
        {
          id: 'halt-trading',
          text: 'Halt trading while the breach is contained (added: the seed isolates services but does not say to halt)',
          owner: 'incident-commander',
          command: HALT_COMMAND,
          control: { id: 'halt' },
        },
        {
          id: 'block-ingress',
          text: 'Block all external traffic by emptying the API ingress rules',
          owner: 'on-call-engineer',
          command: 'kubectl patch ingress api-ingress -n smc-trading -p \'{"spec":{"rules":[]}}\'',
        },
        {
          id: 'scale-down-public',
          text: 'Scale the API gateway and web app to zero replicas',
          owner: 'on-call-engineer',
          command:
            'kubectl scale deployment api-gateway --replicas=0 -n smc-trading\nkubectl scale deployment web-app --replicas=0 -n smc-trading',
        },
        {
          id: 'capture-k8s-state',
          text: 'Save the namespace state as YAML for the investigation',
          owner: 'security',
          command: 'kubectl get all -n smc-trading -o yaml > incident-$(date +%Y%m%d_%H%M%S)-k8s-state.yaml',
        },
        {
          id: 'capture-logs',
          text: 'Save the last hour of API gateway and trading engine logs',
          owner: 'security',
          command:
            'kubectl logs deployment/api-gateway -n smc-trading --since=1h > incident-$(date +%Y%m%d_%H%M%S)-api-logs.txt\nkubectl logs deployment/trading-engine -n smc-trading --since=1h > incident-$(date +%Y%m%d_%H%M%S)-trading-logs.txt',
        },
        {
          id: 'capture-connections',
          text: 'Record open network connections on the gateway',
          owner: 'security',
          command:
            'kubectl exec -it deployment/api-gateway -n smc-trading -- netstat -tulpn > incident-$(date +%Y%m%d_%H%M%S)-netstat.txt',
        },
        {
          id: 'page-security',
          text: 'Alert the security Slack channel and email the security team',
          owner: 'communications',
          command: `curl -X POST -H 'Content-type: application/json' \\
  --data '{"text":"SECURITY INCIDENT <INCIDENT_ID>: potential breach. Systems isolated. Security respond now."}' \\
  $SLACK_SECURITY_WEBHOOK
echo "Security incident detected at $(date). All systems have been isolated." | \\
  mail -s "URGENT: Security Incident - SMC Trading Agent" security@smc-trading.com`,
        },
      ],
    },
    {
      id: 'investigate-contain',
      title: 'Forensics and containment',
      window: { from: 5, to: 30 },
      steps: [
        {
          id: 'review-sessions',
          text: 'List user sessions opened in the last two hours and look for unknown logins',
          owner: 'security',
          command: `kubectl exec -it postgres-primary -n smc-trading -- psql -U postgres -d smc_trading -c "
SELECT username, login_time, ip_address, user_agent FROM user_sessions
WHERE login_time > NOW() - INTERVAL '2 hours' ORDER BY login_time DESC;"`,
        },
        {
          id: 'review-api-calls',
          text: 'Pull rejected and throttled API calls (401/403/429) from the gateway logs',
          owner: 'security',
          command:
            'kubectl logs deployment/api-gateway -n smc-trading --since=2h | grep -E "(401|403|429)" | tail -50',
        },
        {
          id: 'review-trades',
          text: 'Find unusual trades: quantity above 10,000 or price more than 10% off market',
          owner: 'risk',
          command: `kubectl exec -it postgres-primary -n smc-trading -- psql -U postgres -d smc_trading -c "
SELECT user_id, symbol, quantity, price, timestamp FROM trades
WHERE timestamp > NOW() - INTERVAL '2 hours'
AND (quantity > 10000 OR ABS(price - market_price) / market_price > 0.1)
ORDER BY timestamp DESC;"`,
        },
        {
          id: 'rotate-api-keys',
          text: 'Rotate every API key now by running the rotation job',
          owner: 'security',
          command: 'kubectl create job api-key-rotation --from=cronjob/api-key-rotation -n smc-trading',
        },
        {
          id: 'force-logout',
          text: 'Log every user out by flushing the Redis session database',
          owner: 'security',
          command: 'kubectl exec -it redis-0 -n smc-trading -- redis-cli FLUSHDB 1',
        },
        {
          id: 'disable-accounts',
          text: 'Deactivate any account identified as compromised',
          owner: 'security',
          command: `kubectl exec -it postgres-primary -n smc-trading -- psql -U postgres -d smc_trading -c "
UPDATE users SET is_active = false WHERE id IN ('<USER_ID>');"`,
        },
        {
          id: 'notify-legal',
          text: 'Involve legal for security and compliance obligations; escalate at 2 hours if data was breached',
          owner: 'incident-commander',
        },
      ],
    },
    {
      id: 'recover',
      title: 'Restore service (standard practice)',
      window: { from: 30, to: null },
      steps: [
        {
          id: 'verify-no-intruder',
          text: 'Security confirms no unauthorised session, key or trade remains active',
          owner: 'security',
          verification: true,
        },
        {
          id: 'verify-keys-rotated',
          text: 'Confirm the key-rotation job completed and old keys are rejected',
          owner: 'security',
          verification: true,
        },
        {
          id: 'restore-public-services',
          text: 'Restore the ingress rules and scale the API gateway and web app back up',
          owner: 'on-call-engineer',
        },
        {
          id: 'resume-trading',
          text: 'With security sign-off, delete the emergency_halt key to resume trading',
          owner: 'incident-commander',
          command: RESUME_COMMAND,
          control: { id: 'resume' },
        },
      ],
    },
  ],
};

import type { Playbook } from '../../playbook.ts';
import { API } from './shared.ts';

export const exchangeOutage: Playbook = {
  id: 'hft-exchange-outage',
  title: 'HFT: exchange outage',
  system: 'hft',
  severity: 'SEV2',
  incidentTypes: ['exchange-outage'],
  summary:
    'An exchange link is lost or the exchange itself is down ("Exchange Disconnected" alert, red exchange status, no market data for 30 s or more). One exchange is SEV2; all exchanges disconnected is SEV1. Stop and cancel on the venue first, then split on whether the exchange is down or our connection is at fault.',
  phases: [
    {
      id: 'immediate',
      title: 'Immediate actions',
      window: { from: 0, to: 5 },
      steps: [
        {
          id: 'confirm-exchange-down',
          text: 'Confirm the exchange really is unreachable: run the status script and look at its public status page',
          owner: 'on-call-engineer',
          command: `./scripts/check_exchange_status.sh <EXCHANGE_NAME>\ncurl https://status.<EXCHANGE_NAME>.com`,
        },
        {
          id: 'which-side',
          text: 'Work out whether the fault is on our side or the exchange side by probing its stream and API hosts',
          owner: 'network',
          command: `ping -c 5 stream.<EXCHANGE_NAME>.com\ncurl -I https://api.<EXCHANGE_NAME>.com`,
        },
        {
          id: 'stop-strategies',
          text: 'Stop every strategy that trades on the affected exchange',
          owner: 'on-call-engineer',
          command: './scripts/stop_strategies_by_exchange.sh <EXCHANGE_NAME>',
        },
        {
          id: 'cancel-open-orders',
          text: 'Cancel all open orders on the exchange, if it still accepts requests',
          owner: 'trading-desk',
          command: `curl -X POST ${API}/exchanges/<EXCHANGE_NAME>/cancel_all_orders`,
          control: { id: 'venue-cancel-all', venue: true },
        },
      ],
    },
    {
      id: 'assessment',
      title: 'Assessment',
      window: { from: 5, to: 15 },
      steps: [
        {
          id: 'scope',
          text: 'Establish the scope: one exchange or several (several or all means SEV1)',
          owner: 'incident-commander',
        },
        {
          id: 'official-status',
          text: "Read the exchange's official status page for its own account of the outage",
          owner: 'on-call-engineer',
          command: 'curl https://status.<EXCHANGE_NAME>.com',
        },
        {
          id: 'estimate-downtime',
          text: 'Estimate how long the exchange will be unavailable',
          owner: 'incident-commander',
        },
        {
          id: 'trading-impact',
          text: 'Assess the impact on trading and open exposure',
          owner: 'trading-desk',
        },
        {
          id: 'arb-hedging',
          text: 'Check whether arbitrage or hedging legs depend on this exchange',
          owner: 'risk',
        },
      ],
    },
    {
      id: 'mitigation',
      title: 'Mitigation',
      window: { from: 15, to: 60 },
      steps: [
        {
          id: 'decide-cause',
          text: 'Act on what the checks showed: the exchange is down, or our connection to it is the problem',
          owner: 'incident-commander',
          branches: [
            {
              when: 'Exchange confirmed down',
              steps: [
                {
                  id: 'disable-exchange',
                  text: 'Disable the exchange in the configuration so nothing routes to it',
                  owner: 'on-call-engineer',
                  command: `curl -X PUT ${API}/config \\\n  -d '{"exchanges": {"<EXCHANGE_NAME>": {"enabled": false}}}'`,
                  control: { id: 'venue-disable', venue: true },
                },
                {
                  id: 'redirect-strategies',
                  text: 'Where it applies, move strategies to alternative exchanges (strategy configs are edited by hand)',
                  owner: 'trading-desk',
                  control: { id: 'venue-failover', venue: true },
                },
                {
                  id: 'watch-recovery',
                  text: 'Poll the exchange status every 10 seconds until it comes back',
                  owner: 'on-call-engineer',
                  command: "watch -n 10 './scripts/check_exchange_status.sh <EXCHANGE_NAME>'",
                },
              ],
            },
            {
              when: 'Our connection is the problem',
              steps: [
                {
                  id: 'trace-route',
                  text: 'Trace the network path to the exchange stream host and look for loss or latency',
                  owner: 'network',
                  command: `traceroute stream.<EXCHANGE_NAME>.com\nmtr --report --report-cycles=10 stream.<EXCHANGE_NAME>.com`,
                },
                {
                  id: 'verify-api-key',
                  text: 'Check that our API key for the exchange is still valid',
                  owner: 'on-call-engineer',
                  command: './scripts/verify_api_key.sh <EXCHANGE_NAME>',
                },
                {
                  id: 'reconnect',
                  text: 'Try to re-establish the session with the exchange',
                  owner: 'on-call-engineer',
                  command: `curl -X POST ${API}/exchanges/<EXCHANGE_NAME>/reconnect`,
                  control: { id: 'venue-reconnect', venue: true },
                },
                {
                  id: 'check-firewall',
                  text: 'Look for firewall or security-group rules blocking the exchange address',
                  owner: 'network',
                  command: 'sudo iptables -L -n | grep <EXCHANGE_IP>',
                },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'recovery',
      title: 'Recovery (once the exchange is back)',
      window: null,
      steps: [
        {
          id: 'verify-operational',
          text: 'Confirm the exchange is operating normally again',
          owner: 'on-call-engineer',
          command: './scripts/check_exchange_status.sh <EXCHANGE_NAME>',
          verification: true,
        },
        {
          id: 'recovery-reconnect',
          text: 'Reconnect to the exchange',
          owner: 'on-call-engineer',
          command: `curl -X POST ${API}/exchanges/<EXCHANGE_NAME>/reconnect`,
          control: { id: 'venue-reconnect', venue: true },
        },
        {
          id: 'reconcile-positions',
          text: 'Reconcile our positions against the exchange before trading on it',
          owner: 'trading-desk',
          command: './scripts/reconcile_positions.sh <EXCHANGE_NAME>',
          verification: true,
        },
        {
          id: 'restart-strategies',
          text: 'Start the strategies for this exchange again',
          owner: 'on-call-engineer',
          command: './scripts/start_strategies_by_exchange.sh <EXCHANGE_NAME>',
        },
        {
          id: 'monitor',
          text: 'Watch the exchange connection closely for 30 minutes',
          owner: 'on-call-engineer',
          command: './scripts/monitor_exchange.sh <EXCHANGE_NAME>',
        },
      ],
    },
    {
      id: 'communication',
      title: 'Communication',
      window: { from: 0, to: null },
      steps: [
        {
          id: 'alert-t0',
          text: 'At declaration, alert the on-call engineer and the trading desk',
          owner: 'communications',
        },
        { id: 'status-t15', text: 'By T+15 min, update the status page', owner: 'communications' },
        {
          id: 'email-t30',
          text: 'By T+30 min, email stakeholders if the exchange is still unavailable',
          owner: 'communications',
        },
        {
          id: 'notify-resolution',
          text: 'On resolution, tell every party that was informed',
          owner: 'communications',
        },
      ],
    },
    {
      id: 'post-incident',
      title: 'Post-incident',
      window: null,
      steps: [
        { id: 'record-downtime', text: 'Record how long the exchange was unavailable', owner: 'scribe' },
        {
          id: 'impact-cost',
          text: 'Quantify the trading impact: missed opportunities and losses',
          owner: 'trading-desk',
        },
        {
          id: 'reliability-review',
          text: "Review the exchange's reliability record",
          owner: 'incident-commander',
        },
        {
          id: 'backup-exchanges',
          text: 'Consider adding or strengthening backup exchanges',
          owner: 'incident-commander',
        },
      ],
    },
  ],
};

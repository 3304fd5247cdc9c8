import type { Playbook } from '../../playbook.ts';
import { API } from './shared.ts';

export const tradingAnomaly: Playbook = {
  id: 'hft-trading-anomaly',
  title: 'HFT: trading anomaly',
  system: 'hft',
  severity: 'SEV2',
  incidentTypes: ['risk-alert'],
  summary:
    'A strategy is misbehaving: runaway order rates, positions or P&L moving in ways nobody expects, limits breached, or orders we cannot explain. The seed only names this playbook; it is written from incident practice and the LAV/ADAF risk procedures and EAFIX containment. Strategy malfunction is SEV2; if the kill switch fires it is SEV1. Unknown orders mean the security-breach playbook.',
  phases: [
    {
      id: 'immediate',
      title: 'Immediate actions',
      window: { from: 0, to: 5 },
      steps: [
        {
          id: 'contain',
          text: 'Contain according to what is seen',
          owner: 'incident-commander',
          branches: [
            {
              when: 'One strategy on one exchange misbehaving',
              steps: [
                {
                  id: 'stop-strategy',
                  text: 'Stop the offending strategy (or every strategy on that exchange if it cannot be singled out)',
                  owner: 'trading-desk',
                  command: './scripts/stop_strategies_by_exchange.sh <EXCHANGE_NAME>',
                },
                {
                  id: 'cancel-venue',
                  text: 'Cancel its open orders on the exchange',
                  owner: 'trading-desk',
                  command: `curl -X POST ${API}/exchanges/<EXCHANGE_NAME>/cancel_all_orders`,
                  control: { id: 'venue-cancel-all', venue: true },
                },
              ],
            },
            {
              when: 'Cause unclear or several strategies affected',
              steps: [
                {
                  id: 'halt',
                  text: 'Halt all new orders while the cause is found',
                  owner: 'incident-commander',
                  control: { id: 'halt' },
                },
              ],
            },
            {
              when: 'Losses growing fast or orders we did not send',
              steps: [
                {
                  id: 'killswitch',
                  text: 'Fire the kill switch (SEV1); for orders we did not send, switch to the security-breach playbook',
                  owner: 'incident-commander',
                  command: `curl -X POST ${API}/killswitch \\\n  -d '{"reason": "TRADING ANOMALY"}'`,
                  control: { id: 'kill-switch' },
                },
              ],
            },
          ],
        },
        {
          id: 'tell-desk',
          text: 'Tell the trading desk and risk within 5 minutes',
          owner: 'communications',
        },
      ],
    },
    {
      id: 'assessment',
      title: 'Assessment',
      window: { from: 5, to: 15 },
      steps: [
        {
          id: 'positions',
          text: 'Pull current positions and P&L',
          owner: 'risk',
          command: `curl ${API}/positions | jq`,
        },
        {
          id: 'reconcile',
          text: 'Reconcile positions against the exchanges',
          owner: 'trading-desk',
          command: './scripts/reconcile_positions.sh',
        },
        {
          id: 'exposure',
          text: 'Compare exposure with risk limits and decide whether it must be cut',
          owner: 'risk',
        },
        {
          id: 'order-trail',
          text: "Read the strategy's recent orders in the log",
          owner: 'on-call-engineer',
          command: 'grep "<STRATEGY_ID>" /var/log/hft_system/system.log | tail -200',
        },
        {
          id: 'bad-input',
          text: 'Check for bad market data (stale or outlier prices) feeding the strategy',
          owner: 'on-call-engineer',
        },
        {
          id: 'recent-changes',
          text: 'Check for recent deployments and configuration changes',
          owner: 'on-call-engineer',
          command: 'git -C /opt/hft_system/config diff HEAD',
        },
      ],
    },
    {
      id: 'mitigation',
      title: 'Mitigation',
      window: { from: 15, to: 60 },
      steps: [
        {
          id: 'reduce',
          text: 'If exposure is over limits, reduce positions under risk supervision',
          owner: 'risk',
          control: { id: 'reduce-positions' },
        },
        {
          id: 'fix',
          text: 'Roll back the change or fix the cause; keep the strategy disabled until then',
          owner: 'on-call-engineer',
        },
      ],
    },
    {
      id: 'validation',
      title: 'Validation',
      window: { from: 60, to: 240 },
      steps: [
        {
          id: 'reconciled',
          text: 'Positions reconcile with every exchange',
          owner: 'trading-desk',
          command: './scripts/reconcile_positions.sh',
          verification: true,
        },
        {
          id: 'pnl-explained',
          text: 'The P&L move is explained and matches expectations',
          owner: 'risk',
          command: `curl ${API}/positions | jq '.total_unrealized_pnl_usd'`,
          verification: true,
        },
        {
          id: 'fix-tested',
          text: 'The fixed strategy has been tested away from production before it trades again',
          owner: 'on-call-engineer',
          verification: true,
        },
        {
          id: 'risk-signoff',
          text: 'Risk signs off on resuming',
          owner: 'risk',
          verification: true,
        },
        {
          id: 'resume',
          text: 'Lift the halt or kill switch and restart strategies one at a time, watching each',
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
        { id: 'impact', text: 'Quantify the financial impact', owner: 'risk' },
        { id: 'guards', text: 'Add or tighten pre-trade limits that would have stopped it', owner: 'risk' },
        { id: 'root-cause', text: 'Document the root cause', owner: 'on-call-engineer' },
      ],
    },
  ],
};

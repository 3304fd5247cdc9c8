import type { Playbook } from '../../playbook.ts';
import { API } from './shared.ts';

export const networkFailure: Playbook = {
  id: 'hft-network-failure',
  title: 'HFT: network failure',
  system: 'hft',
  severity: 'SEV2',
  incidentTypes: ['connectivity'],
  summary:
    'Our own network (host, NIC, line or provider) is failing and links to one or more exchanges drop or slow. The seed only names this playbook; it is written from incident practice, the seed\'s "our connection" checks and the LAV/ADAF venue procedures. All exchanges lost is SEV1. Protect open orders, locate the fault, reroute or fail over, reconnect, verify.',
  phases: [
    {
      id: 'immediate',
      title: 'Immediate actions',
      window: { from: 0, to: 5 },
      steps: [
        {
          id: 'scope',
          text: 'Find out how many exchanges are affected (all of them means SEV1)',
          owner: 'network',
          command: './scripts/check_network_latency.sh',
        },
        {
          id: 'protect',
          text: 'Protect open orders according to scope',
          owner: 'incident-commander',
          branches: [
            {
              when: 'Several or all exchanges unreachable',
              steps: [
                {
                  id: 'halt-all',
                  text: 'Halt trading everywhere until connectivity is understood',
                  owner: 'incident-commander',
                  control: { id: 'halt' },
                },
              ],
            },
            {
              when: 'One exchange affected',
              steps: [
                {
                  id: 'stop-venue-strategies',
                  text: 'Stop the strategies on that exchange',
                  owner: 'on-call-engineer',
                  command: './scripts/stop_strategies_by_exchange.sh <EXCHANGE_NAME>',
                },
                {
                  id: 'cancel-venue',
                  text: 'Cancel open orders on that exchange if it is still reachable',
                  owner: 'trading-desk',
                  command: `curl -X POST ${API}/exchanges/<EXCHANGE_NAME>/cancel_all_orders`,
                  control: { id: 'venue-cancel-all', venue: true },
                },
              ],
            },
          ],
        },
        { id: 'tell-desk', text: 'Tell the trading desk within 5 minutes', owner: 'communications' },
      ],
    },
    {
      id: 'diagnosis',
      title: 'Diagnosis',
      window: { from: 5, to: 15 },
      steps: [
        {
          id: 'path',
          text: 'Trace the path to the exchange and see where loss or latency starts',
          owner: 'network',
          command: `traceroute stream.<EXCHANGE_NAME>.com\nmtr --report --report-cycles=10 stream.<EXCHANGE_NAME>.com`,
        },
        {
          id: 'interfaces',
          text: 'Check the host interfaces for errors, drops or a link down',
          owner: 'network',
          command: 'ip -s link\ndmesg | tail -50',
        },
        {
          id: 'dns',
          text: 'Check that exchange hostnames still resolve',
          owner: 'network',
          command: 'dig stream.<EXCHANGE_NAME>.com',
        },
        {
          id: 'firewall',
          text: 'Look for firewall rules blocking exchange addresses',
          owner: 'network',
          command: 'sudo iptables -L -n | grep <EXCHANGE_IP>',
        },
      ],
    },
    {
      id: 'mitigation',
      title: 'Mitigation',
      window: { from: 15, to: 60 },
      steps: [
        {
          id: 'fix-by-location',
          text: 'Act on where the fault is',
          owner: 'network',
          branches: [
            {
              when: 'Fault on our host or NIC',
              steps: [
                {
                  id: 'standby',
                  text: 'Fail over to the standby host and keep the faulty one out of trading',
                  owner: 'incident-commander',
                },
              ],
            },
            {
              when: 'Fault in the line or provider',
              steps: [
                {
                  id: 'provider',
                  text: 'Open a case with the provider or colocation and move traffic to the backup line if there is one',
                  owner: 'network',
                },
              ],
            },
            {
              when: 'Only the path to one exchange is broken',
              steps: [
                {
                  id: 'disable-venue',
                  text: 'Disable that exchange until the path is repaired',
                  owner: 'on-call-engineer',
                  command: `curl -X PUT ${API}/config \\\n  -d '{"exchanges": {"<EXCHANGE_NAME>": {"enabled": false}}}'`,
                  control: { id: 'venue-disable', venue: true },
                },
              ],
            },
            {
              when: 'Network is fine and the exchange itself is down',
              steps: [
                {
                  id: 'switch-playbook',
                  text: 'Switch to the exchange-outage playbook',
                  owner: 'incident-commander',
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
      window: { from: 60, to: 240 },
      steps: [
        {
          id: 'reconnect',
          text: 'Reconnect to each affected exchange',
          owner: 'on-call-engineer',
          command: `curl -X POST ${API}/exchanges/<EXCHANGE_NAME>/reconnect`,
          control: { id: 'venue-reconnect', venue: true },
        },
        {
          id: 'latency-ok',
          text: 'Confirm network latency is back to normal and trading latency is under threshold (P99 below 1 ms)',
          owner: 'network',
          command: './scripts/check_network_latency.sh\n./scripts/latency_report.sh',
          verification: true,
        },
        {
          id: 'market-data',
          text: 'Confirm market data flows from every exchange with no gap over 30 seconds',
          owner: 'on-call-engineer',
          command: './scripts/check_exchange_status.sh <EXCHANGE_NAME>',
          verification: true,
        },
        {
          id: 'reconcile',
          text: 'Reconcile positions for orders that were in flight during the failure',
          owner: 'trading-desk',
          command: './scripts/reconcile_positions.sh <EXCHANGE_NAME>',
          verification: true,
        },
        {
          id: 'resume',
          text: 'Lift the halt, if one was set, and restart the strategies',
          owner: 'incident-commander',
          command: './scripts/start_strategies_by_exchange.sh <EXCHANGE_NAME>',
          control: { id: 'resume' },
        },
        {
          id: 'monitor',
          text: 'Watch the restored links for 30 minutes',
          owner: 'network',
          command: './scripts/monitor_exchange.sh <EXCHANGE_NAME>',
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
          text: 'Document the root cause with the provider if they were involved',
          owner: 'network',
        },
        {
          id: 'redundancy',
          text: 'Review network redundancy: backup lines, standby host, diverse paths',
          owner: 'network',
        },
      ],
    },
  ],
};

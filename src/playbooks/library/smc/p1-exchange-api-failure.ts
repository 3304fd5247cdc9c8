import type { Playbook } from '../../playbook.ts';

export const p1ExchangeApiFailure: Playbook = {
  id: 'smc-p1-exchange-api-failure',
  title: 'SMC P1: exchange API failure and failover',
  system: 'smc',
  severity: 'P1',
  incidentTypes: ['exchange-outage', 'connectivity'],
  summary:
    "An exchange API is failing. Time the exchanges' ping endpoints; if the exchange is down, fail its flow over to the backup exchange (the seed's pair is Binance → Bybit) and check trades keep landing there. The reconnect branch for a fault on our side is added from standard practice.",
  phases: [
    {
      id: 'failover',
      title: 'Check and fail over',
      window: { from: 0, to: 2 },
      steps: [
        {
          id: 'check-exchanges',
          text: 'Time each exchange ping and note the HTTP status',
          owner: 'on-call-engineer',
          command:
            'curl -w "Time: %{time_total}s, Status: %{http_code}\\n" https://api.binance.com/api/v3/ping\ncurl -w "Time: %{time_total}s, Status: %{http_code}\\n" https://api.bybit.com/v2/public/time',
        },
        {
          id: 'decide',
          text: 'Decide where the fault lies',
          owner: 'incident-commander',
          branches: [
            {
              when: 'The exchange itself is down or erroring',
              steps: [
                {
                  id: 'activate-failover',
                  text: 'Fail the venue over to its backup exchange',
                  owner: 'on-call-engineer',
                  command: `kubectl exec -it deployment/trading-engine -n smc-trading -- python -c "
from data_pipeline.exchange_connectors.failover_manager import FailoverManager
fm = FailoverManager()
fm.activate_failover('<EXCHANGE_NAME>', '<BACKUP_EXCHANGE>')
print('Failover activated: <EXCHANGE_NAME> -> <BACKUP_EXCHANGE>')
"`,
                  control: { id: 'venue-failover', venue: true },
                },
              ],
            },
            {
              when: 'The exchange answers; our connection is at fault',
              steps: [
                {
                  id: 'reconnect-venue',
                  text: 'Reconnect our session to the venue (added: not in the seed)',
                  owner: 'on-call-engineer',
                  control: { id: 'venue-reconnect', venue: true },
                },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'monitor',
      title: 'Monitor the failover',
      window: { from: 2, to: 5 },
      steps: [
        {
          id: 'failover-logs',
          text: 'Follow the trading engine log for failover messages',
          owner: 'on-call-engineer',
          command: 'kubectl logs -f deployment/trading-engine -n smc-trading | grep -i failover',
        },
        {
          id: 'verify-trades-flowing',
          text: 'Confirm trades in the last five minutes are landing on the backup exchange',
          owner: 'trading-desk',
          command: `kubectl exec -it postgres-primary -n smc-trading -- psql -U postgres -d smc_trading -c "
SELECT exchange, COUNT(*) as trade_count FROM trades
WHERE timestamp > NOW() - INTERVAL '5 minutes' GROUP BY exchange;"`,
          verification: true,
        },
      ],
    },
  ],
};

// The SMC Trading Agent (seed 002): a Kubernetes deployment whose API answers /health and
// /v1/status, trading Binance and Bybit, halted in an emergency by a Redis key that its trading
// engine watches (see redis-watch.ts). The exchanges' ping endpoints are stood up beside it.
import { metricsRoute } from '../kit/metrics-route.ts';
import { ok } from '../kit/reply.ts';
import type { PersonalityDef } from '../kit/types.ts';
import { EXCHANGE_ERRORS, binanceRoutes, bybitRoutes } from './exchanges.ts';
import { smcAlerts, smcHealth, smcMetrics, smcPositions, smcStatus } from './read-mapping.ts';
import { smcPrometheus } from './metrics.ts';
import { watchHaltKey } from './redis-watch.ts';

export const smc: PersonalityDef = {
  name: 'smc',
  title: 'SMC Trading Agent',
  services: [
    { name: 'api', nativePort: 443, seedHost: 'api.smc-trading.com' },
    { name: 'binance', nativePort: 443, seedHost: 'api.binance.com', outsideTheSystem: true },
    { name: 'bybit', nativePort: 443, seedHost: 'api.bybit.com', outsideTheSystem: true },
  ],
  shape: {
    venues: [
      { id: 'binance', name: 'Binance' },
      { id: 'bybit', name: 'Bybit' },
    ],
    services: [
      {
        id: 'trading-engine',
        name: 'Trading engine',
        follows: ['matching-engine', 'risk-manager', 'position-keeper'],
      },
      { id: 'execution-engine', name: 'Execution engine', follows: ['order-gateway', 'order-router'] },
      { id: 'data-pipeline', name: 'Data pipeline', follows: ['market-data-handler'] },
      { id: 'api-gateway', name: 'API gateway', follows: ['database'] },
      { id: 'postgres', name: 'PostgreSQL', follows: ['database'] },
    ],
  },
  metricsService: 'api',
  errorBody: (status, message, service) => EXCHANGE_ERRORS[service]?.(status, message) ?? { detail: message },
  create(sim, options) {
    const watch = watchHaltKey(sim, options.redisUrl);
    return {
      routes: {
        api: [
          {
            method: 'GET',
            path: '/health',
            source: 'seed',
            handle: () => ok(smcHealth(sim.snapshot(), watch.status())),
          },
          {
            method: 'GET',
            path: '/v1/status',
            source: 'seed',
            handle: () => ok(smcStatus(sim.snapshot(), watch.status())),
          },
          {
            method: 'GET',
            path: '/v1/metrics',
            source: 'assumed',
            handle: () => ok(smcMetrics(sim.snapshot())),
          },
          {
            method: 'GET',
            path: '/v1/positions',
            source: 'assumed',
            handle: () => ok(smcPositions(sim.details())),
          },
          {
            method: 'GET',
            path: '/v1/alerts',
            source: 'assumed',
            handle: () => ok(smcAlerts(sim.snapshot())),
          },
          metricsRoute(() => smcPrometheus(sim.snapshot(), sim.totals(), watch.status())),
        ],
        binance: binanceRoutes(sim),
        bybit: bybitRoutes(sim),
      },
      stop: () => watch.stop(),
    };
  },
};

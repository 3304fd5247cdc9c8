// The HFT system (seed 004): one C++ process with an admin REST API on :8080, trading four
// crypto exchanges. Its latencies are a network round trip, not an in-process match: p99 about
// 0.4 ms in normal trading, its alerts at 1 ms ("High Latency") and 10 ms (a severity-2 incident).
import { metricsRoute } from '../kit/metrics-route.ts';
import type { PersonalityDef } from '../kit/types.ts';
import { hftPrometheus } from './metrics.ts';
import { hftRoutes } from './routes.ts';

const LATENCY = { baseP99Us: 400, plateauUs: 15_000, warningUs: 1_000, criticalUs: 10_000 };

export const hft: PersonalityDef = {
  name: 'hft',
  title: 'HFT system',
  services: [{ name: 'api', nativePort: 8080 }],
  shape: {
    latency: LATENCY,
    services: [
      { id: 'order_gateway', name: 'Order gateway', follows: ['order-gateway'] },
      { id: 'order_router', name: 'Smart order router', follows: ['order-router'] },
      { id: 'strategy_engine', name: 'Strategy engine', follows: ['matching-engine'] },
      { id: 'market_data', name: 'Market data handler', follows: ['market-data-handler'] },
      { id: 'risk_manager', name: 'Risk manager', follows: ['risk-manager'] },
      { id: 'position_keeper', name: 'Position keeper', follows: ['position-keeper'] },
      { id: 'timescaledb', name: 'TimescaleDB', follows: ['database'] },
    ],
  },
  metricsService: 'api',
  errorBody: (status, message) => ({ error: message, code: status }),
  create: (sim) => ({
    routes: {
      api: [...hftRoutes(sim, LATENCY), metricsRoute(() => hftPrometheus(sim.snapshot(), sim.totals()))],
    },
  }),
};

// RTES, the Real-Time Trading Exchange Simulator (seed 000): a C++ matching engine whose
// monitoring endpoint on :8080 serves /health and Prometheus /metrics; the engine itself listens
// on :8888 (the seed only checks that it does). Its halts and restarts are shell scripts and
// systemctl on the host: it offers no remote control, so none is served. Latencies in µs, as the
// canonical model has them (alerts at p99 50 µs and 100 µs).
import { metricsRoute } from '../kit/metrics-route.ts';
import { ok } from '../kit/reply.ts';
import type { PersonalityDef } from '../kit/types.ts';
import { rtesHealth, rtesMetrics } from './read-mapping.ts';

export const rtes: PersonalityDef = {
  name: 'rtes',
  title: 'RTES',
  services: [
    { name: 'api', nativePort: 8080 },
    { name: 'engine', nativePort: 8888 },
  ],
  shape: {
    services: [
      { id: 'matching_engine', name: 'Matching engine', follows: ['matching-engine'] },
      { id: 'order_gateway', name: 'Order gateway', follows: ['order-gateway'] },
      { id: 'risk_manager', name: 'Risk manager', follows: ['risk-manager'] },
      { id: 'persistence', name: 'Persistence', follows: ['database'] },
    ],
  },
  metricsService: 'api',
  errorBody: (_status, message) => ({ error: message }),
  create(sim) {
    const startedAt = Date.parse(sim.snapshot().asOf);
    return {
      routes: {
        api: [
          {
            method: 'GET',
            path: '/health',
            source: 'seed',
            handle: () => ok(rtesHealth(sim.snapshot(), startedAt)),
          },
          metricsRoute(() => rtesMetrics(sim.snapshot(), sim.totals()), 'seed'),
        ],
        // The order-entry port speaks the engine's own protocol, which the seed does not show:
        // it listens (and stops when the engine crashes), and answers HTTP with 404s.
        engine: [],
      },
    };
  },
};

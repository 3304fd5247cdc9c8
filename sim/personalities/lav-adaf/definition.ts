// LAV/ADAF (seed 003): three Node daemons in Docker Compose — the Market Sentinel (regimes, the
// database pool), the Risk Warden (limits, VaR, emergency reduction) and the Executioner (venues,
// routing, the emergency halt behind EMERGENCY_TOKEN) — with a gateway and PostgreSQL behind.
// It has a conservative routing mode and a manual market regime, so its model offers both.
import { metricsRoute } from '../kit/metrics-route.ts';
import type { PersonalityDef } from '../kit/types.ts';
import { ConsumerLag } from './consumer-lag.ts';
import { lavPrometheus } from './metrics.ts';
import { executionerRoutes, sentinelRoutes, wardenRoutes } from './routes.ts';
import type { LavContext } from './routes.ts';

export const lavAdaf: PersonalityDef = {
  name: 'lav-adaf',
  title: 'LAV/ADAF',
  services: [
    { name: 'sentinel', nativePort: 3001 },
    { name: 'warden', nativePort: 3002 },
    { name: 'executioner', nativePort: 3003 },
  ],
  shape: {
    extraControls: ['routing-conservative', 'regime-manual'],
    services: [
      { id: 'market-sentinel', name: 'Market Sentinel', follows: ['market-data-handler'] },
      { id: 'risk-warden', name: 'Risk Warden', follows: ['risk-manager', 'position-keeper'] },
      {
        id: 'executioner',
        name: 'Executioner',
        follows: ['order-gateway', 'order-router', 'matching-engine'],
      },
      { id: 'gateway', name: 'Gateway', follows: ['database'] },
      { id: 'postgres', name: 'PostgreSQL', follows: ['database'] },
    ],
  },
  metricsService: 'executioner',
  errorBody: (_status, message) => ({ success: false, error: message }),
  create(sim, options) {
    // The Sentinel publishes a regime on every health check it passes; a Sentinel that is down
    // publishes nothing, and the regime's age shows it.
    let updatedAt = sim.now();
    let sentinelDown = false;
    const lag = new ConsumerLag(updatedAt);
    const unsubscribe = sim.subscribe((e) => {
      if (e.type === 'service.changed' && e.service.id === 'market-sentinel') {
        sentinelDown = e.service.health === 'DOWN';
        lag.healthChanged(e.service.health, Date.parse(e.at));
      }
      if (e.type === 'services.checked' && !sentinelDown) updatedAt = Date.parse(e.checkedAt);
    });
    const ctx: LavContext = {
      sim,
      emergencyToken: options.env.EMERGENCY_TOKEN,
      regimeUpdatedAt: () => updatedAt,
    };
    return {
      routes: {
        sentinel: sentinelRoutes(ctx),
        warden: wardenRoutes(ctx),
        executioner: [
          ...executionerRoutes(ctx),
          metricsRoute(() => {
            const s = sim.snapshot();
            const sentinel = { consumerLag: lag.at(Date.parse(s.asOf)), regimeUpdatedAt: updatedAt };
            return lavPrometheus(s, sim.totals(), sentinel);
          }),
        ],
      },
      stop: async () => unsubscribe(),
    };
  },
};

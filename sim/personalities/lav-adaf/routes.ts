// LAV/ADAF's three daemons, each on its own port: the Market Sentinel (:3001), the Risk Warden
// (:3002) and the Executioner (:3003). Thin routing to the model and back through the mappings.
import type { Simulator } from '../../model/simulator.ts';
import { runControl } from '../kit/control.ts';
import { isoZ } from '../kit/formats.ts';
import { enumParam, intParam } from '../kit/query.ts';
import { ok } from '../kit/reply.ts';
import type { Route } from '../kit/types.ts';
import { checkEmergencyToken } from './emergency-token.ts';
import * as executioner from './executioner-mapping.ts';
import * as sentinel from './sentinel-mapping.ts';
import * as warden from './warden-mapping.ts';
import { disableRequest, reduceRequest, regimeRequest, routingRequest } from './requests.ts';

export interface LavContext {
  sim: Simulator;
  emergencyToken: string | undefined;
  /** When the Sentinel last published a regime (it publishes on every check while it is up). */
  regimeUpdatedAt(): number;
}

/** The seed shows the Sentinel's /health; the other two daemons have one in the same shape. */
const health = (ctx: LavContext, id: string, source: Route['source']): Route => ({
  method: 'GET',
  path: '/health',
  source,
  handle: () => ok(sentinel.lavHealth(ctx.sim.snapshot(), id)),
});

export function sentinelRoutes(ctx: LavContext): Route[] {
  const { sim } = ctx;
  return [
    health(ctx, 'market-sentinel', 'seed'),
    {
      method: 'GET',
      path: '/api/regime',
      source: 'assumed',
      handle: () => ok(sentinel.lavRegime(sim.details(), ctx.regimeUpdatedAt())),
    },
    {
      method: 'POST',
      path: '/api/regime/manual',
      source: 'seed',
      body: 'required',
      handle: (req) => {
        const { regime, durationS } = regimeRequest(req.body);
        runControl(sim, {
          controlId: 'regime-manual',
          params: { regime, durationS },
          reason: `manual regime ${regime}`,
          by: 'lav-adaf:sentinel',
        });
        return ok(sentinel.lavRegime(sim.details(), ctx.regimeUpdatedAt()));
      },
    },
    {
      method: 'GET',
      path: '/api/db/pool-status',
      source: 'seed',
      handle: () => ok(sentinel.lavPoolStatus(sim.details())),
    },
  ];
}

export function wardenRoutes(ctx: LavContext): Route[] {
  const { sim } = ctx;
  return [
    health(ctx, 'risk-warden', 'assumed'),
    {
      method: 'GET',
      path: '/api/violations',
      source: 'seed',
      handle: (req) => ok(warden.lavViolations(sim.history(), intParam(req.query, 'limit', 50, 1, 1000))),
    },
    {
      method: 'GET',
      path: '/api/risk/attribution',
      source: 'seed',
      handle: () => ok(warden.lavAttribution(sim.details())),
    },
    {
      method: 'GET',
      path: '/api/positions/risk-ranked',
      source: 'seed',
      handle: () => ok(warden.lavRiskRanked(sim.details())),
    },
    {
      method: 'GET',
      path: '/api/alerts',
      source: 'assumed',
      handle: () => ok(warden.lavAlerts(sim.snapshot())),
    },
    {
      method: 'POST',
      path: '/api/emergency/reduce',
      source: 'seed',
      body: 'optional',
      handle: (req) => {
        const { reductionPct, timeframeS } = reduceRequest(req.body);
        const receipt = runControl(sim, {
          controlId: 'reduce-positions',
          params: { reductionPct, timeframeS },
          reason: `emergency reduce ${reductionPct * 100} % over ${timeframeS} s`,
          by: 'lav-adaf:warden',
        });
        return ok(
          {
            status: 'REDUCING',
            reduction_pct: reductionPct,
            timeframe: timeframeS,
            started_at: receipt.receivedAt,
          },
          202,
        );
      },
    },
  ];
}

export function executionerRoutes(ctx: LavContext): Route[] {
  const { sim } = ctx;
  return [
    health(ctx, 'executioner', 'assumed'),
    {
      method: 'POST',
      path: '/api/emergency/halt-all',
      source: 'seed',
      handle: (req) => {
        checkEmergencyToken(ctx.emergencyToken, req.headers);
        const already = sim.snapshot().tradingState.state === 'HALTED';
        const receipt = runControl(sim, {
          controlId: 'halt',
          reason: 'emergency halt-all',
          by: 'lav-adaf:executioner',
        });
        return ok({ status: 'HALTED', already_halted: already, halted_at: receipt.receivedAt });
      },
    },
    {
      method: 'GET',
      path: '/api/trading/status',
      source: 'assumed',
      handle: () => ok(executioner.lavTradingStatus(sim.snapshot())),
    },
    {
      method: 'GET',
      path: '/api/metrics',
      source: 'assumed',
      handle: (req) => ok(executioner.lavMetrics(sim.snapshot(), intParam(req.query, 'history', 0, 0, 300))),
    },
    {
      method: 'GET',
      path: '/api/venues/health',
      source: 'seed',
      handle: () => ok(executioner.lavVenuesHealth(sim.snapshot(), sim.details())),
    },
    {
      method: 'POST',
      path: '/api/venues/disable',
      source: 'seed',
      body: 'required',
      handle: (req) => {
        const { venues, durationS } = disableRequest(req.body, sim.venueIds);
        for (const venueId of venues)
          runControl(sim, {
            controlId: 'venue-disable',
            venueId,
            params: { durationS },
            reason: `venue disabled for ${durationS} s`,
            by: 'lav-adaf:executioner',
          });
        const until = sim.details().disabledUntil;
        return ok({ disabled: venues.map((v) => ({ venue_id: v, until: isoZ(until[v] ?? sim.now()) })) });
      },
    },
    {
      method: 'POST',
      path: '/api/routing/mode',
      source: 'seed',
      body: 'required',
      handle: (req) => {
        const { timeoutS } = routingRequest(req.body);
        runControl(sim, {
          controlId: 'routing-conservative',
          params: { timeoutS },
          reason: `conservative routing for ${timeoutS} s`,
          by: 'lav-adaf:executioner',
        });
        const { routing } = sim.details();
        return ok({ mode: routing.mode, expires_at: routing.until === null ? null : isoZ(routing.until) });
      },
    },
    {
      method: 'GET',
      path: '/api/orders',
      source: 'seed',
      handle: (req) => {
        enumParam(req.query, 'status', ['failed']);
        return ok(executioner.lavFailedOrders(sim.history(), intParam(req.query, 'limit', 50, 1, 1000)));
      },
    },
    {
      method: 'GET',
      path: '/api/routing/diagnostics',
      source: 'seed',
      handle: () => ok(executioner.lavRoutingDiagnostics(sim.snapshot(), sim.details())),
    },
  ];
}

// The HFT system's admin API on one port: thin routing from native requests to the model and
// back through the pure mappings.
import type { Simulator } from '../../model/simulator.ts';
import { runControl } from '../kit/control.ts';
import { epochMs, epochUs } from '../kit/formats.ts';
import { NativeProblem } from '../kit/problem.ts';
import { intParam } from '../kit/query.ts';
import { ok } from '../kit/reply.ts';
import type { Route } from '../kit/types.ts';
import { CONFIG_DISABLE_S, configChanges, killswitchReason, knownExchange } from './control-requests.ts';
import {
  HFT_EXCHANGE_STATUS,
  hftAlerts,
  hftConfig,
  hftExchanges,
  hftHealth,
  hftMetrics,
  hftPositions,
  hftStatus,
} from './read-mapping.ts';

export function hftRoutes(sim: Simulator, levels: { warningUs: number; criticalUs: number }): Route[] {
  const venue = (id: string) => sim.snapshot().venues.find((v) => v.id === id);
  const nowUs = () => epochUs(epochMs(sim.snapshot().asOf));

  return [
    { method: 'GET', path: '/api/v1/status', source: 'assumed', handle: () => ok(hftStatus(sim.snapshot())) },
    { method: 'GET', path: '/api/v1/health', source: 'assumed', handle: () => ok(hftHealth(sim.snapshot())) },
    {
      method: 'GET',
      path: '/api/v1/exchanges',
      source: 'assumed',
      handle: () => ok(hftExchanges(sim.snapshot())),
    },
    {
      method: 'GET',
      path: '/api/v1/metrics',
      source: 'assumed',
      handle: (req) => ok(hftMetrics(sim.snapshot(), intParam(req.query, 'history', 60, 0, 300))),
    },
    {
      method: 'GET',
      path: '/api/v1/positions',
      source: 'seed',
      handle: () => ok(hftPositions(sim.details())),
    },
    {
      method: 'GET',
      path: '/api/v1/alerts',
      source: 'assumed',
      handle: () => ok(hftAlerts(sim.snapshot(), levels)),
    },
    {
      method: 'GET',
      path: '/api/v1/config',
      source: 'assumed',
      handle: () => ok(hftConfig(sim.snapshot(), sim.details())),
    },
    {
      method: 'POST',
      path: '/api/v1/killswitch',
      source: 'seed',
      body: 'optional',
      handle: (req) => {
        const reason = killswitchReason(req.body);
        const before = sim.snapshot();
        const already = before.tradingState.state === 'KILLED';
        runControl(sim, { controlId: 'kill-switch', reason, by: 'hft:killswitch' });
        const after = sim.snapshot().tradingState;
        return ok({
          killswitch: 'engaged',
          already_engaged: already,
          reason: after.reason,
          engaged_at_us: epochUs(epochMs(after.changedAt)),
          orders_cancelled: already ? 0 : before.openOrders,
        });
      },
    },
    {
      method: 'POST',
      path: '/api/v1/exchanges/:name/cancel_all_orders',
      source: 'seed',
      handle: (req) => {
        const name = knownExchange(req.params.name ?? '', sim.venueIds);
        const open = venue(name)?.openOrders ?? 0;
        runControl(sim, {
          controlId: 'venue-cancel-all',
          venueId: name,
          reason: 'cancel_all_orders via API',
          by: 'hft:cancel_all_orders',
        });
        return ok({
          exchange: name,
          cancelled_orders: open,
          open_orders: venue(name)?.openOrders ?? 0,
          timestamp_us: nowUs(),
        });
      },
    },
    {
      method: 'POST',
      path: '/api/v1/exchanges/:name/reconnect',
      source: 'seed',
      handle: (req) => {
        const name = knownExchange(req.params.name ?? '', sim.venueIds);
        const was = venue(name)?.connection;
        runControl(sim, {
          controlId: 'venue-reconnect',
          venueId: name,
          reason: 'reconnect via API',
          by: 'hft:reconnect',
        });
        const now = venue(name)?.connection ?? 'DISCONNECTED';
        const result =
          was === 'CONNECTED'
            ? 'already_connected'
            : now === 'CONNECTED'
              ? 'reconnected'
              : 'exchange_unreachable';
        return ok({ exchange: name, result, status: HFT_EXCHANGE_STATUS[now], timestamp_us: nowUs() });
      },
    },
    {
      method: 'PUT',
      path: '/api/v1/config',
      source: 'seed',
      body: 'required',
      handle: (req) => {
        const changes = configChanges(req.body, sim.venueIds);
        // Re-enabling is not a control the model has: refuse it before anything runs.
        const enabling = changes.filter((c) => c.enabled && venue(c.exchange)?.enabled === false);
        if (enabling.length > 0)
          throw new NativeProblem(
            409,
            `re-enabling ${enabling.map((c) => c.exchange).join(', ')} from the config is not supported by this simulator; a disable made here lasts ${CONFIG_DISABLE_S} simulated seconds`,
          );
        for (const change of changes.filter((c) => !c.enabled))
          runControl(sim, {
            controlId: 'venue-disable',
            venueId: change.exchange,
            params: { durationS: CONFIG_DISABLE_S },
            reason: `config: exchanges.${change.exchange}.enabled=false`,
            by: 'hft:config',
          });
        const applied = Object.fromEntries(changes.map((c) => [c.exchange, { enabled: c.enabled }]));
        return ok({ applied: { exchanges: applied }, config: hftConfig(sim.snapshot(), sim.details()) });
      },
    },
    // Memory-pressure mitigations from the seed: the model has no caches or order archive to
    // act on, so these acknowledge and change nothing.
    {
      method: 'POST',
      path: '/api/v1/system/clear_caches',
      source: 'seed',
      handle: () => ok({ status: 'ok', timestamp_us: nowUs() }),
    },
    {
      method: 'POST',
      path: '/api/v1/orders/archive',
      source: 'seed',
      handle: () => ok({ status: 'ok', timestamp_us: nowUs() }),
    },
  ];
}

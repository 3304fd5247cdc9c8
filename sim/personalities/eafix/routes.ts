// EAFIX's six services and its Prometheus, each on its own port: thin routing from native
// requests to the model and back through the pure mappings.
import type { Simulator } from '../../model/simulator.ts';
import { INSTRUMENTS } from '../../model/positions.ts';
import { runControl } from '../kit/control.ts';
import { pythonIso } from '../kit/formats.ts';
import { badRequest } from '../kit/problem.ts';
import { intParam, sinceParam } from '../kit/query.ts';
import { ok, textReply } from '../kit/reply.ts';
import type { NativeRequest, Route } from '../kit/types.ts';
import { executionsFrom, signalsFrom } from './history.ts';
import type { Signal } from './history.ts';
import { instantQuery, promTime, rangeQuery, selectJobs, upHistory } from './prometheus-api.ts';
import type { UpTarget } from './prometheus-api.ts';
import * as map from './read-mapping.ts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** `{"symbol"?, "price"?}`: a tick for the data ingestor to feed through the pipeline. */
function tickRequest(body: unknown, mark: (symbol: string) => number): { symbol: string; price: number } {
  const b = body === undefined ? {} : body;
  if (!isObject(b)) throw badRequest('the body must be an object');
  const extra = Object.keys(b).filter((k) => k !== 'symbol' && k !== 'price');
  if (extra.length > 0) throw badRequest(`unknown fields: ${extra.join(', ')} (takes symbol, price)`);
  const symbols = INSTRUMENTS.map((i) => i.symbol);
  const symbol = b.symbol ?? symbols[0];
  if (typeof symbol !== 'string' || !symbols.includes(symbol))
    throw badRequest(`symbol must be one of ${symbols.join(', ')}`);
  const price = b.price ?? Math.round(mark(symbol) * 1.001 * 100) / 100;
  if (typeof price !== 'number' || !(price > 0)) throw badRequest('price must be a number above 0');
  return { symbol, price };
}

export function eafixRoutes(sim: Simulator, targets: readonly UpTarget[]): Record<string, Route[]> {
  const testSignals: Signal[] = [];
  const snapshot = () => sim.snapshot();
  const service = (id: string) => snapshot().services.find((s) => s.id === id);
  const healthz = (id: string): Route => ({
    method: 'GET',
    path: '/healthz',
    source: 'seed',
    handle: () => {
      const found = service(id);
      return found ? ok(map.eafixHealthz(found)) : ok({ status: 'unknown', service: id });
    },
  });
  const list = <T>(req: NativeRequest, items: T[], at: (item: T) => number) => {
    const since = sinceParam(req.query, Date.parse(snapshot().asOf));
    const limit = intParam(req.query, 'limit', 100, 1, 1000);
    return items.filter((item) => since === null || at(item) >= since).slice(0, limit);
  };
  const mark = (symbol: string) => sim.details().holdings.find((h) => h.symbol === symbol)?.markPrice ?? 1;

  return {
    'gui-gateway': [
      healthz('gui-gateway'),
      { method: 'GET', path: '/health', source: 'seed', handle: () => ok(map.eafixHealth(snapshot())) },
      {
        method: 'POST',
        path: '/emergency/stop-trading',
        source: 'seed',
        handle: () => {
          const already = snapshot().tradingState.state === 'HALTED';
          runControl(sim, {
            controlId: 'halt',
            reason: 'POST /emergency/stop-trading',
            by: 'eafix:stop-trading',
          });
          return ok({
            status: 'trading_stopped',
            already_stopped: already,
            trading: map.eafixTradingStatus(snapshot()),
          });
        },
      },
      {
        method: 'GET',
        path: '/api/trading/status',
        source: 'assumed',
        handle: () => ok(map.eafixTradingStatus(snapshot())),
      },
      {
        method: 'GET',
        path: '/api/positions',
        source: 'seed',
        handle: () => ok(map.eafixPositions(sim.details())),
      },
      {
        method: 'GET',
        path: '/api/reconcile/positions',
        source: 'seed',
        handle: () => ok(map.eafixReconcile(sim.details())),
      },
      {
        method: 'GET',
        path: '/api/alerts',
        source: 'assumed',
        handle: () => ok(map.eafixAlerts(snapshot())),
      },
    ],
    'data-ingestor': [
      healthz('data-ingestor'),
      {
        method: 'POST',
        path: '/test/simulate-tick',
        source: 'seed',
        body: 'optional',
        handle: (req) => {
          const tick = tickRequest(req.body, mark);
          const at = Date.parse(snapshot().asOf);
          const current = mark(tick.symbol);
          // The tick goes through indicators to the signal generator at once.
          testSignals.unshift({
            id: `sig-test-${testSignals.length + 1}`,
            symbol: tick.symbol,
            direction: tick.price >= current ? 'BUY' : 'SELL',
            strength: Math.min(1, Math.round((Math.abs(tick.price - current) / current) * 5e4) / 100),
            price: tick.price,
            at,
            source: 'test',
          });
          return ok({ status: 'accepted', tick: { ...tick, received_at: pythonIso(at) } }, 202);
        },
      },
    ],
    'indicator-engine': [healthz('indicator-engine')],
    'signal-generator': [
      healthz('signal-generator'),
      {
        method: 'GET',
        path: '/api/signals',
        source: 'seed',
        handle: (req) => {
          const all = [...testSignals, ...signalsFrom(sim.history())].sort((a, b) => b.at - a.at);
          return ok(list(req, all, (s) => s.at).map(map.eafixSignal));
        },
      },
    ],
    'risk-manager': [healthz('risk-manager')],
    'execution-engine': [
      healthz('execution-engine'),
      {
        method: 'GET',
        path: '/api/executions',
        source: 'seed',
        handle: (req) => {
          const since = sinceParam(req.query, Date.parse(snapshot().asOf));
          const limit = intParam(req.query, 'limit', 100, 1, 1000);
          return ok(executionsFrom(sim.history(), since, limit).map(map.eafixExecution));
        },
      },
      {
        method: 'GET',
        path: '/api/venues',
        source: 'assumed',
        handle: () => ok(map.eafixVenues(snapshot())),
      },
      {
        method: 'GET',
        path: '/api/metrics',
        source: 'assumed',
        handle: (req) => ok(map.eafixMetrics(snapshot(), intParam(req.query, 'history', 0, 0, 300))),
      },
    ],
    prometheus: [
      // Prometheus's own liveness check, for a connector that watches the watcher.
      {
        method: 'GET',
        path: '/-/healthy',
        source: 'assumed',
        handle: () => textReply('Prometheus Server is Healthy.\n', 'text/plain; charset=utf-8'),
      },
      {
        method: 'GET',
        path: '/api/v1/query',
        source: 'assumed',
        handle: (req) => {
          const jobs = selectJobs(req.query.get('query'), targets);
          const t = promTime(req.query.get('time'), 'time', Date.parse(snapshot().asOf));
          return ok(instantQuery(jobs, upHistory(sim.history()), t));
        },
      },
      {
        method: 'GET',
        path: '/api/v1/query_range',
        source: 'seed',
        handle: (req) => {
          const jobs = selectJobs(req.query.get('query'), targets);
          return ok(rangeQuery(jobs, upHistory(sim.history()), req.query));
        },
      },
    ],
  };
}

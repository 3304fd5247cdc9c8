import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import type { SystemInfo, SystemSummary } from '../../contract/schemas.ts';
import type { Simulator } from '../../sim/model/simulator.ts';
import type { OperatorSpec } from '../../sim/api/operators.ts';
import type { RuntimeConfig } from '../config/runtime-config.ts';
import { simHandlers } from '../../sim/msw/handlers.ts';
import { systemApiBase } from '../systems/resolve-systems.ts';
import { server } from './msw-server.ts';
import { renderLive } from './render-live.tsx';
import type { makeSim } from './render-live.tsx';
import { installSimStreams } from './sim-stream.ts';

/**
 * What a profile says about a system beyond what the simulator knows (sections it does not
 * offer, controls it cannot confirm or offers only by hand), laid over the simulator's own
 * system info wherever it serves a snapshot — the status answer and the stream's reset alike.
 */
export function profiled(sim: Simulator, info: Partial<SystemInfo>): Simulator {
  const snapshot = sim.snapshot.bind(sim);
  sim.snapshot = () => {
    const s = snapshot();
    return { ...s, system: { ...s.system, ...info } };
  };
  return sim;
}

/** A system as the war-room server lists it, read from its simulator. */
export function summaryOf(id: string, sim: Simulator, over: Partial<SystemSummary> = {}): SystemSummary {
  const snapshot = sim.snapshot();
  return {
    id,
    name: snapshot.system.name,
    environment: snapshot.system.environment,
    reachable: true,
    problem: null,
    lastContactAt: snapshot.asOf,
    tradingState: snapshot.tradingState,
    ...over,
  };
}

export interface ListedSystem {
  id: string;
  sim: ReturnType<typeof makeSim>;
  /** How the list shows it, over what its simulator says (e.g. unreachable, with a problem). */
  summary?: Partial<SystemSummary>;
  /** The war-room server cannot read it: its API answers 503 and its stream does not open. */
  down?: boolean;
}

/**
 * Renders with a war-room server in front: `/api/systems` lists the systems (read afresh on every
 * poll) and each one's API, stream included, is its own simulator under `/api/systems/{id}/v1`.
 */
export function renderSystems(
  ui: ReactNode,
  systems: readonly ListedSystem[],
  opts: { operators?: readonly OperatorSpec[]; config?: Partial<RuntimeConfig> } = {},
) {
  const base = (id: string) => systemApiBase('/api/systems', id);
  server.use(
    http.get('/api/systems', () =>
      HttpResponse.json({ systems: systems.map((s) => summaryOf(s.id, s.sim.sim, s.summary)) }),
    ),
    ...systems.flatMap((s) =>
      s.down
        ? [
            http.get(`${base(s.id)}/*`, () =>
              HttpResponse.json(
                { title: 'Service Unavailable', status: 503, detail: s.summary?.problem ?? 'unreachable' },
                { status: 503 },
              ),
            ),
          ]
        : simHandlers({ sim: s.sim.sim, baseUrl: base(s.id), operators: opts.operators }),
    ),
  );
  const up = systems.filter((s) => !s.down);
  const streams = installSimStreams(Object.fromEntries(up.map((s) => [base(s.id), s.sim.sim])));
  return { ...renderLive(ui, { handlers: [], config: opts.config, keepStream: true }), streams };
}

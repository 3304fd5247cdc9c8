import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { Fault, ScenarioName } from '../../contract/schemas.ts';
import { closeServer, listen } from '../../http-kit/listen.ts';
import { OperatorBook } from '../api/operators.ts';
import type { OperatorSpec } from '../api/operators.ts';
import { ScaledClock } from '../model/clock.ts';
import { Simulator } from '../model/simulator.ts';
import { createPersonalityHost } from '../personalities/kit/host.ts';
import type { PersonalityHost } from '../personalities/kit/host.ts';
import type { PersonalityDef, PersonalityOptions } from '../personalities/kit/types.ts';
import { handleDrillControl } from './drill-control.ts';
import type { DrillContext } from './drill-control.ts';
import { sendProblem } from './http-util.ts';
import { handleMetrics } from './metrics-route.ts';
import type { SseConnection } from './sse.ts';
import { dropAllStreams, handleTradingApi } from './trading-api.ts';
import type { TradingApiContext } from './trading-api.ts';

/** The request's URL; a target no URL can be made of is treated as `/` (nothing is served there). */
function requestUrl(raw: string | undefined): URL {
  try {
    return new URL(raw ?? '/', 'http://sim.invalid');
  } catch {
    return new URL('/', 'http://sim.invalid');
  }
}

export interface SimHostOptions {
  seed: number;
  /** Simulated seconds per real second. */
  speed?: number;
  drill?: boolean;
  scenarios?: ScenarioName[];
  /** Simulated start time (epoch ms); defaults to now, so times read naturally on the board. */
  startMs?: number;
  /** How often (real ms) the model is advanced and events pushed. */
  tickMs?: number;
  /** Who may send controls (with which token); none: every control answers 401. */
  operators?: readonly OperatorSpec[];
  /**
   * Serve the model through a seed system's own API instead of the canonical one: the main port
   * serves its first service (and drill control), the others get ports of their own.
   */
  personality?: {
    def: PersonalityDef;
    options: PersonalityOptions;
    /** Ports for the other services by name; absent: a free one. */
    servicePorts?: Readonly<Record<string, number>>;
  };
}

export interface SimHost {
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
  readonly sim: Simulator;
  readonly operators: OperatorBook;
  /** With a personality: every service's port by name, main first (filled in by listen). */
  readonly servicePorts: ReadonlyMap<string, number>;
}

/**
 * The simulated trading system as a real HTTP process: the trading API plus drill control.
 * Throws OperatorSpecError for a bad operator list.
 */
export function createSimHost(options: SimHostOptions): SimHost {
  const operators = new OperatorBook(options.operators);
  const clock = new ScaledClock({ startMs: options.startMs ?? Date.now(), speed: options.speed ?? 1 });
  // A new instance id per process: a client holding ids of an earlier life must start over.
  const instance = randomUUID();
  const personality = options.personality;
  const sim = new Simulator({
    seed: options.seed,
    clock,
    instance,
    environment: options.drill ? 'drill' : 'simulator',
    ...(personality ? { shape: personality.def.shape } : {}),
  });
  for (const name of options.scenarios ?? []) if (name !== 'normal') sim.startScenario({ name });

  const streams = new Set<SseConnection>();
  let fault: Fault | null = null;
  let crashedStreamsDropped = false;
  const ctx: DrillContext & TradingApiContext = {
    sim,
    clock,
    now: () => clock.now(),
    streams,
    operators,
    fault: () => fault,
    setFault(next) {
      fault = next;
      // Faults that cut the API cut the streams already open, as they would in life.
      if (next && ['down', 'stream-drop', 'http-500'].includes(next.kind)) dropAllStreams(streams);
    },
  };

  const ticker = setInterval(() => {
    sim.tick();
    if (!sim.apiAnswering && !crashedStreamsDropped) dropAllStreams(streams);
    crashedStreamsDropped = !sim.apiAnswering;
  }, options.tickMs ?? 100);

  const native: PersonalityHost | null = personality
    ? createPersonalityHost(personality.def, sim, () => fault, personality.options)
    : null;

  const server = createServer((req, res) => {
    const url = requestUrl(req.url);
    const handler = url.pathname.startsWith('/__sim/')
      ? handleDrillControl(ctx, req, res, url)
      : native
        ? native.main(req, res)
        : url.pathname.startsWith('/api/')
          ? handleTradingApi(ctx, req, res, url)
          : url.pathname === '/metrics'
            ? handleMetrics(ctx, req, res)
            : Promise.resolve(sendProblem(res, 404, 'Not Found', `nothing is served at ${url.pathname}`));
    handler.catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent)
        sendProblem(res, 500, 'Internal Server Error', 'the simulator failed; see its log');
      else res.destroy();
    });
  });

  const servicePorts = native?.ports ?? new Map<string, number>();
  return {
    sim,
    operators,
    servicePorts,
    async listen(port, host) {
      const bound = await listen(server, port, host);
      if (native && personality) {
        native.ports.set(personality.def.services[0].name, bound);
        await native.listenServices(personality.servicePorts ?? {}, host);
      }
      return bound;
    },
    async close() {
      clearInterval(ticker);
      dropAllStreams(streams);
      await native?.close();
      await closeServer(server);
    },
  };
}

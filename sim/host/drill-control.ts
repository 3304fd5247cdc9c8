import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import {
  clockCommandSchema,
  faultSchema,
  scenarioNameSchema,
  scenarioStartSchema,
} from '../../contract/schemas.ts';
import type { Fault, SimState } from '../../contract/schemas.ts';
import { parseOrExplain } from '../../contract/validate.ts';
import type { ScaledClock } from '../model/clock.ts';
import { ScenarioError } from '../model/simulator.ts';
import type { Simulator } from '../model/simulator.ts';
import { HttpError, readJsonBody, sendHttpProblem, sendJson, sendProblem } from './http-util.ts';

/** What drill control can change. Kept apart from the trading API: a real system has none of it. */
export interface DrillContext {
  sim: Simulator;
  clock: ScaledClock;
  fault(): Fault | null;
  setFault(fault: Fault | null): void;
}

export function simState(ctx: DrillContext): SimState {
  return {
    seed: ctx.sim.seed,
    now: new Date(ctx.clock.now()).toISOString(),
    speed: ctx.clock.speed,
    paused: ctx.clock.paused,
    scenarios: ctx.sim.scenarios,
    fault: ctx.fault(),
    lastEventId: ctx.sim.lastEventId,
  };
}

async function body<T>(req: IncomingMessage, schema: z.ZodType<T>, what: string): Promise<T> {
  const parsed = parseOrExplain(schema, await readJsonBody(req), what);
  if (!parsed.ok) throw new HttpError(400, parsed.error);
  return parsed.value;
}

export async function handleDrillControl(
  ctx: DrillContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) {
  const route = `${req.method} ${url.pathname}`;
  try {
    if (route === 'GET /__sim/state') return sendJson(res, 200, simState(ctx));
    if (route === 'GET /__sim/commands') return sendJson(res, 200, { commands: ctx.sim.executedCommands() });
    if (route === 'POST /__sim/scenarios') {
      ctx.sim.startScenario(await body(req, scenarioStartSchema, 'scenario'));
    } else if (req.method === 'DELETE' && url.pathname.startsWith('/__sim/scenarios/')) {
      const name = parseOrExplain(
        scenarioNameSchema,
        decodeURIComponent(url.pathname.slice(17)),
        'scenario name',
      );
      if (!name.ok) throw new HttpError(400, name.error);
      ctx.sim.stopScenario(name.value);
    } else if (route === 'PUT /__sim/faults') {
      const fault = await body(req, faultSchema, 'fault');
      // A slow fault without a delay, or a delay on another fault, is a mistake in the drill script.
      if (fault.kind === 'slow' && fault.delayMs === undefined)
        throw new HttpError(400, 'fault: a slow fault needs delayMs (the delay added to every answer)');
      if (fault.kind !== 'slow' && fault.delayMs !== undefined)
        throw new HttpError(400, `fault: delayMs only applies to a slow fault, not to "${fault.kind}"`);
      ctx.setFault(fault);
    } else if (route === 'DELETE /__sim/faults') {
      ctx.setFault(null);
    } else if (route === 'POST /__sim/clock') {
      const command = await body(req, clockCommandSchema, 'clock command');
      if (command.speed !== undefined) ctx.clock.setSpeed(command.speed);
      if (command.paused === true) ctx.clock.pause();
      if (command.paused === false) ctx.clock.resume();
      if (command.advanceMs !== undefined) ctx.clock.advance(command.advanceMs);
    } else {
      return sendProblem(res, 404, 'Not Found', `no drill-control route ${route}`);
    }
    ctx.sim.tick(); // make the change observable at once
    return sendJson(res, 200, simState(ctx));
  } catch (error) {
    if (error instanceof HttpError) return sendHttpProblem(res, error);
    if (error instanceof ScenarioError) return sendProblem(res, 400, 'Bad Request', error.message);
    throw error;
  }
}

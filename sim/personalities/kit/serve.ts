// One native service over node:http: the drill's faults and the system's crash first (as the
// canonical trading API has them), then the route, the body, the handler, and the answer in the
// system's own dialect. Everything a request can get wrong ends here as a 4xx.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault } from '../../../contract/schemas.ts';
import type { Simulator } from '../../model/simulator.ts';
import { readNativeBody } from './body.ts';
import { bendText } from './faults.ts';
import { NativeProblem, badRequest } from './problem.ts';
import { findRoute } from './router.ts';
import type { RouteMatch } from './router.ts';
import type { NativeReply, NativeRequest, PersonalityDef, Route, ServiceSpec } from './types.ts';

/** What a native service needs from the host: the model and the fault drill control has set. */
export interface NativeSurface {
  sim: Simulator;
  fault(): Fault | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Path and query of a request target; only origin-form (`/path?query`) is taken. */
function target(raw: string | undefined): { path: string; query: URLSearchParams } {
  if (!raw?.startsWith('/')) throw badRequest('the request target must be a path');
  const q = raw.indexOf('?');
  return q < 0
    ? { path: raw, query: new URLSearchParams() }
    : { path: raw.slice(0, q), query: new URLSearchParams(raw.slice(q + 1)) };
}

async function prepare(routes: readonly Route[], req: IncomingMessage) {
  const { path, query } = target(req.url);
  const match: RouteMatch = findRoute(routes, req.method ?? 'GET', path);
  const body = await readNativeBody(req, match.route.body ?? 'none');
  const request: NativeRequest = {
    method: req.method ?? 'GET',
    path,
    params: match.params,
    query,
    headers: req.headers,
    body,
  };
  return { match, request };
}

function send(res: ServerResponse, reply: NativeReply, fault: Fault | null): void {
  const isJson = 'json' in reply;
  let text = isJson ? JSON.stringify(reply.json) : reply.text;
  if (reply.status < 300) text = bendText(text, isJson, fault);
  res.writeHead(reply.status, {
    'content-type': isJson ? 'application/json; charset=utf-8' : reply.contentType,
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...reply.headers,
  });
  res.end(text);
}

export function nativeService(
  def: PersonalityDef,
  spec: ServiceSpec,
  routes: readonly Route[],
  surface: NativeSurface,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const problemReply = (problem: NativeProblem): NativeReply => ({
    status: problem.status,
    json: def.errorBody(problem.status, problem.message, spec.name),
    headers: problem.headers,
  });

  return async (req, res) => {
    const inSystem = !spec.outsideTheSystem;
    const fault = inSystem ? surface.fault() : null;
    // A crashed system or a `down` fault: the connection dies without an answer, nothing runs.
    if (inSystem && (!surface.sim.apiAnswering || fault?.kind === 'down')) return void req.socket.destroy();

    let prepared: Awaited<ReturnType<typeof prepare>> | null = null;
    let refusal: NativeProblem | null = null;
    try {
      prepared = await prepare(routes, req);
    } catch (error) {
      if (!(error instanceof NativeProblem)) return void req.socket.destroy(); // the client went away
      refusal = error;
    }
    // The request has arrived whole: a slow answer still runs what it asked for.
    if (fault?.kind === 'slow') await sleep(fault.delayMs ?? 0);
    if (fault?.kind === 'http-500')
      return send(
        res,
        problemReply(new NativeProblem(500, `the ${spec.name} service is failing (fault http-500)`)),
        null,
      );
    if (refusal || !prepared)
      return send(res, problemReply(refusal ?? badRequest('unreadable request')), null);

    let reply: NativeReply;
    try {
      reply = await prepared.match.route.handle(prepared.request);
    } catch (error) {
      // A refusal is the client's to fix; anything else is a bug in the simulator, said as such.
      if (!(error instanceof NativeProblem)) console.error(error);
      reply = problemReply(
        error instanceof NativeProblem ? error : new NativeProblem(500, 'the simulator failed; see its log'),
      );
    }
    send(res, reply, fault);
  };
}

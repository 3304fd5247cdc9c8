import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault, StreamEvent } from '../../contract/schemas.ts';
import { controlAnswer, operatorAnswer } from '../api/controls-api.ts';
import type { OperatorBook } from '../api/operators.ts';
import type { Simulator } from '../model/simulator.ts';
import { controlInPath, header, readBody, sendAnswer } from './controls-routes.ts';
import { truncateJson, violateEvent, violateSnapshot } from './faults.ts';
import { sendProblem } from './http-util.ts';
import { SseConnection } from './sse.ts';

/** What the trading API needs from the host: the model, its operators and the fault currently set. */
export interface TradingApiContext {
  sim: Simulator;
  operators: OperatorBook;
  fault(): Fault | null;
  streams: Set<SseConnection>;
  /** The simulated clock's now (epoch ms), for heartbeats. */
  now(): number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A query or header value that is a plain decimal id, else null. Number() alone would take ''
 * (an empty `after=` or `lastEventId=`) as 0, and '1e3' or '0x10' as ids nobody wrote.
 */
function nonNegativeInt(raw: string | null): number | null {
  return raw !== null && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

/** Serialises a body, bent by the fault in force: the model never knows. */
function render(body: unknown, fault: Fault | null, violate: (body: never) => unknown): string {
  if (fault?.kind === 'schema-violation') return JSON.stringify(violate(body as never));
  const text = JSON.stringify(body);
  return fault?.kind === 'malformed-json' ? truncateJson(text) : text;
}

function sendBody(res: ServerResponse, text: string): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

export async function handleTradingApi(
  ctx: TradingApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) {
  const fault = ctx.fault();
  // A crashed system or a `down` fault: the connection dies without an answer (nothing executes).
  if (!ctx.sim.apiAnswering || fault?.kind === 'down') return void req.socket.destroy();
  const controlId = controlInPath(url.pathname);
  // A command arrives whole with its request, so its body is taken in before any delay: a client
  // that gives up during a slow answer has still sent a command that will run, as in life.
  const body = controlId !== null && req.method === 'POST' ? await readBody(req) : null;
  if (fault?.kind === 'slow') await sleep(fault.delayMs ?? 0);
  if (fault?.kind === 'http-500')
    return sendProblem(
      res,
      500,
      'Internal Server Error',
      'the simulated trading API is failing (fault http-500)',
    );

  if (controlId !== null) {
    if (body === null) return sendProblem(res, 405, 'Method Not Allowed', `${req.method} is not served here`);
    const answer = controlAnswer(ctx.sim, ctx.operators, {
      controlId,
      authorization: header(req, 'authorization'),
      idempotencyKey: header(req, 'idempotency-key'),
      body,
    });
    return sendAnswer(res, answer, fault);
  }
  if (req.method !== 'GET')
    return sendProblem(res, 405, 'Method Not Allowed', `${req.method} is not served here`);

  switch (url.pathname) {
    case '/api/v1/operator':
      return sendAnswer(res, operatorAnswer(ctx.operators, header(req, 'authorization')), fault);
    case '/api/v1/status':
      return sendBody(res, render(ctx.sim.snapshot(), fault, violateSnapshot));
    case '/api/v1/events': {
      const after = nonNegativeInt(url.searchParams.get('after'));
      const limitParam = url.searchParams.get('limit');
      const limit = limitParam === null ? 500 : nonNegativeInt(limitParam);
      if (after === null)
        return sendProblem(res, 400, 'Bad Request', '`after` must be a non-negative integer event id');
      if (limit === null || limit < 1 || limit > 1000)
        return sendProblem(res, 400, 'Bad Request', '`limit` must be an integer from 1 to 1000');
      const page = ctx.sim.eventPage(after, url.searchParams.get('instance'), limit);
      const events = fault?.kind === 'schema-violation' ? page.events.map(violateEvent) : page.events;
      const text = JSON.stringify({ ...page, events });
      return sendBody(res, fault?.kind === 'malformed-json' ? truncateJson(text) : text);
    }
    case '/api/v1/stream':
      return openStream(ctx, req, res, url);
    default:
      return sendProblem(res, 404, 'Not Found', `no trading API route ${url.pathname}`);
  }
}

function openStream(ctx: TradingApiContext, req: IncomingMessage, res: ServerResponse, url: URL) {
  if (ctx.fault()?.kind === 'stream-drop') return void req.socket.destroy();
  const header = req.headers['last-event-id'];
  const raw = typeof header === 'string' && header !== '' ? header : url.searchParams.get('lastEventId');
  // Anything but an id (none, empty, garbage) starts the client over from a snapshot.
  const lastId = nonNegativeInt(raw);

  let unsubscribe = () => {};
  const delay = () => (ctx.fault()?.kind === 'slow' ? (ctx.fault()?.delayMs ?? 0) : 0);
  const heartbeat = () => {
    const text = JSON.stringify({ type: 'heartbeat', at: new Date(ctx.now()).toISOString() });
    return { data: ctx.fault()?.kind === 'malformed-json' ? truncateJson(text) : text, delayMs: delay() };
  };
  const connection = new SseConnection(
    res,
    () => {
      ctx.streams.delete(connection);
      unsubscribe();
    },
    heartbeat,
  );
  ctx.streams.add(connection);
  const send = (event: StreamEvent) =>
    connection.send(event.id, render(event, ctx.fault(), violateEvent), delay());

  // Replay what the client missed; if that is no longer retained (or it sent no id), start it
  // from a full snapshot. The model only emits inside a synchronous tick(), so nothing can
  // slip between this replay and the subscription below.
  const page = lastId !== null ? ctx.sim.eventPage(lastId, url.searchParams.get('instance'), 10_000) : null;
  if (page === null || page.gap) {
    const snapshot = ctx.sim.snapshot();
    send({ type: 'reset', id: snapshot.eventId, at: snapshot.asOf, snapshot });
  } else {
    page.events.forEach(send);
  }
  unsubscribe = ctx.sim.subscribe(send);
}

export function dropAllStreams(streams: Set<SseConnection>): void {
  for (const stream of streams) stream.drop();
  streams.clear();
}

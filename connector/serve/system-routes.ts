// The canonical contract, served per connected system by the war-room server:
//   GET  /api/systems                              every system at a glance
//   GET  /api/systems/{id}/v1/status               snapshot
//   GET  /api/systems/{id}/v1/events?after=        what a client missed
//   GET  /api/systems/{id}/v1/stream               SSE, replayed from Last-Event-ID
//   POST /api/systems/{id}/v1/controls/{controlId} a control, for a signed-in commander
// All of it is answered from the connector's memory: no request here reaches the trading system
// except a control. While the system cannot be read, status, events and stream answer 503 with
// why, so every dashboard shows it unreachable and keeps its last-known values, dated.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { controlIdSchema, controlRequestSchema } from '../../contract/schemas.ts';
import type { StreamEvent } from '../../contract/schemas.ts';
import { parseOrExplain } from '../../contract/validate.ts';
import { SseResponse } from '../../http-kit/sse.ts';
import { readJsonBody } from '../../store/http/body.ts';
import { HttpProblem, sendJson, sendProblem } from '../../store/http/respond.ts';
import type { SystemConnector } from '../engine/system-connector.ts';

/** Who may act: the war-room server's sign-in (store/auth/session-guard.ts) fits this shape. */
export interface ControlGuard {
  check(
    req: IncomingMessage,
    need: 'viewer' | 'commander',
  ): Promise<
    | { ok: true; person: { name: string; role: string } }
    | { ok: false; status: 401 | 403; title: string; detail: string }
  >;
}

export interface SystemsContext {
  systems: ReadonlyMap<string, SystemConnector>;
  guard: ControlGuard;
  /** Open streams per system, dropped when the system becomes unreachable and at shutdown. */
  streams: Map<string, Set<SseResponse>>;
  /**
   * Drill faults on this server's own link to the dashboards, for game days and the end-to-end
   * tests: only with a drill token configured (WARROOM_DRILL_TOKEN), and only for its bearer.
   */
  drill?: { token: string; streamsDropped: Set<string> };
}

const HEARTBEAT_MS = 2000;
const KEY = /^[\x21-\x7e]{8,128}$/;
const ID = /^\d{1,15}$/;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpProblem(400, 'Bad Request', 'the path is not valid percent-encoding');
  }
}

function unreachable(res: ServerResponse, system: SystemConnector): void {
  sendProblem(res, 503, 'Service Unavailable', system.problem ?? `${system.name} cannot be read`, {
    'retry-after': '1',
  });
}

function idempotencyKey(req: IncomingMessage): string {
  // Two Idempotency-Key headers would be joined into "k1, k2", a key nobody sent: refuse them.
  const all = req.headersDistinct['idempotency-key'] ?? [];
  if (all.length !== 1)
    throw new HttpProblem(
      400,
      'Bad Request',
      all.length === 0
        ? 'a control needs an Idempotency-Key header'
        : 'send one Idempotency-Key header, not several',
    );
  const key = all[0] ?? '';
  // Proxies and fetch() join repeated headers with ", ": that is two keys, not one.
  if (/,\s/.test(key))
    throw new HttpProblem(400, 'Bad Request', 'send one Idempotency-Key header, not several');
  if (!KEY.test(key))
    throw new HttpProblem(
      400,
      'Bad Request',
      'the Idempotency-Key must be 8 to 128 visible ASCII characters',
    );
  return key;
}

async function control(
  ctx: SystemsContext,
  system: SystemConnector,
  rawControl: string,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const guarded = await ctx.guard.check(req, 'commander');
  if (!guarded.ok) return sendProblem(res, guarded.status, guarded.title, guarded.detail);
  const controlId = controlIdSchema.safeParse(decoded(rawControl));
  if (!controlId.success)
    throw new HttpProblem(404, 'Not Found', `there is no control "${decoded(rawControl).slice(0, 60)}"`);
  const key = idempotencyKey(req);
  const parsed = parseOrExplain(
    controlRequestSchema,
    await readJsonBody(req, 'control request'),
    'control request',
  );
  if (!parsed.ok) throw new HttpProblem(400, 'Bad Request', parsed.error);
  const outcome = await system.command({
    key,
    controlId: controlId.data,
    venueId: parsed.value.venueId,
    params: parsed.value.params,
    reason: parsed.value.reason,
    operator: guarded.person.name,
  });
  switch (outcome.kind) {
    case 'executed':
      return sendJson(res, 202, outcome.receipt);
    case 'duplicate':
      return sendJson(res, 200, outcome.receipt);
    default:
      return sendProblem(
        res,
        outcome.status,
        outcome.kind === 'refused' ? 'Refused' : 'Not Confirmed',
        outcome.detail,
      );
  }
}

function events(system: SystemConnector, url: URL, res: ServerResponse) {
  if (!system.reachable) return unreachable(res, system);
  const after = url.searchParams.get('after') ?? '';
  const limit = url.searchParams.get('limit') ?? '500';
  if (!ID.test(after))
    throw new HttpProblem(400, 'Bad Request', '`after` must be a non-negative integer event id');
  if (!ID.test(limit) || Number(limit) < 1 || Number(limit) > 1000)
    throw new HttpProblem(400, 'Bad Request', '`limit` must be an integer from 1 to 1000');
  sendJson(res, 200, system.eventPage(Number(after), url.searchParams.get('instance'), Number(limit)));
}

function stream(
  ctx: SystemsContext,
  system: SystemConnector,
  req: IncomingMessage,
  url: URL,
  res: ServerResponse,
) {
  if (ctx.drill?.streamsDropped.has(system.id)) return void req.socket.destroy();
  if (!system.reachable) return unreachable(res, system);
  const header = req.headers['last-event-id'];
  const raw = typeof header === 'string' && header !== '' ? header : url.searchParams.get('lastEventId');
  const lastId = raw !== null && ID.test(raw) ? Number(raw) : null;
  const open = ctx.streams.get(system.id) ?? new Set<SseResponse>();
  ctx.streams.set(system.id, open);
  let unsubscribe = () => {};
  const sse = new SseResponse(res, {
    keepAliveMs: HEARTBEAT_MS,
    beat: () =>
      sse.send(null, JSON.stringify({ type: 'heartbeat', at: new Date(system.now()).toISOString() })),
    onClose: () => {
      open.delete(sse);
      unsubscribe();
    },
  });
  open.add(sse);
  const send = (event: StreamEvent) => sse.send(event.id, JSON.stringify(event));
  const page = lastId !== null ? system.eventPage(lastId, url.searchParams.get('instance'), 10_000) : null;
  const snapshot = system.snapshot();
  if (page === null || page.gap) {
    if (snapshot) send({ type: 'reset', id: snapshot.eventId, at: snapshot.asOf, snapshot });
  } else page.events.forEach(send);
  // Replay and subscription happen in one synchronous step: no event can fall between them.
  unsubscribe = system.subscribe(send);
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** PUT or DELETE /api/systems/{id}/__drill/stream-drop: cut the dashboards' streams, and refuse new ones. */
function drillStreamDrop(
  ctx: SystemsContext,
  system: SystemConnector,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const drill = ctx.drill;
  const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  if (!drill)
    throw new HttpProblem(
      404,
      'Not Found',
      'drill faults are off on this server (no drill token is configured)',
    );
  if (!sameSecret(bearer, drill.token))
    throw new HttpProblem(401, 'Unauthorized', 'drill faults need the drill token');
  if (req.method === 'PUT') {
    drill.streamsDropped.add(system.id);
    for (const sse of ctx.streams.get(system.id) ?? []) sse.drop();
  } else if (req.method === 'DELETE') drill.streamsDropped.delete(system.id);
  else
    throw new HttpProblem(405, 'Method Not Allowed', 'PUT starts the fault, DELETE ends it', {
      allow: 'PUT, DELETE',
    });
  res.writeHead(204).end();
}

/** Drops a system's streams when it becomes unreachable: the dashboards then poll and see 503. */
export function watchReachability(ctx: SystemsContext): () => void {
  const stops = [...ctx.systems.values()].map((system) =>
    system.onReachability((reachable) => {
      if (reachable) return;
      for (const sse of ctx.streams.get(system.id) ?? []) sse.close();
      ctx.streams.get(system.id)?.clear();
    }),
  );
  return () => stops.forEach((stop) => stop());
}

export async function handleSystems(
  ctx: SystemsContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const method = req.method ?? 'GET';
  const parts = url.pathname.split('/').filter((p) => p !== '');
  // ['api', 'systems', id?, 'v1'?, resource?, controlId?]
  if (parts.length === 2) {
    if (method !== 'GET')
      throw new HttpProblem(405, 'Method Not Allowed', '/api/systems takes GET', { allow: 'GET' });
    return sendJson(res, 200, { systems: [...ctx.systems.values()].map((s) => s.summary()) });
  }
  const id = decoded(parts[2] ?? '');
  const system = ctx.systems.get(id);
  if (!system)
    throw new HttpProblem(
      404,
      'Not Found',
      `no system "${id.slice(0, 60)}" is connected (connected: ${[...ctx.systems.keys()].join(', ') || 'none'})`,
    );
  const [, , , version, resource, controlId, ...rest] = parts;
  if (version === '__drill' && resource === 'stream-drop' && controlId === undefined)
    return drillStreamDrop(ctx, system, req, res);
  if (version !== 'v1' || rest.length > 0)
    throw new HttpProblem(404, 'Not Found', `nothing is served at ${url.pathname.slice(0, 200)}`);
  if (resource === 'controls' && controlId !== undefined) {
    if (method !== 'POST')
      throw new HttpProblem(405, 'Method Not Allowed', 'a control takes POST', { allow: 'POST' });
    return control(ctx, system, controlId, req, res);
  }
  if (controlId !== undefined)
    throw new HttpProblem(404, 'Not Found', `nothing is served at ${url.pathname.slice(0, 200)}`);
  if (method !== 'GET')
    throw new HttpProblem(405, 'Method Not Allowed', `${resource ?? ''} takes GET`, { allow: 'GET' });
  switch (resource) {
    case 'status': {
      const snapshot = system.reachable ? system.snapshot() : null;
      return snapshot ? sendJson(res, 200, snapshot) : unreachable(res, system);
    }
    case 'events':
      return events(system, url, res);
    case 'stream':
      return stream(ctx, system, req, url, res);
    default:
      throw new HttpProblem(404, 'Not Found', `nothing is served at ${url.pathname.slice(0, 200)}`);
  }
}

import { http, HttpResponse } from 'msw';
import { controlAnswer, operatorAnswer } from '../api/controls-api.ts';
import type { ApiAnswer, BodyRead } from '../api/controls-api.ts';
import { OperatorBook } from '../api/operators.ts';
import type { OperatorSpec } from '../api/operators.ts';
import type { ManualClock } from '../model/clock.ts';
import type { Simulator } from '../model/simulator.ts';

// The simulator model served through msw, for component tests: the same model as the HTTP
// host, so a panel test sees the same data a drill does. The polling half of the API and the
// controls are here; msw's sse() cannot run under jsdom, so streaming is covered by the real
// host in e2e. Controls answer exactly as the host does (same checks, codes and words).

export interface SimHandlersOptions {
  sim: Simulator;
  /** Base of the trading API as the dashboard is configured (config.apiBaseUrl). */
  baseUrl: string;
  /** Who may send controls; none: the controls and operator endpoints answer 401. */
  operators?: readonly OperatorSpec[];
}

function answer(a: ApiAnswer) {
  return HttpResponse.json(a.body as never, { status: a.status, headers: a.headers });
}

async function readBody(request: Request): Promise<BodyRead> {
  const text = await request.text();
  if (text.trim() === '') return { ok: false, status: 400, detail: 'a JSON request body is required' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, detail: 'the request body is not valid JSON' };
  }
}

/**
 * GET status and GET events, answered from the model as it stands when the request arrives;
 * POST controls/{controlId} and GET operator, executing on the same model.
 */
export function simHandlers({ sim, baseUrl, operators = [] }: SimHandlersOptions) {
  const book = new OperatorBook(operators);
  return [
    http.post(`${baseUrl}/controls/:controlId`, async ({ request, params }) =>
      answer(
        controlAnswer(sim, book, {
          controlId: String(params.controlId),
          authorization: request.headers.get('authorization'),
          idempotencyKey: request.headers.get('idempotency-key'),
          body: await readBody(request),
        }),
      ),
    ),
    http.get(`${baseUrl}/operator`, ({ request }) =>
      answer(operatorAnswer(book, request.headers.get('authorization'))),
    ),
    http.get(`${baseUrl}/status`, () => {
      sim.tick();
      return HttpResponse.json(sim.snapshot());
    }),
    http.get(`${baseUrl}/events`, ({ request }) => {
      sim.tick();
      const params = new URL(request.url).searchParams;
      const after = Number(params.get('after'));
      if (!Number.isInteger(after) || after < 0)
        return HttpResponse.json(
          { title: 'Bad Request', status: 400, detail: '`after` must be an event id' },
          { status: 400 },
        );
      return HttpResponse.json(
        sim.eventPage(after, params.get('instance'), Number(params.get('limit') ?? 500)),
      );
    }),
  ];
}

/**
 * The trading API answers with this snapshot (made fresh per request) and never has events to
 * add: for payloads the model never produces, such as one that breaks the contract.
 */
export function makeTradingApiServe(baseUrl: string, snapshot: () => unknown) {
  return [
    http.get(`${baseUrl}/status`, () => HttpResponse.json(snapshot() as never)),
    http.get(`${baseUrl}/events`, () => {
      const instance = (snapshot() as { instance?: unknown }).instance ?? 'unknown';
      return HttpResponse.json({ instance, lastEventId: 0, gap: true, events: [] });
    }),
  ];
}

/** The trading API does not answer at all (controls included): connection refused, as when the process is dead. */
export function makeTradingApiDown(baseUrl: string) {
  return [http.all(`${baseUrl}/*`, () => HttpResponse.error())];
}

/** The trading API answers every request (controls included) with HTTP 500; nothing executes. */
export function makeTradingApiFail(baseUrl: string, status = 500) {
  return [
    http.all(`${baseUrl}/*`, () =>
      HttpResponse.json({ title: 'Internal Server Error', status, detail: 'simulated failure' }, { status }),
    ),
  ];
}

/** Advances the model's clock, as the passage of time in a test. */
export function advance(clock: ManualClock, sim: Simulator, ms: number): void {
  clock.advance(ms);
  sim.tick();
}

import { http, HttpResponse } from 'msw';
import type { ManualClock } from '../model/clock.ts';
import type { Simulator } from '../model/simulator.ts';

// The simulator model served through msw, for component tests: the same model as the HTTP
// host, so a panel test sees the same data a drill does. Only the polling half of the API is
// here; msw's sse() cannot run under jsdom, so streaming is covered by the real host in e2e.

export interface SimHandlersOptions {
  sim: Simulator;
  /** Base of the trading API as the dashboard is configured (config.apiBaseUrl). */
  baseUrl: string;
}

/** GET status and GET events, answered from the model as it stands when the request arrives. */
export function simHandlers({ sim, baseUrl }: SimHandlersOptions) {
  return [
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

/** The trading API does not answer at all: connection refused, as when the process is dead. */
export function makeTradingApiDown(baseUrl: string) {
  return [http.get(`${baseUrl}/*`, () => HttpResponse.error())];
}

/** The trading API answers every request with HTTP 500. */
export function makeTradingApiFail(baseUrl: string, status = 500) {
  return [
    http.get(`${baseUrl}/*`, () =>
      HttpResponse.json({ title: 'Internal Server Error', status, detail: 'simulated failure' }, { status }),
    ),
  ];
}

/** Advances the model's clock, as the passage of time in a test. */
export function advance(clock: ManualClock, sim: Simulator, ms: number): void {
  clock.advance(ms);
  sim.tick();
}

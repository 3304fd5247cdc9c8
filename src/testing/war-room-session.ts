// The war-room server as the dashboard meets it for signing in and for the controls, in component
// tests. jsdom's fetch keeps no cookies, so the session these handlers keep stands in for the
// HttpOnly cookie: signed in here is signed in for every later request of the test. Controls are
// executed on the simulator model as the signed-in person, as the connector executes them on a
// real system with credentials the browser never sees.
import { http, HttpResponse } from 'msw';
import type { Person } from '../../contract/store-schemas.ts';
import { controlAnswer } from '../../sim/api/controls-api.ts';
import type { BodyRead } from '../../sim/api/controls-api.ts';
import { OperatorBook } from '../../sim/api/operators.ts';
import type { Simulator } from '../../sim/model/simulator.ts';
import { testConfig } from './render-live.tsx';

export interface TestPerson extends Person {
  password: string;
}

export const commander: TestPerson = { name: 'alice', role: 'commander', password: 'alice-passphrase-1' };
export const viewer: TestPerson = { name: 'vic', role: 'viewer', password: 'vic-passphrase-22' };

/** The connector's own credential for the simulated system: never the dashboard's business. */
const CONNECTOR_TOKEN = 'connector-credential';

const problem = (status: number, detail: string) =>
  HttpResponse.json(
    { title: status === 401 ? 'Unauthorized' : 'Forbidden', status, detail },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );

async function readBody(request: Request): Promise<BodyRead> {
  try {
    return { ok: true, value: JSON.parse(await request.text()) as unknown };
  } catch {
    return { ok: false, status: 400, detail: 'the request body is not valid JSON' };
  }
}

export interface WarRoomServerOptions {
  /** The simulated trading system whose controls the server executes. */
  sim?: Simulator;
  people?: readonly TestPerson[];
  storeBaseUrl?: string;
  /** Where the dashboard sends controls: the war-room server's API of the system. */
  apiBaseUrl?: string;
  /** Signed in already, as after a reload with the cookie still set. */
  signedIn?: Person | null;
}

/**
 * Handlers for `${storeBaseUrl}/session` (sign in, who, sign out) and `${apiBaseUrl}/controls/…`.
 * Install them after the rest (renderLive's `handlers`), so that they answer first.
 */
export function warRoomServer(options: WarRoomServerOptions = {}) {
  const people = options.people ?? [commander, viewer];
  const storeBaseUrl = options.storeBaseUrl ?? testConfig.storeBaseUrl;
  const apiBaseUrl = options.apiBaseUrl ?? testConfig.apiBaseUrl;
  let current: Person | null = options.signedIn ?? null;
  /** Every request the dashboard sent, as the server saw it: for checking what it carried. */
  const seen: { method: string; url: string; headers: Headers; body: string }[] = [];
  const record = async (request: Request) =>
    seen.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: await request.clone().text(),
    });

  const handlers = [
    http.get(`${storeBaseUrl}/session`, async ({ request }) => {
      await record(request);
      return current ? HttpResponse.json(current) : problem(401, 'nobody is signed in in this browser');
    }),
    http.post(`${storeBaseUrl}/session`, async ({ request }) => {
      await record(request);
      const body = (await request.json()) as { name?: unknown; password?: unknown };
      const person = people.find((p) => p.name === body.name && p.password === body.password);
      if (!person) return problem(401, 'the name or the password is wrong');
      current = { name: person.name, role: person.role };
      return HttpResponse.json(current);
    }),
    http.delete(`${storeBaseUrl}/session`, async ({ request }) => {
      await record(request);
      current = null;
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${apiBaseUrl}/controls/:controlId`, async ({ request, params }) => {
      // With the trading system's own credential it is not the dashboard's request (a test acting
      // on the system directly, as the desk would): it goes on to the system.
      if (request.headers.has('authorization')) return;
      await record(request);
      if (!current) return problem(401, 'sign in to the war room first (POST /warroom/v1/session)');
      if (current.role !== 'commander')
        return problem(403, `${current.name} is a viewer: a viewer may read and nothing more`);
      if (!options.sim) throw new Error('warRoomServer: controls need a simulator');
      const book = new OperatorBook([{ name: current.name, token: CONNECTOR_TOKEN }]);
      const answer = controlAnswer(options.sim, book, {
        controlId: String(params.controlId),
        authorization: `Bearer ${CONNECTOR_TOKEN}`,
        idempotencyKey: request.headers.get('idempotency-key'),
        body: await readBody(request),
      });
      return HttpResponse.json(answer.body as never, { status: answer.status });
    }),
  ];

  return {
    handlers,
    seen,
    /** The server ended the session (signed out elsewhere, expired). */
    sessionEnded: () => {
      current = null;
    },
    signedIn: () => current,
  };
}

/** Everything this browser keeps in web storage, as one text: to show what is not in it. */
export function webStorageText(): string {
  const all: string[] = [];
  for (const storage of [localStorage, sessionStorage])
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i) ?? '';
      all.push(`${key}=${storage.getItem(key) ?? ''}`);
    }
  return all.join('\n');
}

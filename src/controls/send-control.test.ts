import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import type { ControlReceipt } from '../../contract/schemas.ts';
import { server } from '../testing/msw-server.ts';
import { newCommand } from './command-machine.ts';
import { sendControl } from './send-control.ts';

const base = 'http://trading.test/api/v1';
const command = newCommand({
  key: 'key-12345678',
  controlId: 'venue-cancel-all',
  scope: { venueId: 'binance' },
  reason: 'INC-7 exchange outage',
  now: 0,
  deadlineMs: 3000,
});
const receipt: ControlReceipt = {
  commandId: 'cmd-1',
  idempotencyKey: 'key-12345678',
  controlId: 'venue-cancel-all',
  venueId: 'binance',
  outcome: 'accepted',
  operator: 'alice',
  receivedAt: '2026-01-05T10:00:00.100Z',
  expectedTradingState: null,
};
const send = (timeoutMs = 500) => sendControl(command, { apiBaseUrl: base, timeoutMs });
const answer = (status: number, body: unknown) =>
  server.use(
    http.post(`${base}/controls/venue-cancel-all`, () => HttpResponse.json(body as never, { status })),
  );

describe('sendControl', () => {
  test('sends the command key and the body the contract asks for, and no credential of its own', async () => {
    let seen: { headers: Headers; body: unknown } | null = null;
    server.use(
      http.post(`${base}/controls/venue-cancel-all`, async ({ request }) => {
        seen = { headers: request.headers, body: await request.json() };
        return HttpResponse.json(receipt, { status: 202 });
      }),
    );
    expect(await send()).toEqual({ kind: 'accepted', receipt });
    // Who sends it is the war-room session's cookie, which the browser adds; the page has no token.
    expect(seen!.headers.get('authorization')).toBeNull();
    expect(seen!.headers.get('idempotency-key')).toBe('key-12345678');
    expect(seen!.body).toEqual({ reason: 'INC-7 exchange outage', venueId: 'binance' });
  });

  test('a duplicate receipt (the key was seen before) is an acceptance too', async () => {
    answer(200, { ...receipt, outcome: 'duplicate' });
    expect(await send()).toMatchObject({ kind: 'accepted', receipt: { outcome: 'duplicate' } });
  });

  test.each([
    [401, /war-room session was refused: sign in again — session ended/],
    [403, /this person may not use this control/],
    [409, /already used for a different command/],
    [501, /does not offer this control/],
  ])('HTTP %i is a rejection, explained', async (status, message) => {
    answer(status, { title: 'x', status, detail: 'session ended' });
    const outcome = await send();
    expect(outcome.kind).toBe('rejected');
    if (outcome.kind === 'rejected') expect(outcome.problem).toMatch(message);
  });

  test('5xx, no connection, a timeout and an unreadable receipt are transient: safe to resend', async () => {
    answer(503, { title: 'Service Unavailable', status: 503, detail: 'gateway overloaded' });
    expect(await send()).toEqual({ kind: 'transient', problem: 'HTTP 503: gateway overloaded' });
    server.use(http.post(`${base}/controls/venue-cancel-all`, () => HttpResponse.error()));
    expect(await send()).toEqual({ kind: 'transient', problem: 'no connection' });
    server.use(http.post(`${base}/controls/venue-cancel-all`, () => new Promise(() => {})));
    expect(await send(50)).toEqual({ kind: 'transient', problem: 'no answer within 0.05 s' });
    server.use(
      http.post(
        `${base}/controls/venue-cancel-all`,
        () => new HttpResponse('{"commandId": "cm', { status: 202 }),
      ),
    );
    expect(await send()).toMatchObject({
      kind: 'transient',
      problem: expect.stringMatching(/control receipt: not valid JSON/),
    });
  });
});

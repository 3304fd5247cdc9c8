import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { controlReceiptSchema, operatorSchema, problemSchema } from '../../contract/schemas.ts';
import { START, harness } from '../model/test-harness.ts';
import { makeTradingApiDown, simHandlers } from './handlers.ts';

// The controls through msw answer as the HTTP host does, on the same model: what a component
// test of the control bar sees is what a drill sees.
const BASE = 'http://trading.test/api/v1';
const COMMANDER = { name: 'commander', token: 'msw-test-token-0001' };

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function sendHalt(token: string | null, key = 'msw-key-000001') {
  return fetch(`${BASE}/controls/halt`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': key,
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ reason: 'INC-1: component test' }),
  });
}

describe('simHandlers: controls', () => {
  test('a halt executes on the model: 202 with a receipt, HALTED in the snapshot, 200 duplicate on resend', async () => {
    const h = harness(1);
    h.run(2_000);
    server.use(...simHandlers({ sim: h.sim, baseUrl: BASE, operators: [COMMANDER] }));

    const first = await sendHalt(COMMANDER.token);
    expect(first.status).toBe(202);
    const receipt = controlReceiptSchema.parse(await first.json());
    expect(receipt).toMatchObject({
      controlId: 'halt',
      operator: 'commander',
      outcome: 'accepted',
      receivedAt: new Date(START + 2_000).toISOString(),
      expectedTradingState: 'HALTED',
    });
    const status = (await (await fetch(`${BASE}/status`)).json()) as { tradingState: { state: string } };
    expect(status.tradingState.state).toBe('HALTED');

    const again = await sendHalt(COMMANDER.token);
    expect(again.status).toBe(200);
    expect(controlReceiptSchema.parse(await again.json())).toEqual({ ...receipt, outcome: 'duplicate' });
    expect(h.sim.executedCommands()).toHaveLength(1);

    const who = await fetch(`${BASE}/operator`, { headers: { authorization: `Bearer ${COMMANDER.token}` } });
    expect(operatorSchema.parse(await who.json()).operator).toBe('commander');
  });

  test('without a token: 401 with a readable problem, and nothing executes', async () => {
    const h = harness(1);
    server.use(...simHandlers({ sim: h.sim, baseUrl: BASE, operators: [COMMANDER] }));
    const answer = await sendHalt(null);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(problemSchema.parse(await answer.json()).detail).toContain('no operator token');
    expect(h.sim.executedCommands()).toEqual([]);
    expect(h.sim.snapshot().tradingState.state).toBe('ACTIVE');
  });

  test('with the API down, a control fails at the network level and nothing executes', async () => {
    const h = harness(1);
    server.use(...simHandlers({ sim: h.sim, baseUrl: BASE, operators: [COMMANDER] }));
    server.use(...makeTradingApiDown(BASE)); // later handlers come first, as when a test takes the API down
    await expect(sendHalt(COMMANDER.token)).rejects.toThrow();
    expect(h.sim.executedCommands()).toEqual([]);
  });
});

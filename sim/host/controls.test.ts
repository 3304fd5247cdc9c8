import { describe, expect, test } from 'vitest';
import {
  controlReceiptSchema,
  executedCommandSchema,
  operatorSchema,
  problemSchema,
  simStateSchema,
  snapshotSchema,
} from '../../contract/schemas.ts';
import type { ControlReceipt, ExecutedCommand, Fault, Problem } from '../../contract/schemas.ts';
import { parseJsonOrExplain } from '../../contract/validate.ts';
import { OFFERED_CONTROLS } from '../model/controls.ts';
import { TEST_TIMEOUT_MS, request, sendJson, simHostFactory, waitFor } from './test-support.ts';
import type { JsonAnswer, TestHost } from './test-support.ts';

const ALICE = { name: 'alice', token: 'alice-0123456789abcdef' };
const BOB = { name: 'bob', token: 'bob-fedcba9876543210', controls: ['halt', 'resume'] };

const startHost = simHostFactory({ operators: [ALICE, BOB] });

let keys = 0;
const newKey = () => `test-key-${String(++keys).padStart(6, '0')}`;

interface ControlCall {
  token?: string | null;
  key?: string | null;
  body?: unknown;
  rawBody?: string;
  signal?: AbortSignal;
}

function control(t: TestHost, controlId: string, call: ControlCall = {}): Promise<JsonAnswer> {
  const token = call.token === undefined ? ALICE.token : call.token;
  const key = call.key === undefined ? newKey() : call.key;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (key !== null) headers['idempotency-key'] = key;
  return request(t.url(`/api/v1/controls/${controlId}`), {
    method: 'POST',
    headers,
    body: call.rawBody ?? JSON.stringify(call.body ?? { reason: 'INC-1' }),
    ...(call.signal ? { signal: call.signal } : {}),
  });
}

function receipt(answer: JsonAnswer, status: 200 | 202): ControlReceipt {
  expect(answer.status, answer.text).toBe(status);
  return controlReceiptSchema.parse(answer.body);
}

function problem(answer: JsonAnswer, status: number): Problem {
  expect(answer.status, answer.text).toBe(status);
  const parsed = problemSchema.parse(answer.body);
  expect(parsed.status).toBe(status);
  // A token is a secret: no answer ever repeats one.
  for (const token of [ALICE.token, BOB.token]) expect(answer.text).not.toContain(token);
  return parsed;
}

async function executed(t: TestHost): Promise<ExecutedCommand[]> {
  const answer = await request(t.url('/__sim/commands'));
  expect(answer.status, answer.text).toBe(200);
  const { commands } = answer.body as { commands: unknown[] };
  return commands.map((c) => executedCommandSchema.parse(c));
}

async function status(t: TestHost) {
  const answer = await request(t.url('/api/v1/status'));
  expect(answer.status, answer.text).toBe(200);
  return snapshotSchema.parse(answer.body);
}

async function setFault(t: TestHost, fault: Fault): Promise<void> {
  const answer = await sendJson(t.url('/__sim/faults'), 'PUT', fault);
  expect(simStateSchema.parse(answer.body).fault).toEqual(fault);
}

async function clearFault(t: TestHost): Promise<void> {
  expect((await request(t.url('/__sim/faults'), { method: 'DELETE' })).status).toBe(200);
}

describe('POST /api/v1/controls/{controlId}', { timeout: TEST_TIMEOUT_MS }, () => {
  test('202 with a receipt; the trading state shows the operator and reason at once', async () => {
    const t = await startHost();
    const key = newKey();
    const answer = await control(t, 'kill-switch', { key, body: { reason: 'INC-9: runaway algo' } });
    const r = receipt(answer, 202);
    expect(r).toMatchObject({
      idempotencyKey: key,
      controlId: 'kill-switch',
      venueId: null,
      outcome: 'accepted',
      operator: 'alice',
      expectedTradingState: 'KILLED',
    });
    const snapshot = await status(t);
    expect(snapshot.tradingState).toMatchObject({
      state: 'KILLED',
      changedBy: 'alice',
      reason: 'INC-9: runaway algo',
    });
    expect(snapshot.openOrders).toBe(0);
    expect(snapshot.system.controls).toEqual([...OFFERED_CONTROLS]);
  });

  test('three sends with one key: 202, then 200 duplicates of the first receipt; executed exactly once', async () => {
    const t = await startHost();
    const key = newKey();
    const call = { key, body: { reason: 'INC-4', venueId: 'okx' } };
    const first = receipt(await control(t, 'venue-cancel-all', call), 202);
    const second = receipt(await control(t, 'venue-cancel-all', call), 200);
    const third = receipt(await control(t, 'venue-cancel-all', call), 200);
    expect(second).toEqual({ ...first, outcome: 'duplicate' });
    expect(third).toEqual(second);
    const commands = await executed(t);
    expect(commands).toEqual([
      {
        commandId: first.commandId,
        idempotencyKey: key,
        controlId: 'venue-cancel-all',
        venueId: 'okx',
        operator: 'alice',
        reason: 'INC-4',
        executedAt: first.receivedAt,
      },
    ]);
  });

  test('409 when the key was used for a different command; nothing more runs', async () => {
    const t = await startHost();
    const key = newKey();
    receipt(await control(t, 'halt', { key, body: { reason: 'INC-5' } }), 202);
    const conflict = problem(await control(t, 'kill-switch', { key, body: { reason: 'INC-5' } }), 409);
    expect(conflict.title).toBe('Conflict');
    expect(conflict.detail).toContain('nothing was executed');
    expect(await executed(t)).toHaveLength(1);
    expect((await status(t)).tradingState.state).toBe('HALTED');
  });

  test.for([
    ['no Idempotency-Key', { key: null }, ['Idempotency-Key header is required']],
    ['a short Idempotency-Key', { key: 'abc' }, ['8 to 128 characters, got 3']],
    ['a body that is not JSON', { rawBody: '{reason: x}' }, ['not valid JSON']],
    ['no reason', { body: {} }, ['control request: reason: missing']],
    [
      'the key and operator in the body',
      { body: { reason: 'x', operator: 'eve', idempotencyKey: 'k' } },
      ['unexpected fields operator, idempotencyKey'],
    ],
    ['an unknown venue', { body: { reason: 'x', venueId: 'nasdaq' } }, ['unknown venue "nasdaq"']],
  ] as const)('400 for %s, naming the problem; nothing runs', async ([, call, named]) => {
    const t = await startHost();
    const path = 'body' in call && 'venueId' in call.body ? 'venue-cancel-all' : 'halt';
    const bad = problem(await control(t, path, call), 400);
    expect(bad.title).toBe('Bad Request');
    for (const part of named) expect(bad.detail).toContain(part);
    expect(await executed(t)).toEqual([]);
  });

  test('400 for an unknown control, listing the offered ones', async () => {
    const t = await startHost();
    const bad = problem(await control(t, 'self-destruct'), 400);
    expect(bad.detail).toContain('unknown control "self-destruct"');
    expect(bad.detail).toContain('kill-switch');
  });

  test('401 without a token or with an unknown one, saying which, with a Bearer challenge', async () => {
    const t = await startHost();
    const none = await control(t, 'halt', { token: null });
    expect(problem(none, 401)).toMatchObject({
      title: 'Unauthorized',
      detail: expect.stringContaining('no operator token'),
    });
    const unknown = await control(t, 'halt', { token: 'guessed-token-123' });
    expect(problem(unknown, 401).detail).toContain('not one this system knows');
    expect(unknown.text).not.toContain('guessed-token-123');
    const raw = await fetch(t.url('/api/v1/controls/halt'), { method: 'POST', body: '{}' });
    expect(raw.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await raw.body?.cancel();
    expect(await executed(t)).toEqual([]);
  });

  test('401 on a simulator started without operators, saying so', async () => {
    const t = await startHost({ operators: [] });
    const answer = await control(t, 'halt');
    expect(problem(answer, 401).detail).toContain('started without operators');
    const who = await request(t.url('/api/v1/operator'), {
      headers: { authorization: `Bearer ${ALICE.token}` },
    });
    expect(problem(who, 401).detail).toContain('started without operators');
  });

  test('403 when the operator may not use the control, naming what they may', async () => {
    const t = await startHost();
    const forbidden = problem(await control(t, 'kill-switch', { token: BOB.token }), 403);
    expect(forbidden).toMatchObject({
      title: 'Forbidden',
      detail: 'operator "bob" may not use kill-switch (allowed: halt, resume)',
    });
    receipt(await control(t, 'halt', { token: BOB.token }), 202);
    expect((await executed(t)).map((c) => [c.operator, c.controlId])).toEqual([['bob', 'halt']]);
  });

  test.for(['routing-conservative', 'venue-failover', 'regime-manual', 'maintenance-mode'])(
    '501 for %s, which the simulator does not offer',
    async (controlId) => {
      const t = await startHost();
      const refused = problem(await control(t, controlId), 501);
      expect(refused.title).toBe('Not Implemented');
      expect(refused.detail).toContain(`does not offer ${controlId}`);
      expect(await executed(t)).toEqual([]);
    },
  );

  test('other methods are 405', async () => {
    const t = await startHost();
    expect((await request(t.url('/api/v1/controls/halt'))).status).toBe(405);
    expect((await request(t.url('/api/v1/operator'), { method: 'POST', body: '{}' })).status).toBe(405);
  });
});

describe('GET /api/v1/operator', { timeout: TEST_TIMEOUT_MS }, () => {
  test('names the operator and their controls; 401 otherwise', async () => {
    const t = await startHost();
    const who = (token: string) =>
      request(t.url('/api/v1/operator'), { headers: { authorization: `Bearer ${token}` } });
    const alice = await who(ALICE.token);
    expect(alice.status).toBe(200);
    expect(operatorSchema.parse(alice.body)).toEqual({ operator: 'alice', controls: [...OFFERED_CONTROLS] });
    expect(operatorSchema.parse((await who(BOB.token)).body)).toEqual({
      operator: 'bob',
      controls: ['halt', 'resume'],
    });
    expect(problem(await request(t.url('/api/v1/operator')), 401).detail).toContain('no operator token');
  });
});

describe('faults on the controls', { timeout: TEST_TIMEOUT_MS }, () => {
  test('http-500: a 500 and nothing executed; drill control still answers', async () => {
    const t = await startHost();
    await setFault(t, { kind: 'http-500' });
    const answer = await control(t, 'halt');
    expect(answer.status).toBe(500);
    expect(await executed(t)).toEqual([]);
    await clearFault(t);
    expect((await status(t)).tradingState.state).toBe('ACTIVE');
  });

  test('down: the connection dies and nothing is executed', async () => {
    const t = await startHost();
    await setFault(t, { kind: 'down' });
    await expect(control(t, 'halt')).rejects.toThrow();
    expect(await executed(t)).toEqual([]);
  });

  test('system-crash: the connection dies and nothing is executed', async () => {
    const t = await startHost();
    expect((await sendJson(t.url('/__sim/scenarios'), 'POST', { name: 'system-crash' })).status).toBe(200);
    await expect(control(t, 'kill-switch')).rejects.toThrow();
    expect(await executed(t)).toEqual([]);
  });

  test('slow: executes once, after the delay', async () => {
    const t = await startHost();
    // A long delay and an early look, so that a stalled machine cannot make the look late.
    await setFault(t, { kind: 'slow', delayMs: 1_500 });
    const started = performance.now();
    const pending = control(t, 'halt');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await executed(t)).toEqual([]); // still waiting out the delay
    receipt(await pending, 202);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_498);
    expect(await executed(t)).toHaveLength(1);
  });

  test('slow: a client that gives up has still sent the command; resending its key is a duplicate', async () => {
    const t = await startHost();
    await setFault(t, { kind: 'slow', delayMs: 1_000 });
    const key = newKey();
    await expect(control(t, 'halt', { key, signal: AbortSignal.timeout(300) })).rejects.toThrow();
    const [command] = await waitFor('the abandoned command to execute', async () => {
      const commands = await executed(t);
      return commands.length > 0 ? commands : undefined;
    });
    expect(command?.idempotencyKey).toBe(key);
    await clearFault(t);
    expect(receipt(await control(t, 'halt', { key }), 200).outcome).toBe('duplicate');
    expect(await executed(t)).toHaveLength(1);
  });

  test('malformed-json: executes, but the answer is garbage; a resend after the fault is a duplicate', async () => {
    const t = await startHost();
    await setFault(t, { kind: 'malformed-json' });
    const key = newKey();
    const answer = await control(t, 'halt', { key });
    expect(answer.status).toBe(202);
    expect(answer.body).toBeUndefined();
    const explained = parseJsonOrExplain(answer.text, controlReceiptSchema, 'control receipt');
    expect(explained.ok).toBe(false);
    expect(await executed(t)).toHaveLength(1);
    await clearFault(t);
    expect((await status(t)).tradingState.state).toBe('HALTED');
    expect(receipt(await control(t, 'halt', { key }), 200).outcome).toBe('duplicate');
    expect(await executed(t)).toHaveLength(1);
  });

  test('schema-violation: executes, and the receipt breaks the contract where the explanation says', async () => {
    const t = await startHost();
    await setFault(t, { kind: 'schema-violation' });
    const answer = await control(t, 'halt');
    expect(answer.status).toBe(202);
    const explained = parseJsonOrExplain(answer.text, controlReceiptSchema, 'control receipt');
    if (explained.ok) throw new Error('the receipt passed the schema');
    expect(explained.error).toContain('outcome');
    expect(explained.error).toContain('"ACCEPTED"');
    expect(await executed(t)).toHaveLength(1);

    const who = await request(t.url('/api/v1/operator'), {
      headers: { authorization: `Bearer ${ALICE.token}` },
    });
    expect(parseJsonOrExplain(who.text, operatorSchema, 'operator').ok).toBe(false);
  });
});

import { describe, expect, test } from 'vitest';
import { controlReceiptSchema, executedCommandSchema, streamEventSchema } from '../../contract/schemas.ts';
import type { CommandInput, CommandResult } from './simulator.ts';
import { START, harness } from './test-harness.ts';
import type { Harness } from './test-harness.ts';
import type { ControlReceipt } from './types.ts';

let keys = 0;
/** A fresh idempotency key per command, as the dashboard makes one per command. */
const newKey = () => `key-${String(++keys).padStart(8, '0')}`;

function send(h: Harness, command: Partial<CommandInput> & Pick<CommandInput, 'controlId'>): CommandResult {
  return h.sim.command({ key: newKey(), reason: 'INC-1', operator: 'alice', ...command });
}

function executed(result: CommandResult): ControlReceipt {
  if (result.kind !== 'executed')
    throw new Error(`expected the command to execute, got ${JSON.stringify(result)}`);
  expect(controlReceiptSchema.parse(result.receipt)).toEqual(result.receipt);
  return result.receipt;
}

function refused(result: CommandResult, kind: 'conflict' | 'not-offered' | 'bad-request'): string {
  if (result.kind !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(result)}`);
  return result.message;
}

/** The events emitted from `fromId` on (exclusive). */
const eventsSince = (h: Harness, fromId: number) => h.events.filter((e) => e.id > fromId);
const venueOrders = (h: Harness, id: string) => h.venue(id)?.openOrders ?? NaN;

describe('system controls', () => {
  test('kill-switch: KILLED by the operator, every open order cancelled, all of it in events at once', () => {
    const h = harness(2);
    h.run(10_050);
    expect(h.sim.snapshot().openOrders).toBeGreaterThan(50);
    const before = h.sim.lastEventId;
    const receipt = executed(send(h, { controlId: 'kill-switch', key: 'kill-0001', reason: 'runaway algo' }));
    const now = new Date(START + 10_050).toISOString();
    expect(receipt).toEqual({
      commandId: 'cmd-1',
      idempotencyKey: 'kill-0001',
      controlId: 'kill-switch',
      venueId: null,
      outcome: 'accepted',
      operator: 'alice',
      receivedAt: now,
      expectedTradingState: 'KILLED',
    });
    expect(h.sim.snapshot().tradingState).toEqual({
      state: 'KILLED',
      changedAt: now,
      changedBy: 'alice',
      reason: 'runaway algo',
    });
    expect(h.sim.snapshot().openOrders).toBe(0);

    // Without waiting for the next window: the state, the venues and the orders, all stamped now.
    const reported = eventsSince(h, before);
    expect(reported.map((e) => e.type)).toEqual([
      'trading-state.changed',
      'venues.changed',
      'orders.changed',
    ]);
    expect(reported.every((e) => e.at === now)).toBe(true);
    for (const event of reported) expect(streamEventSchema.parse(event)).toEqual(event);
    const venues = reported.find((e) => e.type === 'venues.changed');
    expect(venues?.type === 'venues.changed' && venues.venues.every((v) => v.openOrders === 0)).toBe(true);
    expect(reported.find((e) => e.type === 'orders.changed')).toMatchObject({ openOrders: 0 });
  });

  test('KILLED shuts the security-breach intruder out (its orders come through our gateway); HALTED does not', () => {
    const halted = harness(6);
    halted.run(5_000);
    executed(send(halted, { controlId: 'halt' }));
    halted.sim.startScenario({ name: 'security-breach' });
    halted.run(20_000);
    const haltedOrders = halted.sim.snapshot().openOrders;
    halted.run(20_000);
    expect(halted.sim.snapshot().openOrders).toBeGreaterThan(haltedOrders); // still piling up

    const h = harness(6);
    h.run(5_000);
    h.sim.startScenario({ name: 'security-breach' });
    h.run(20_000);
    expect(h.sim.snapshot().venues.some((v) => v.openOrders > 0)).toBe(true);
    expect(h.alert('UnknownOrders')).toBeDefined();
    executed(send(h, { controlId: 'kill-switch' }));
    expect(h.sim.snapshot().openOrders).toBe(0);
    const positions = h.sim.snapshot().positions;
    h.run(30_000);
    const after = h.sim.snapshot();
    expect(after.openOrders).toBe(0);
    expect(after.positions.map((p) => p.quantity)).toEqual(positions.map((p) => p.quantity));
    expect(h.alert('UnknownOrders')).toBeUndefined();
    expect(h.sim.scenarios).toContain('security-breach'); // the intruder is still in; only shut out
  });

  test('halt → HALTED, resume → ACTIVE, each by the operator with the reason given', () => {
    const h = harness(3);
    h.run(5_000);
    expect(executed(send(h, { controlId: 'halt', reason: 'INC-2' })).expectedTradingState).toBe('HALTED');
    expect(h.sim.snapshot().tradingState).toMatchObject({
      state: 'HALTED',
      changedBy: 'alice',
      reason: 'INC-2',
    });
    const orders = h.sim.snapshot().openOrders;
    h.run(5_000);
    expect(h.sim.snapshot().openOrders).toBe(orders); // cancels allowed, nothing new: they stay

    const resumed = executed(
      send(h, { controlId: 'resume', operator: 'bob', reason: 'feed back, checks green' }),
    );
    expect(resumed.expectedTradingState).toBe('ACTIVE');
    expect(resumed.operator).toBe('bob');
    expect(h.sim.snapshot().tradingState).toMatchObject({
      state: 'ACTIVE',
      changedBy: 'bob',
      reason: 'feed back, checks green',
    });
  });

  test('a control for the state the system is already in is accepted and changes nothing', () => {
    const h = harness(3);
    h.run(1_000);
    const before = h.sim.lastEventId;
    const receipt = executed(send(h, { controlId: 'resume' }));
    expect(receipt.expectedTradingState).toBe('ACTIVE');
    expect(h.sim.lastEventId).toBe(before);
    expect(h.sim.snapshot().tradingState.changedBy).toBe('system');
    expect(h.sim.executedCommands()).toHaveLength(1);
  });

  test('reduce-positions: REDUCING, by default half over 300 s; params set the share and the time', () => {
    const notional = (h: Harness) => h.sim.snapshot().positions.reduce((sum, p) => sum + p.notional, 0);
    const h = harness(4);
    h.run(10_000);
    const start = notional(h);
    expect(executed(send(h, { controlId: 'reduce-positions' })).expectedTradingState).toBe('REDUCING');
    expect(h.sim.snapshot().tradingState.state).toBe('REDUCING');
    h.run(300_000);
    expect(notional(h) / start).toBeCloseTo(0.5, 1);

    const flat = harness(4);
    flat.run(10_000);
    executed(send(flat, { controlId: 'reduce-positions', params: { reductionPct: 1, timeframeS: 60 } }));
    flat.run(30_000);
    expect(notional(flat) / start).toBeCloseTo(0.5, 1);
    flat.run(30_000);
    expect(notional(flat)).toBe(0);
    flat.run(10_000);
    expect(notional(flat)).toBe(0);
  });
});

describe('venue controls', () => {
  test('venue-cancel-all: that venue’s open orders go to 0 at once, the others keep theirs', () => {
    const h = harness(5);
    h.run(10_050);
    const others = h.sim.snapshot().venues.filter((v) => v.id !== 'okx');
    expect(venueOrders(h, 'okx')).toBeGreaterThan(0);
    const before = h.sim.lastEventId;
    const receipt = executed(send(h, { controlId: 'venue-cancel-all', venueId: 'okx' }));
    expect(receipt).toMatchObject({
      controlId: 'venue-cancel-all',
      venueId: 'okx',
      expectedTradingState: null,
    });
    expect(venueOrders(h, 'okx')).toBe(0);
    expect(
      h.sim
        .snapshot()
        .venues.filter((v) => v.id !== 'okx')
        .map((v) => v.openOrders),
    ).toEqual(others.map((v) => v.openOrders));
    const reported = eventsSince(h, before);
    const venues = reported.find((e) => e.type === 'venues.changed');
    expect(venues?.type === 'venues.changed' && venues.venues.find((v) => v.id === 'okx')?.openOrders).toBe(
      0,
    );
    expect(reported.some((e) => e.type === 'orders.changed')).toBe(true);
    expect(h.sim.snapshot().tradingState.state).toBe('ACTIVE');
  });

  test('venue-cancel-all works during an exchange outage: the order gateway is not the market-data feed', () => {
    const h = harness(5);
    h.run(5_000);
    h.sim.startScenario({ name: 'exchange-outage', venueId: 'okx' });
    h.run(15_000);
    expect(h.venue('okx')?.connection).toBe('DISCONNECTED');
    const stuck = venueOrders(h, 'okx');
    expect(stuck).toBeGreaterThan(0);
    executed(send(h, { controlId: 'venue-cancel-all', venueId: 'okx' }));
    expect(venueOrders(h, 'okx')).toBe(0);
    h.run(10_000);
    expect(venueOrders(h, 'okx')).toBe(0);
    expect(h.venue('okx')?.connection).toBe('DISCONNECTED');
  });

  test('venue-cancel-all takes the intruder’s orders on that venue too', () => {
    const h = harness(6);
    h.run(5_000);
    executed(send(h, { controlId: 'halt' }));
    h.sim.startScenario({ name: 'security-breach' });
    h.run(20_000);
    const breached = h.sim.snapshot().venues.filter((v) => v.openOrders > 0);
    const target = breached[0]!.id;
    executed(send(h, { controlId: 'venue-cancel-all', venueId: target }));
    expect(venueOrders(h, target)).toBe(0);
  });

  test('venue-disable: enabled false at once, enabled again after durationS of simulated time', () => {
    const h = harness(7);
    h.run(5_000);
    const before = h.sim.lastEventId;
    executed(send(h, { controlId: 'venue-disable', venueId: 'bybit', params: { durationS: 60 } }));
    expect(h.venue('bybit')?.enabled).toBe(false);
    const changed = eventsSince(h, before).find((e) => e.type === 'venues.changed');
    expect(changed?.type === 'venues.changed' && changed.venues.find((v) => v.id === 'bybit')?.enabled).toBe(
      false,
    );
    h.run(59_900);
    expect(h.venue('bybit')?.enabled).toBe(false);
    expect(venueOrders(h, 'bybit')).toBe(0); // nothing new placed; the open ones filled or went
    h.run(100);
    expect(h.venue('bybit')?.enabled).toBe(true);
    const back = h.ofType('venues.changed').at(-1);
    expect(back?.at).toBe(new Date(START + 65_000).toISOString());
    expect(back?.venues.find((v) => v.id === 'bybit')?.enabled).toBe(true);
  });

  test('venue-disable without a duration lasts an hour', () => {
    const h = harness(7);
    executed(send(h, { controlId: 'venue-disable', venueId: 'kraken' }));
    h.run(3_599_900);
    expect(h.venue('kraken')?.enabled).toBe(false);
    h.run(100);
    expect(h.venue('kraken')?.enabled).toBe(true);
  }, 30_000);

  test('venue-reconnect while the exchange is still down changes nothing; once it is up, reconnects at once', () => {
    const h = harness(8);
    h.run(5_000);
    h.sim.startScenario({ name: 'exchange-outage', venueId: 'okx' });
    h.run(15_000);
    const down = h.venue('okx');
    expect(down?.connection).toBe('DISCONNECTED');
    const before = h.sim.lastEventId;
    const receipt = executed(send(h, { controlId: 'venue-reconnect', venueId: 'okx' }));
    expect(receipt.expectedTradingState).toBeNull();
    expect(h.venue('okx')).toEqual(down);
    expect(h.sim.lastEventId).toBe(before);

    h.sim.stopScenario('exchange-outage');
    expect(h.venue('okx')?.connection).toBe('DISCONNECTED'); // until the next step
    executed(send(h, { controlId: 'venue-reconnect', venueId: 'okx' }));
    expect(h.venue('okx')?.connection).toBe('CONNECTED');
    const changed = eventsSince(h, before).find((e) => e.type === 'venues.changed');
    expect(changed?.type === 'venues.changed' && changed.venues.find((v) => v.id === 'okx')?.connection).toBe(
      'CONNECTED',
    );
  });
});

describe('idempotency', () => {
  test('the same key again is a duplicate carrying the first receipt, and nothing runs twice', () => {
    const h = harness(9);
    h.run(10_000);
    const command = { key: 'cancel-okx-1', controlId: 'venue-cancel-all', venueId: 'okx' } as const;
    const first = executed(send(h, command));
    h.run(5_000); // orders come back on okx meanwhile
    const refilled = venueOrders(h, 'okx');
    expect(refilled).toBeGreaterThan(0);
    const events = h.sim.lastEventId;

    for (let i = 0; i < 2; i++) {
      const again = send(h, command);
      expect(again).toEqual({ kind: 'duplicate', receipt: { ...first, outcome: 'duplicate' } });
    }
    expect(venueOrders(h, 'okx')).toBe(refilled);
    expect(h.sim.lastEventId).toBe(events);
    expect(h.sim.executedCommands()).toEqual([
      {
        commandId: first.commandId,
        idempotencyKey: 'cancel-okx-1',
        controlId: 'venue-cancel-all',
        venueId: 'okx',
        operator: 'alice',
        reason: 'INC-1',
        executedAt: first.receivedAt,
      },
    ]);
    for (const c of h.sim.executedCommands()) expect(executedCommandSchema.parse(c)).toEqual(c);
  });

  test('params in another key order are the same request', () => {
    const h = harness(9);
    const params = { reductionPct: 0.5, timeframeS: 300 };
    executed(send(h, { key: 'reduce-0001', controlId: 'reduce-positions', params }));
    const again = send(h, {
      key: 'reduce-0001',
      controlId: 'reduce-positions',
      params: { timeframeS: 300, reductionPct: 0.5 },
    });
    expect(again.kind).toBe('duplicate');
  });

  test('the same key for a different command is a conflict, and nothing runs', () => {
    const h = harness(10);
    h.run(1_000);
    executed(send(h, { key: 'shared-key-1', controlId: 'halt', reason: 'INC-3' }));
    const events = h.sim.lastEventId;
    for (const other of [
      { controlId: 'kill-switch' },
      { controlId: 'halt', reason: 'another reason' },
    ] as const) {
      const message = refused(send(h, { key: 'shared-key-1', reason: 'INC-3', ...other }), 'conflict');
      expect(message).toContain('halt');
      expect(message).toContain('nothing was executed');
    }
    expect(h.sim.snapshot().tradingState.state).toBe('HALTED');
    expect(h.sim.lastEventId).toBe(events);
    expect(h.sim.executedCommands()).toHaveLength(1);

    executed(send(h, { key: 'venue-key-1', controlId: 'venue-cancel-all', venueId: 'okx' }));
    expect(
      refused(send(h, { key: 'venue-key-1', controlId: 'venue-cancel-all', venueId: 'bybit' }), 'conflict'),
    ).toContain('venue-cancel-all on okx');
  });
});

describe('refused controls', () => {
  test.for(['routing-conservative', 'venue-failover', 'regime-manual', 'maintenance-mode'] as const)(
    '%s is not offered, says why and what is, and spends no key',
    (controlId) => {
      const h = harness(11);
      const message = refused(send(h, { key: 'not-offered', controlId }), 'not-offered');
      expect(message).toContain(`does not offer ${controlId}`);
      expect(message).toContain('kill-switch, halt, resume');
      expect(h.sim.executedCommands()).toEqual([]);
      executed(send(h, { key: 'not-offered', controlId: 'halt' }));
    },
  );

  test.for([
    [
      'an unknown venue',
      { controlId: 'venue-cancel-all', venueId: 'nasdaq' },
      ['unknown venue "nasdaq"', 'binance, bybit, okx, kraken'],
    ],
    ['no venue', { controlId: 'venue-disable' }, ['venue-disable needs a venueId']],
    ['a venue on a system control', { controlId: 'halt', venueId: 'okx' }, ['halt acts on the whole system']],
    [
      'an unknown param',
      { controlId: 'venue-disable', venueId: 'okx', params: { duration: 60 } },
      ['unexpected params', 'duration', 'takes durationS'],
    ],
    [
      'params on a control without any',
      { controlId: 'kill-switch', params: { now: true } },
      ['takes no params'],
    ],
    [
      'a negative duration',
      { controlId: 'venue-disable', venueId: 'okx', params: { durationS: -5 } },
      ['params.durationS', '-5'],
    ],
    [
      'a reduction over 100 %',
      { controlId: 'reduce-positions', params: { reductionPct: 1.5 } },
      ['params.reductionPct', 'at most 1'],
    ],
  ] as const)(
    '%s is a bad request naming the problem; nothing runs and the key stays unspent',
    ([, command, named]) => {
      const h = harness(12);
      h.run(1_000);
      const snapshot = h.sim.snapshot();
      const message = refused(send(h, { key: 'bad-key-001', ...command }), 'bad-request');
      for (const part of named) expect(message).toContain(part);
      expect(h.sim.snapshot()).toEqual(snapshot);
      expect(h.sim.executedCommands()).toEqual([]);
      executed(send(h, { key: 'bad-key-001', controlId: 'venue-cancel-all', venueId: 'okx' }));
    },
  );

  test('without a key nothing runs', () => {
    const h = harness(12);
    expect(refused(send(h, { key: '', controlId: 'halt' }), 'bad-request')).toContain('idempotency key');
  });
});

import { describe, expect, test } from 'vitest';
import {
  controlReceiptFixture,
  controlRequestFixture,
  eventFixtures,
  eventPageFixture,
  executedCommandFixture,
  operatorFixture,
  simStateFixture,
  snapshotFixture,
  streamEventFixtures,
} from './fixtures.ts';
import {
  clockCommandSchema,
  controlReceiptSchema,
  controlRequestSchema,
  eventPageSchema,
  executedCommandSchema,
  faultSchema,
  operatorSchema,
  problemSchema,
  scenarioStartSchema,
  simStateSchema,
  snapshotSchema,
  streamEventSchema,
} from './schemas.ts';
import { parseJsonOrExplain, parseOrExplain } from './validate.ts';

function explain(
  schema: Parameters<typeof parseOrExplain>[0],
  data: unknown,
  what = 'status snapshot',
): string {
  const result = parseOrExplain(schema, data, what);
  if (result.ok) throw new Error(`expected ${what} to be rejected`);
  return result.error;
}

describe('valid data', () => {
  test('the snapshot fixture parses to an equal value', () => {
    expect(parseOrExplain(snapshotSchema, snapshotFixture, 'status snapshot')).toEqual({
      ok: true,
      value: snapshotFixture,
    });
  });

  test.each(Object.keys(eventFixtures))('the %s event parses', (type) => {
    const event = streamEventFixtures.find((candidate) => candidate.type === type);
    const result = parseOrExplain(streamEventSchema, event, 'stream event');
    expect(result).toEqual({ ok: true, value: event });
  });

  test('the events page and simulator state parse', () => {
    expect(parseOrExplain(eventPageSchema, eventPageFixture, 'missed events').ok).toBe(true);
    expect(parseOrExplain(simStateSchema, simStateFixture, 'sim state').ok).toBe(true);
  });

  test('JSON text parses', () => {
    const result = parseJsonOrExplain(JSON.stringify(snapshotFixture), snapshotSchema, 'status snapshot');
    expect(result).toEqual({ ok: true, value: snapshotFixture });
  });

  test('a time stamp with a UTC offset is accepted; unknown fields are dropped, not rejected', () => {
    const snapshot = { ...structuredClone(snapshotFixture), asOf: '2025-03-14T09:30:05+00:00', extra: 1 };
    const result = parseOrExplain(snapshotSchema, snapshot, 'status snapshot');
    expect(result.ok && result.value.asOf).toBe('2025-03-14T09:30:05+00:00');
    expect(result.ok && 'extra' in result.value).toBe(false);
  });

  test('control and drill-control shapes accept valid data', () => {
    const ok = (schema: Parameters<typeof parseOrExplain>[0], data: unknown) =>
      parseOrExplain(schema, data, 'x');
    expect(ok(problemSchema, { title: 'Unavailable', status: 503, detail: 'Engine restarting' }).ok).toBe(
      true,
    );
    expect(ok(controlRequestSchema, controlRequestFixture)).toEqual({
      ok: true,
      value: controlRequestFixture,
    });
    expect(ok(controlRequestSchema, { reason: 'INC-7' }).ok).toBe(true);
    expect(ok(controlReceiptSchema, controlReceiptFixture)).toEqual({
      ok: true,
      value: controlReceiptFixture,
    });
    const venueReceipt = {
      ...controlReceiptFixture,
      controlId: 'venue-cancel-all',
      venueId: 'okx',
      outcome: 'duplicate',
      expectedTradingState: null,
    };
    expect(ok(controlReceiptSchema, venueReceipt).ok).toBe(true);
    expect(ok(operatorSchema, operatorFixture)).toEqual({ ok: true, value: operatorFixture });
    expect(ok(executedCommandSchema, executedCommandFixture)).toEqual({
      ok: true,
      value: executedCommandFixture,
    });
    expect(ok(scenarioStartSchema, { name: 'exchange-outage', venueId: 'xnys' }).ok).toBe(true);
    expect(ok(faultSchema, { kind: 'down' }).ok).toBe(true);
    expect(ok(clockCommandSchema, {}).ok).toBe(true);
    expect(ok(clockCommandSchema, { paused: true, speed: 10, advanceMs: 60_000 }).ok).toBe(true);
  });
});

describe('rejected data, explained', () => {
  test('a wrong enum value names the path, the allowed values and what came', () => {
    const snapshot = structuredClone(snapshotFixture);
    Object.assign(snapshot.venues[2] ?? {}, { connection: 'UP' });
    expect(explain(snapshotSchema, snapshot)).toBe(
      'status snapshot: venues[2].connection: expected one of CONNECTED, DEGRADED, DISCONNECTED, got "UP"',
    );
  });

  test('a missing field', () => {
    const { tradingState: _dropped, ...snapshot } = structuredClone(snapshotFixture);
    expect(explain(snapshotSchema, snapshot)).toBe(
      'status snapshot: tradingState: missing, expected an object',
    );
  });

  test('a wrong type', () => {
    const snapshot = { ...structuredClone(snapshotFixture), openOrders: '15' };
    expect(explain(snapshotSchema, snapshot)).toBe(
      'status snapshot: openOrders: expected a number, got "15"',
    );
  });

  test('a fraction where an integer is required', () => {
    const snapshot = { ...structuredClone(snapshotFixture), eventId: 41.5 };
    expect(explain(snapshotSchema, snapshot)).toBe('status snapshot: eventId: expected an integer, got 41.5');
  });

  test('null where null is not allowed, and a non-null nullable of the wrong type', () => {
    const snapshot = structuredClone(snapshotFixture);
    Object.assign(snapshot.tradingState, { reason: null });
    Object.assign(snapshot.services[0] ?? {}, { detail: 5 });
    expect(explain(snapshotSchema, snapshot)).toBe(
      'status snapshot: tradingState.reason: expected a string, got null; services[0].detail: expected a string, got 5',
    );
  });

  test('an error rate outside [0, 1]', () => {
    const event = structuredClone(eventFixtures['metrics.window']);
    event.window.errorRate = 1.7;
    expect(explain(streamEventSchema, event, 'stream event')).toBe(
      'stream event: window.errorRate: expected at most 1, got 1.7',
    );
    event.window.errorRate = -0.1;
    expect(explain(streamEventSchema, event, 'stream event')).toBe(
      'stream event: window.errorRate: expected at least 0, got -0.1',
    );
  });

  test('a time stamp that is not an ISO-8601 date-time, or has no zone', () => {
    const event = { ...structuredClone(eventFixtures['services.checked']), checkedAt: 'yesterday' };
    expect(explain(streamEventSchema, event, 'stream event')).toBe(
      'stream event: checkedAt: expected an ISO-8601 date-time such as 2024-05-01T12:00:00Z, got "yesterday"',
    );
    const local = { ...structuredClone(eventFixtures['services.checked']), at: '2025-03-14T09:30:05' };
    expect(explain(streamEventSchema, local, 'stream event')).toMatch(
      /^stream event: at: expected an ISO-8601/,
    );
  });

  test('an unknown event type lists the known ones', () => {
    const event = { id: 51, at: '2025-03-14T09:30:09.000Z', type: 'order.filled' };
    expect(explain(streamEventSchema, event, 'stream event')).toBe(
      'stream event: type: expected one of reset, service.changed, services.checked, venues.changed, ' +
        'metrics.window, trading-state.changed, alert.firing, alert.cleared, orders.changed, sources.problems, got "order.filled"',
    );
  });

  test('an event of a known type is checked against its own shape', () => {
    const event = { ...structuredClone(eventFixtures['alert.cleared']), id: -1 };
    expect(explain(streamEventSchema, event, 'stream event')).toBe(
      'stream event: id: expected at least 0, got -1',
    );
  });

  test('a bad event inside an events page', () => {
    const page = structuredClone(eventPageFixture);
    Object.assign(page.events[2] ?? {}, { venues: {} });
    expect(explain(eventPageSchema, page, 'missed events')).toBe(
      'missed events: events[2].venues: expected an array, got an object',
    );
  });

  test('not an object at all', () => {
    expect(explain(snapshotSchema, [])).toBe('status snapshot: expected an object, got an array');
    expect(explain(snapshotSchema, null)).toBe('status snapshot: expected an object, got null');
  });

  test('at most three issues are listed, with a count of the rest', () => {
    const error = explain(snapshotSchema, {});
    expect(error).toBe(
      'status snapshot: system: missing, expected an object; instance: missing, expected a string; ' +
        'asOf: missing, expected a string (and 8 more)',
    );
  });

  test('long strings are shortened', () => {
    const snapshot = structuredClone(snapshotFixture);
    Object.assign(snapshot.system, { environment: 'x'.repeat(500) });
    expect(explain(snapshotSchema, snapshot).length).toBeLessThan(150);
  });

  test('length limits are stated in characters', () => {
    const request = { reason: 'x'.repeat(2001) };
    expect(explain(controlRequestSchema, request, 'control request')).toBe(
      'control request: reason: expected at most 2000 characters, got 2001 characters',
    );
  });

  test('a control request names what it does not take (the key and operator travel in headers)', () => {
    const request = { reason: 'INC-7', operator: 'j.doe', idempotencyKey: 'a1b2c3d4e5' };
    expect(explain(controlRequestSchema, request, 'control request')).toBe(
      'control request: unexpected fields operator, idempotencyKey',
    );
    expect(explain(controlRequestSchema, {}, 'control request')).toBe(
      'control request: reason: missing, expected a string',
    );
  });

  test('a receipt may no longer say `rejected`: refusals are problems with a status', () => {
    const receipt = { ...controlReceiptFixture, outcome: 'rejected' };
    expect(explain(controlReceiptSchema, receipt, 'control receipt')).toBe(
      'control receipt: outcome: expected one of accepted, duplicate, got "rejected"',
    );
  });

  test('drill-control bounds: exclusive minimum speed, bounded delay', () => {
    expect(explain(clockCommandSchema, { speed: 0 }, 'clock command')).toBe(
      'clock command: speed: expected more than 0, got 0',
    );
    expect(explain(faultSchema, { kind: 'slow', delayMs: 120_001 }, 'fault')).toBe(
      'fault: delayMs: expected at most 120000, got 120001',
    );
    expect(explain(faultSchema, { kind: 'flaky' }, 'fault')).toBe(
      'fault: kind: expected one of down, slow, http-500, malformed-json, schema-violation, stream-drop, got "flaky"',
    );
  });
});

describe('raw text', () => {
  test('malformed JSON says so, quoting the start of the text', () => {
    const result = parseJsonOrExplain(
      '<html><body>502 Bad Gateway</body></html>',
      snapshotSchema,
      'status snapshot',
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^status snapshot: not valid JSON \(.*<html>/);
  });

  test('truncated JSON', () => {
    const text = JSON.stringify(snapshotFixture).slice(0, 50);
    const result = parseJsonOrExplain(text, snapshotSchema, 'status snapshot');
    expect(!result.ok && result.error).toMatch(/^status snapshot: not valid JSON \(/);
  });

  test('an empty body', () => {
    expect(parseJsonOrExplain('  ', snapshotSchema, 'status snapshot')).toEqual({
      ok: false,
      error: 'status snapshot: empty body, expected JSON',
    });
  });

  test('valid JSON of the wrong shape is explained like parsed data', () => {
    expect(parseJsonOrExplain('{"type":"nope"}', streamEventSchema, 'stream event')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^stream event: type: expected one of reset, .*got "nope"$/),
    });
  });
});

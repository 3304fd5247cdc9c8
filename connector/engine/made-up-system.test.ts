// A sixth system, connected with nothing but a profile file: its own field names, enums,
// units, time formats and authentication, read and controlled through the connector.
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { StreamEvent } from '../../contract/schemas.ts';
import { TEST_TIMEOUT_MS, waitFor } from '../../http-kit/testing/wait.ts';
import { loadProfileFile } from '../profile/load.ts';
import { DESK_KEY, startMadeUpSystem } from '../testing/made-up-system.ts';
import type { MadeUpSystem } from '../testing/made-up-system.ts';
import { SystemConnector } from './system-connector.ts';

const PROFILE = fileURLToPath(new URL('../testing/made-up-system.profile.yaml', import.meta.url));

let native: MadeUpSystem;
let connector: SystemConnector;

function connect(env: Record<string, string> = {}): SystemConnector {
  const loaded = loadProfileFile(PROFILE, {
    MADE_UP_URL: `http://127.0.0.1:${native.port}`,
    MADE_UP_DESK_KEY: DESK_KEY,
    ...env,
  });
  if (!loaded.ok) throw new Error(loaded.error);
  connector = new SystemConnector({ loaded: loaded.loaded });
  connector.start();
  return connector;
}

const command = (
  controlId: 'halt' | 'resume' | 'venue-cancel-all' | 'kill-switch',
  key: string,
  venueId?: string,
) => connector.command({ key, controlId, venueId, reason: 'drill: freeze the desk', operator: 'alice' });

beforeEach(async () => {
  native = await startMadeUpSystem();
});
afterEach(async () => {
  await connector?.stop();
  await native.close();
});

describe('a made-up system connected by its profile alone', { timeout: TEST_TIMEOUT_MS }, () => {
  test('every section it offers is read into the canonical model, in canonical units and words', async () => {
    connect();
    const snapshot = await waitFor('a snapshot with a metrics window', () => {
      const s = connector.snapshot();
      return s && s.metrics.windows.length > 0 ? s : undefined;
    });
    expect(connector.reachable).toBe(true);
    expect(snapshot.tradingState).toMatchObject({ state: 'ACTIVE', changedAt: '2023-11-14T22:13:20.000Z' });
    expect(snapshot.venues).toEqual([
      expect.objectContaining({ id: 'XLON', connection: 'CONNECTED', enabled: true, openOrders: 4 }),
      expect.objectContaining({ id: 'XPAR', connection: 'DEGRADED', enabled: true, openOrders: 2 }),
    ]);
    // "12 seconds ago" is dated from the read.
    const xpar = snapshot.venues[1]?.lastMarketDataAt ?? '';
    expect(Date.now() - Date.parse(xpar)).toBeGreaterThanOrEqual(11_000);
    const window = snapshot.metrics.windows.at(-1);
    expect(window?.latencyP99).toEqual({ value: 750, unit: 'us' });
    expect(window?.errorRate).toBeCloseTo(0.004);
    expect(snapshot.positions).toEqual([
      { symbol: 'VOD.L', venueId: 'XLON', quantity: -1000, notional: 71_500 },
    ]);
    expect(snapshot.openOrders).toBe(6);
    await waitFor('the probe', () => (connector.snapshot()?.services.length ? true : undefined));
    expect(connector.snapshot()?.services).toEqual([
      expect.objectContaining({ id: 'desk-api', name: 'Desk API', health: 'UP' }),
    ]);
  });

  test('what it does not offer, and what it offers only by hand, is said so', () => {
    connect();
    expect(connector.info.notOffered).toEqual([
      { section: 'alerts', reason: 'The made-up desk raises its alerts by telephone.' },
    ]);
    expect(connector.info.manualControls).toEqual([
      {
        controlId: 'kill-switch',
        command: 'deskctl stop --all --yes',
        note: 'Run on the desk host; it asks for nothing.',
      },
    ]);
    expect(connector.info.controls).toEqual(['halt', 'resume', 'venue-cancel-all']);
    // HALTED and ACTIVE are in the state map, and the books carry their resting orders.
    expect(connector.info.unconfirmable).toEqual([]);
  });

  test('a control goes through its native endpoint with the desk key, once per key, and is read back', async () => {
    connect();
    await waitFor('reachable', () => (connector.reachable ? true : undefined));
    const events: StreamEvent[] = [];
    connector.subscribe((e) => events.push(e));

    const first = await command('halt', 'key-halt-0001');
    expect(first).toMatchObject({
      kind: 'executed',
      receipt: { operator: 'alice', expectedTradingState: 'HALTED' },
    });
    expect(native.state.mode).toBe('FROZEN');
    await waitFor('the halt read back', () =>
      connector.snapshot()?.tradingState.state === 'HALTED' ? true : undefined,
    );
    expect(events.some((e) => e.type === 'trading-state.changed' && e.tradingState.state === 'HALTED')).toBe(
      true,
    );

    // The same key again: its first receipt, and nothing sent twice.
    const freezes = () => native.requests.filter((r) => r === 'POST /desk/freeze').length;
    expect(await command('halt', 'key-halt-0001')).toMatchObject({
      kind: 'duplicate',
      receipt: { outcome: 'duplicate' },
    });
    expect(freezes()).toBe(1);

    const cancel = await command('venue-cancel-all', 'key-cancel-01', 'XPAR');
    expect(cancel.kind).toBe('executed');
    await waitFor('the book flattened', () =>
      connector.snapshot()?.venues.find((v) => v.id === 'XPAR')?.openOrders === 0 ? true : undefined,
    );
  });

  test('refusals say why and run nothing', async () => {
    connect();
    await waitFor('reachable', () => (connector.reachable ? true : undefined));
    expect(await command('venue-cancel-all', 'key-cancel-02', 'XNYS')).toMatchObject({
      kind: 'refused',
      status: 400,
      detail: expect.stringContaining('no venue "XNYS"'),
    });
    expect(await command('kill-switch', 'key-kill-0001')).toMatchObject({
      kind: 'refused',
      status: 501,
      detail: expect.stringContaining('deskctl stop --all --yes'),
    });
    expect(native.requests.some((r) => r.includes('flatten'))).toBe(false);
  });

  test('a wrong desk key: the system refuses, and the board says it cannot be read', async () => {
    connect({ MADE_UP_DESK_KEY: 'not-the-key' });
    await waitFor('a verdict', () =>
      !connector.reachable && connector.problem?.includes('HTTP 403') ? true : undefined,
    );
    expect(connector.reachable).toBe(false);
  });

  test('a system that goes down is unreachable with why, and comes back by itself', async () => {
    connect();
    await waitFor('reachable', () => (connector.reachable ? true : undefined));
    native.failWith = 500;
    await waitFor('unreachable', () => (!connector.reachable ? true : undefined));
    expect(connector.problem).toMatch(/HTTP 500/);
    // The last-known picture is kept.
    expect(connector.snapshot()?.venues).toHaveLength(2);
    native.failWith = null;
    await waitFor('reachable again', () => (connector.reachable ? true : undefined));
  });

  test('a section whose values stop fitting keeps its last value, and says why in the snapshot and the stream', async () => {
    connect();
    await waitFor('venues read', () => (connector.snapshot()?.venues.length === 2 ? true : undefined));
    const events: StreamEvent[] = [];
    connector.subscribe((e) => events.push(e));
    const book = native.state.books[1];
    if (book) book.link = 'wobbly' as never;
    const problem = await waitFor('the problem', () =>
      connector.snapshot()?.problems?.find((p) => p.section === 'venues'),
    );
    expect(problem.problem).toBe(
      'venues[XPAR].connection: "wobbly" is none of CONNECTED, DEGRADED, DISCONNECTED (add it to the field\'s map)',
    );
    expect(connector.snapshot()?.venues.find((v) => v.id === 'XPAR')?.connection).toBe('DEGRADED');
    // The rest of the board keeps going, and the problem went out on the stream.
    expect(connector.reachable).toBe(true);
    expect(events).toContainEqual(expect.objectContaining({ type: 'sources.problems', problems: [problem] }));
    if (book) book.link = 'up';
    await waitFor('cleared', () => (connector.snapshot()?.problems?.length === 0 ? true : undefined));
    expect(events.at(-1)).toMatchObject({ type: expect.any(String) });
    expect(events.some((e) => e.type === 'sources.problems' && e.problems.length === 0)).toBe(true);
  });

  test('orders that appear after a confirmed halt raise ORDERS AFTER HALT', async () => {
    connect();
    await waitFor('reachable', () => (connector.reachable ? true : undefined));
    await command('halt', 'key-halt-0002');
    await waitFor('halted', () => (connector.snapshot()?.tradingState.state === 'HALTED' ? true : undefined));
    const book = native.state.books[0];
    if (book) book.resting += 3;
    const alert = await waitFor('the alarm', () =>
      connector.snapshot()?.alerts.find((a) => a.name === 'ORDERS AFTER HALT'),
    );
    expect(alert).toMatchObject({
      severity: 'critical',
      summary: expect.stringContaining('3 new open order(s) after the halt'),
    });
    await command('resume', 'key-resume-01');
    await waitFor('cleared on resume', () =>
      connector.snapshot()?.alerts.some((a) => a.name === 'ORDERS AFTER HALT') ? undefined : true,
    );
  });
});

describe('events carry changes only', { timeout: TEST_TIMEOUT_MS }, () => {
  test('a quiet system sends no orders.changed; a new resting order sends one', async () => {
    connect();
    await waitFor('positions read', () => (connector.snapshot()?.positions.length ? true : undefined));
    const events: StreamEvent[] = [];
    connector.subscribe((e) => events.push(e));
    // Reads go on (each one a window): no order moved, so no orders event.
    await waitFor('three windows', () =>
      events.filter((e) => e.type === 'metrics.window').length >= 3 ? true : undefined,
    );
    expect(events.filter((e) => e.type === 'orders.changed')).toEqual([]);
    const book = native.state.books[0];
    if (book) book.resting += 1;
    await waitFor('an orders event', () => events.find((e) => e.type === 'orders.changed'));
  });

  test('a venue that is gone is said by a whole snapshot (a reset): changes alone cannot remove it', async () => {
    connect();
    await waitFor('both venues read', () => (connector.snapshot()?.venues.length === 2 ? true : undefined));
    const events: StreamEvent[] = [];
    connector.subscribe((e) => events.push(e));
    native.state.books = native.state.books.filter((b) => b.code !== 'XPAR');
    const reset = await waitFor('a reset', () => events.find((e) => e.type === 'reset'));
    expect(reset.type === 'reset' && reset.snapshot.venues.map((v) => v.id)).toEqual(['XLON']);
    // It is an event like the others: its snapshot has its id, and a client resuming gets it.
    expect(reset.type === 'reset' && reset.snapshot.eventId).toBe(reset.id);
    expect(connector.eventPage(reset.id - 1, null, 10).events[0]).toEqual(reset);
    // Venues that only change do not bring one.
    const resets = events.filter((e) => e.type === 'reset').length;
    const book = native.state.books[0];
    if (book) book.link = 'flaky';
    await waitFor('the change', () =>
      events.find((e) => e.type === 'venues.changed' && e.venues.some((v) => v.connection === 'DEGRADED')),
    );
    expect(events.filter((e) => e.type === 'reset')).toHaveLength(resets);
  });
});

import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { snapshotFixture } from '../../contract/fixtures.ts';
import type { ControlReceipt, TradingStateName } from '../../contract/schemas.ts';
import { fromSnapshot } from '../live/apply-event.ts';
import type { LiveState } from '../live/live-state.ts';
import { parseSnapshotParts } from '../live/parse.ts';
import type { Person } from '../session/war-room-session.ts';
import { server } from '../testing/msw-server.ts';
import { CommandCenter, resetCommands } from './command-center.ts';
import type { Command } from './command-machine.ts';
import { sendControl } from './send-control.ts';

const base = 'http://trading.test/api/v1';
const system = { systemId: 'rtes', apiBaseUrl: base };

const alice: Person = { name: 'alice', role: 'commander' };

/** The app's transport, to the war-room server msw stands in for, as whoever is signed in. */
function transport(person: Person | null = alice, timeoutMs = 1000) {
  return {
    system,
    send: (command: Command) => sendControl(command, { apiBaseUrl: base, timeoutMs }),
    person: () => person,
  };
}

function liveStateWith(state: TradingStateName): LiveState {
  const raw = {
    ...structuredClone(snapshotFixture),
    tradingState: { ...snapshotFixture.tradingState, state },
  };
  const parts = parseSnapshotParts(raw, 'test');
  if (!parts.ok) throw new Error(parts.error);
  return fromSnapshot(parts.value, null, 0);
}

/** A live state the test moves by hand, as the stream would. */
function liveHolder(initial: LiveState) {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next: LiveState) {
      state = next;
      listeners.forEach((l) => l());
    },
    subscribe(l: () => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

function receiptFor(key: string): ControlReceipt {
  return {
    commandId: `cmd-${key}`,
    idempotencyKey: key,
    controlId: 'halt',
    venueId: null,
    outcome: 'accepted',
    operator: 'alice',
    receivedAt: new Date().toISOString(),
    expectedTradingState: 'HALTED',
  };
}

let center: CommandCenter | null = null;
afterEach(() => {
  center?.dispose();
  resetCommands();
  vi.restoreAllMocks();
});

/** Reports are made once the runner's current step is done (a microtask later): let them come. */
const reportsMade = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(opts: { person?: Person | null; deadlineMs?: number; report?: (c: Command) => void } = {}) {
  const live = liveHolder(liveStateWith('ACTIVE'));
  const posts: string[] = [];
  const reported: Command[] = [];
  server.use(
    http.post(`${base}/controls/halt`, ({ request }) => {
      const key = request.headers.get('idempotency-key')!;
      posts.push(key);
      return HttpResponse.json(receiptFor(key), { status: 202 });
    }),
  );
  center = new CommandCenter({
    ...transport(opts.person === undefined ? alice : opts.person),
    deadlineMs: opts.deadlineMs ?? 3000,
    liveState: live.get,
    subscribeLive: live.subscribe,
    report: opts.report ?? ((c) => reported.push(c)),
  });
  return { live, posts, reported, center };
}

describe('CommandCenter', () => {
  test('halt: sent once, accepted, confirmed only when the live state shows HALTED', async () => {
    const { live, posts, reported, center } = setup();
    const fired = center.fire('halt', {}, 'INC-7 exchange outage');
    expect(fired.ok).toBe(true);
    // Answered now (accepted, or unconfirmed if its deadline had passed), under the first key.
    await vi.waitFor(() => expect(reported.at(-1)?.receipt).toBeTruthy());
    expect(['accepted', 'unconfirmed']).toContain(reported.at(-1)?.phase);
    live.set(liveStateWith('ACTIVE')); // news, but not the promised state
    await reportsMade();
    expect(reported.at(-1)?.phase).toBe('accepted');
    live.set(liveStateWith('HALTED'));
    await vi.waitFor(() => expect(reported.at(-1)?.phase).toBe('confirmed'));
    expect(posts).toHaveLength(1);
  });

  test('a command names the system it went to', () => {
    const { center } = setup();
    const fired = center.fire('halt', {}, 'INC-7');
    expect(fired.ok && fired.command.system).toEqual(system);
  });

  test('on a system that cannot show the effect, accepted stays accepted: never confirmed', async () => {
    const { live, reported, center } = setup({ deadlineMs: 100 });
    const unconfirmable = liveStateWith('ACTIVE');
    live.set({ ...unconfirmable, system: { ...unconfirmable.system, unconfirmable: ['halt'] } });
    const fired = center.fire('halt', {}, 'INC-7');
    expect(fired.ok && fired.command.verifiable).toBe(false);
    await vi.waitFor(() => expect(reported.at(-1)?.phase).toBe('accepted'));
    // HALTED shows, the deadline passes: still only accepted, and a new press is a new command.
    const halted = liveStateWith('HALTED');
    live.set({ ...halted, system: { ...halted.system, unconfirmable: ['halt'] } });
    await new Promise((r) => setTimeout(r, 150));
    expect(reported.map((c) => c.phase)).not.toContain('confirmed');
    expect(reported.map((c) => c.phase)).not.toContain('unconfirmed');
  });

  test('a second press while the first is in the air is the same command: one request', async () => {
    const { posts, center } = setup();
    const first = center.fire('halt', {}, 'INC-7');
    const second = center.fire('halt', {}, 'INC-7');
    expect(first.ok && second.ok && first.command.key === second.command.key).toBe(true);
    await vi.waitFor(() => expect(posts).toHaveLength(1));
  });

  test('accepted but never observed: UNCONFIRMED at the deadline', async () => {
    const { reported, center } = setup({ deadlineMs: 150 });
    center.fire('halt', {}, 'INC-7');
    await vi.waitFor(() => expect(reported.at(-1)?.phase).toBe('unconfirmed'));
  });

  test('signed out, as a viewer, or when it makes no sense now, nothing is sent', async () => {
    expect(setup({ person: null }).center.fire('halt', {}, 'x')).toEqual({
      ok: false,
      error: 'Sign in to the war room to use the controls.',
    });
    center!.dispose();
    const asViewer = setup({ person: { name: 'vic', role: 'viewer' } });
    expect(asViewer.center.fire('halt', {}, 'x')).toEqual({
      ok: false,
      error: 'vic is a viewer: only a commander may use the controls.',
    });
    await reportsMade();
    expect(asViewer.posts).toEqual([]);
    center!.dispose();
    const { live, posts, center: c } = setup();
    expect(c.fire('resume', {}, '  ')).toEqual({ ok: false, error: 'A reason is required.' });
    expect(c.fire('halt', {}, 'x'.repeat(2001))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/at most 2000/),
    });
    live.set(liveStateWith('HALTED'));
    expect(c.fire('halt', {}, 'INC-7')).toEqual({ ok: false, error: 'Halt trading: already halted' });
    expect(posts).toHaveLength(0);
  });

  test('stopping trading never waits on a form: no reason is recorded as such', async () => {
    const { posts, center } = setup();
    const fired = center.fire('halt', {}, '');
    expect(fired.ok && fired.command.reason).toBe('no reason given');
    await vi.waitFor(() => expect(posts).toHaveLength(1));
  });

  test('a control whose effect is already there is not sent: it could only be confirmed by what it did not do', () => {
    const { live, posts, center } = setup();
    const raw = liveStateWith('ACTIVE');
    live.set({ ...raw, venues: raw.venues!.map((v) => ({ ...v, openOrders: 0 })) });
    expect(center.fire('venue-cancel-all', { venueId: raw.venues![0]!.id }, 'INC-7')).toEqual({
      ok: false,
      error: 'Cancel all orders: already in effect, nothing to do',
    });
    expect(posts).toHaveLength(0);
  });

  test('a second gesture after no valid answer re-sends the same command, with the same key', async () => {
    const keys: string[] = [];
    let answer: 'garbage' | 'receipt' = 'garbage';
    server.use(
      http.post(`${base}/controls/halt`, ({ request }) => {
        const key = request.headers.get('idempotency-key')!;
        keys.push(key);
        return answer === 'garbage'
          ? new HttpResponse('{"outcome": "ACC', { status: 202 })
          : HttpResponse.json(receiptFor(key), { status: 200 });
      }),
    );
    const live = liveHolder(liveStateWith('ACTIVE'));
    const reported: Command[] = [];
    center = new CommandCenter({
      ...transport(alice, 500),
      deadlineMs: 100,
      liveState: live.get,
      subscribeLive: live.subscribe,
      report: (c) => reported.push(c),
      retryDelaysMs: [10, 10],
    });
    const first = center.fire('halt', {}, 'INC-7');
    await vi.waitFor(() => expect(reported.at(-1)?.phase).toBe('failed'));
    answer = 'receipt';
    const second = center.fire('halt', {}, 'INC-7');
    expect(first.ok && second.ok && second.command.key === first.command.key).toBe(true);
    // Answered now (accepted, or unconfirmed if its deadline had passed), under the first key.
    await vi.waitFor(() => expect(reported.at(-1)?.receipt).toBeTruthy());
    expect(['accepted', 'unconfirmed']).toContain(reported.at(-1)?.phase);
    expect(new Set(keys)).toEqual(new Set([first.ok ? first.command.key : '']));
    live.set(liveStateWith('HALTED'));
    await vi.waitFor(() => expect(reported.at(-1)?.phase).toBe('confirmed'));
  });

  test('reporting never stops a command: a report that throws, and the halt is still sent once and confirmed', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const seen: Command[] = [];
    // As the audit reporter did when localStorage was full: every report throws.
    const { live, posts, center } = setup({
      report: (c) => {
        seen.push(c);
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    });
    const fired = center.fire('halt', {}, 'INC-7 exchange outage');
    if (!fired.ok) throw new Error(fired.error);
    await vi.waitFor(() => expect(posts).toEqual([fired.command.key]));
    await vi.waitFor(() => expect(seen.at(-1)?.receipt).toBeTruthy());
    live.set(liveStateWith('HALTED'));
    await vi.waitFor(() => expect(seen.at(-1)?.phase).toBe('confirmed'));
    // Not a phantom "sending" left behind: the next press is judged on the trading state.
    expect(center.fire('halt', {}, 'INC-7')).toEqual({ ok: false, error: 'Halt trading: already halted' });
    expect(posts).toHaveLength(1);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/^control halt .*not recorded: .*quota/));
  });

  test('the request is on the wire before anything about it is recorded', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const requestsAtReport: number[] = [];
    const { center } = setup({ report: () => requestsAtReport.push(fetchSpy.mock.calls.length) });
    center.fire('halt', {}, 'INC-7');
    await vi.waitFor(() => expect(requestsAtReport.length).toBeGreaterThan(1));
    expect(requestsAtReport[0]).toBe(1);
  });

  test('a 401 from the war-room server (the session ended) is passed on, to ask who is signed in', async () => {
    const unauthorized = vi.fn();
    server.use(
      http.post(`${base}/controls/halt`, () =>
        HttpResponse.json({ title: 'Unauthorized', status: 401, detail: 'session ended' }, { status: 401 }),
      ),
    );
    const live = liveHolder(liveStateWith('ACTIVE'));
    center = new CommandCenter({
      ...transport(alice, 500),
      deadlineMs: 3000,
      liveState: live.get,
      subscribeLive: live.subscribe,
      unauthorized,
    });
    center.fire('halt', {}, 'INC-7');
    await vi.waitFor(() => expect(unauthorized).toHaveBeenCalledTimes(1));
  });
});

import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { snapshotFixture } from '../../contract/fixtures.ts';
import type { ControlReceipt, TradingStateName } from '../../contract/schemas.ts';
import { fromSnapshot } from '../live/apply-event.ts';
import type { LiveState } from '../live/live-state.ts';
import { parseSnapshotParts } from '../live/parse.ts';
import { server } from '../testing/msw-server.ts';
import { CommandCenter, resetCommands } from './command-center.ts';
import type { Command } from './command-machine.ts';

const base = 'http://trading.test/api/v1';

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
});

function setup(opts: { token?: string | null; deadlineMs?: number } = {}) {
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
    apiBaseUrl: base,
    requestTimeoutMs: 1000,
    deadlineMs: opts.deadlineMs ?? 3000,
    token: () => (opts.token === undefined ? 'token-123456' : opts.token),
    liveState: live.get,
    subscribeLive: live.subscribe,
    report: (c) => reported.push(c),
  });
  return { live, posts, reported, center };
}

describe('CommandCenter', () => {
  test('halt: sent once, accepted, confirmed only when the live state shows HALTED', async () => {
    const { live, posts, reported, center } = setup();
    const fired = center.fire('halt', {}, 'INC-7 exchange outage');
    expect(fired.ok).toBe(true);
    await vi.waitFor(() => expect(reported.at(-1)?.phase).toBe('accepted'));
    live.set(liveStateWith('ACTIVE')); // news, but not the promised state
    expect(reported.at(-1)?.phase).toBe('accepted');
    live.set(liveStateWith('HALTED'));
    expect(reported.at(-1)?.phase).toBe('confirmed');
    expect(posts).toHaveLength(1);
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

  test('without a token, without a reason, or when it makes no sense now, nothing is sent', () => {
    expect(setup({ token: null }).center.fire('halt', {}, 'x')).toEqual({
      ok: false,
      error: 'Sign in with an operator token to use the controls.',
    });
    center!.dispose();
    const { live, posts, center: c } = setup();
    expect(c.fire('halt', {}, '  ')).toEqual({ ok: false, error: 'A reason is required.' });
    live.set(liveStateWith('HALTED'));
    expect(c.fire('halt', {}, 'INC-7')).toEqual({ ok: false, error: 'Halt trading: already halted' });
    expect(posts).toHaveLength(0);
  });
});

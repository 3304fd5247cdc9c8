import { describe, expect, test } from 'vitest';
import { snapshotFixture } from '../../contract/fixtures.ts';
import type { TradingStateName } from '../../contract/schemas.ts';
import { controlIdSchema } from '../../contract/schemas.ts';
import { fromSnapshot } from '../live/apply-event.ts';
import type { LiveState } from '../live/live-state.ts';
import { parseSnapshotParts } from '../live/parse.ts';
import { controlById, verifiableOn } from './registry.ts';

function state(
  trading: TradingStateName,
  venue: Partial<LiveState['venues'] extends (infer V)[] | null ? V : never> = {},
) {
  const raw = structuredClone(snapshotFixture) as unknown as typeof snapshotFixture;
  const mutable = raw as unknown as { tradingState: { state: string }; venues: Record<string, unknown>[] };
  mutable.tradingState.state = trading;
  Object.assign(mutable.venues[0]!, venue);
  const parts = parseSnapshotParts(raw, 'test');
  if (!parts.ok) throw new Error(parts.error);
  return fromSnapshot(parts.value, null, 0);
}
const venueId = snapshotFixture.venues[0]!.id;

describe('the control registry', () => {
  test('every control of the contract is declared', () => {
    for (const id of controlIdSchema.options) expect(controlById(id).id).toBe(id);
  });

  test.each<[string, TradingStateName, TradingStateName]>([
    ['kill-switch', 'ACTIVE', 'KILLED'],
    ['halt', 'ACTIVE', 'HALTED'],
    ['reduce-positions', 'ACTIVE', 'REDUCING'],
    ['resume', 'HALTED', 'ACTIVE'],
  ])('%s is proven only by the trading state it promises', (id, from, to) => {
    const control = controlById(id as never);
    expect(control.isDone(state(from), {})).toBe(false);
    expect(control.isDone(state(to), {})).toBe(true);
  });

  test('a control that makes no sense now says why', () => {
    expect(controlById('kill-switch').unavailable(state('KILLED'), {})).toBe('already killed');
    expect(controlById('halt').unavailable(state('KILLED'), {})).toMatch(/killed/);
    expect(controlById('resume').unavailable(state('ACTIVE'), {})).toBe('already trading');
    expect(controlById('halt').unavailable(state('ACTIVE'), {})).toBeNull();
  });

  test('venue controls are proven by the venue: no open orders, disabled, connected', () => {
    expect(controlById('venue-cancel-all').isDone(state('ACTIVE', { openOrders: 3 }), { venueId })).toBe(
      false,
    );
    expect(controlById('venue-cancel-all').isDone(state('ACTIVE', { openOrders: 0 }), { venueId })).toBe(
      true,
    );
    expect(controlById('venue-disable').isDone(state('ACTIVE', { enabled: false }), { venueId })).toBe(true);
    expect(
      controlById('venue-reconnect').unavailable(state('ACTIVE', { connection: 'CONNECTED' }), { venueId }),
    ).toBe('already connected');
  });

  test('controls with nothing observable can never be confirmed', () => {
    for (const id of ['routing-conservative', 'regime-manual', 'maintenance-mode'] as const)
      expect(controlById(id).isDone(state('ACTIVE'), {})).toBeNull();
  });

  test('a command can be confirmed only where both the control and the system can show its effect', () => {
    const system = snapshotFixture.system;
    expect(verifiableOn(controlById('halt'), system)).toBe(true);
    expect(verifiableOn(controlById('halt'), { ...system, unconfirmable: ['halt'] })).toBe(false);
    expect(verifiableOn(controlById('maintenance-mode'), system)).toBe(false);
    // Proven by a part of the state the system does not offer: nothing can confirm it there.
    const stateless = { ...system, notOffered: [{ section: 'tradingState' as const, reason: 'none' }] };
    expect(verifiableOn(controlById('halt'), stateless)).toBe(false);
    expect(verifiableOn(controlById('venue-cancel-all'), stateless)).toBe(true);
    // Before the first contact the system's word is unknown: the declaration decides.
    expect(verifiableOn(controlById('halt'), undefined)).toBe(true);
  });

  test('a system without a trading state can still be stopped, and positions it lacks are said so', () => {
    const base = state('ACTIVE');
    const without: LiveState = {
      ...base,
      tradingState: null,
      system: {
        ...base.system,
        notOffered: [
          { section: 'tradingState', reason: 'RTES reports no trading state' },
          { section: 'positions', reason: 'RTES keeps positions elsewhere' },
        ],
      },
    };
    expect(controlById('kill-switch').unavailable(without, {})).toBeNull();
    expect(controlById('kill-switch').unavailable({ ...base, tradingState: null }, {})).toBe(
      'trading state unknown',
    );
    expect(controlById('kill-switch').preview(without, {})).toContain('RTES keeps positions elsewhere');
  });

  test('the preview says what a kill switch will touch', () => {
    expect(controlById('kill-switch').preview(state('ACTIVE'), {}).join(' ')).toMatch(
      /cancels \d+ open orders on \d+ venues/,
    );
  });
});

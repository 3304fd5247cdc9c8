import { describe, expect, test } from 'vitest';
import type { TradingState } from '../../model/types.ts';
import { HALT_BY, haltAction } from './halt-rule.ts';

const state = (s: TradingState['state'], changedBy = 'system'): TradingState => ({
  state: s,
  changedAt: '2025-01-01T00:00:00.000Z',
  changedBy,
  reason: 'r',
});

describe('the emergency_halt rule', () => {
  test('the key halts trading that is on (active or reducing)', () => {
    expect(haltAction(true, state('ACTIVE'))).toBe('halt');
    expect(haltAction(true, state('REDUCING'))).toBe('halt');
  });
  test('the key changes nothing already halted or killed', () => {
    expect(haltAction(true, state('HALTED', HALT_BY))).toBeNull();
    expect(haltAction(true, state('HALTED', 'someone'))).toBeNull();
    expect(haltAction(true, state('KILLED'))).toBeNull();
  });
  test('without the key, only a halt the key made is lifted', () => {
    expect(haltAction(false, state('HALTED', HALT_BY))).toBe('resume');
    expect(haltAction(false, state('HALTED', 'someone'))).toBeNull();
    expect(haltAction(false, state('KILLED', HALT_BY))).toBeNull();
    expect(haltAction(false, state('ACTIVE'))).toBeNull();
  });
});

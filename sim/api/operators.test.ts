import { describe, expect, test } from 'vitest';
import { OFFERED_CONTROLS } from '../model/controls.ts';
import { OperatorBook, OperatorSpecError, parseOperatorSpec } from './operators.ts';

const TOKEN = 'Zq8-x_Yp4~vW.2+/mN==';

describe('parseOperatorSpec', () => {
  test('NAME:TOKEN allows every offered control; a third part lists the allowed ones', () => {
    expect(parseOperatorSpec(`alice:${TOKEN}`)).toEqual({ name: 'alice', token: TOKEN });
    expect(parseOperatorSpec(`bob:${TOKEN}:halt, resume`)).toEqual({
      name: 'bob',
      token: TOKEN,
      controls: ['halt', 'resume'],
    });
  });

  test.for([
    ['no colon', 'sup3rs3cr3tvalue', ['NAME:TOKEN', 'no ":"']],
    ['too many colons', 'alice:abc:def:halt', ['"alice:…"', 'a token has no ":"']],
    ['an empty name', `:${TOKEN}`, ['operator name ""']],
    ['a short token', 'alice:short', ['"alice"', '8 to 256 characters, got 5']],
    ['a token a header cannot carry', 'alice:bad token!', ['"alice"', 'Bearer header']],
    ['an unknown control', `alice:${TOKEN}:halt,nuke`, ['unknown control "nuke"', 'offered: kill-switch']],
    ['a control not offered', `alice:${TOKEN}:venue-failover`, ['does not offer venue-failover']],
    ['an empty control list', `alice:${TOKEN}:`, ['empty control list']],
  ] as const)('%s is refused with a message that never repeats the token', ([, spec, named]) => {
    let message = '';
    try {
      parseOperatorSpec(spec);
    } catch (error) {
      expect(error).toBeInstanceOf(OperatorSpecError);
      message = (error as Error).message;
    }
    for (const part of named) expect(message).toContain(part);
    const secret = spec.includes(':') ? (spec.split(':')[1] ?? '') : spec;
    if (secret.length > 0) expect(message).not.toContain(secret);
  });
});

describe('OperatorBook', () => {
  const book = new OperatorBook([
    { name: 'alice', token: TOKEN },
    { name: 'bob', token: 'bob-token-123', controls: ['halt', 'venue-cancel-all'] },
  ]);

  test('a Bearer token names its operator and their controls, in the offered order', () => {
    expect(book.authenticate(`Bearer ${TOKEN}`)).toEqual({
      ok: true,
      identity: { operator: 'alice', controls: [...OFFERED_CONTROLS] },
    });
    expect(book.authenticate('bearer  bob-token-123')).toEqual({
      ok: true,
      identity: { operator: 'bob', controls: ['halt', 'venue-cancel-all'] },
    });
  });

  test.for([
    [null, 'no operator token'],
    ['', 'no operator token'],
    [`Basic ${TOKEN}`, 'must be "Bearer <token>"'],
    ['Bearer not-a-known-token', 'not one this system knows'],
    [`Bearer ${TOKEN}x`, 'not one this system knows'],
  ] as const)('%s is refused: %s', ([header, detail]) => {
    const result = book.authenticate(header);
    if (result.ok) throw new Error('authenticated');
    expect(result.detail).toContain(detail);
    expect(result.detail).not.toContain(TOKEN);
  });

  test('without operators, every token is refused and the detail says why', () => {
    const result = new OperatorBook([]).authenticate(`Bearer ${TOKEN}`);
    expect(result).toEqual({ ok: false, detail: expect.stringContaining('started without operators') });
  });

  test('a name or token given twice is refused; describe() shows names and controls, not tokens', () => {
    expect(
      () =>
        new OperatorBook([
          { name: 'a', token: TOKEN },
          { name: 'a', token: 'other-token' },
        ]),
    ).toThrow('operator "a" is given twice');
    expect(
      () =>
        new OperatorBook([
          { name: 'a', token: TOKEN },
          { name: 'b', token: TOKEN },
        ]),
    ).toThrow('same token as another operator');
    expect(book.describe()).toBe('alice (every offered control), bob (halt, venue-cancel-all)');
    expect(book.describe()).not.toContain('token');
  });
});

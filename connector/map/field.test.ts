import { describe, expect, test } from 'vitest';
import { asEnum, asString, asTime, itemsAt, MappingError } from './field.ts';

describe('reading a field', () => {
  test('a list keyed by id gives each item its member name, quotes and all', () => {
    const document = { components: { db: { status: 'ok' }, "it's": { status: 'down' } } };
    const items = itemsAt(document, '$.components.*');
    expect(items.map((i) => asString({ key: true }, i, ''))).toEqual(['db', "it's"]);
    expect(items.map((i) => asString('$.status', i, ''))).toEqual(['ok', 'down']);
    expect(itemsAt({ list: [{ a: 1 }] }, '$.list[*]')[0]?.key).toBeNull();
  });

  test('a mapped value that is none of ours is refused with the field and the value', () => {
    expect(() =>
      asEnum(
        { path: '$.s', map: { RUNNING: 'ACTIVE' } },
        { s: 'WOBBLY' },
        ['ACTIVE', 'HALTED'],
        'tradingState.state',
      ),
    ).toThrow(
      new MappingError('tradingState.state: "WOBBLY" is none of ACTIVE, HALTED (add it to the field\'s map)'),
    );
    expect(asEnum({ path: '$.s', map: { running: 'ACTIVE' } }, { s: 'RUNNING' }, ['ACTIVE'], 'x')).toBe(
      'ACTIVE',
    );
  });

  test('times in every unit; a time that names no instant is refused', () => {
    const at = Date.parse('2026-01-01T00:00:10Z');
    expect(asTime({ path: '$.t', time: 'epoch-us' }, { t: 1_767_225_600_000_000 }, at, 't')).toBe(
      '2026-01-01T00:00:00.000Z',
    );
    expect(asTime({ path: '$.t', time: 'epoch-s' }, { t: '1767225600' }, at, 't')).toBe(
      '2026-01-01T00:00:00.000Z',
    );
    expect(asTime({ path: '$.age', ageSeconds: true }, { age: 4 }, at, 't')).toBe('2026-01-01T00:00:06.000Z');
    expect(asTime('$.t', { t: null }, at, 't')).toBeNull();
    // No offset: UTC, whatever this host's zone; the space Python's str(datetime) writes is fine.
    expect(asTime('$.t', { t: '2026-01-01T08:00:00' }, at, 't')).toBe('2026-01-01T08:00:00.000Z');
    expect(asTime('$.t', { t: '2026-01-01 08:00:00.5+01:00' }, at, 't')).toBe('2026-01-01T07:00:00.500Z');
    expect(() => asTime('$.t', { t: 'yesterday' }, at, 'venues[x].lastMarketDataAt')).toThrow(
      /venues\[x\]\.lastMarketDataAt: "yesterday" is not a time/,
    );
    expect(() => asTime({ path: '$.t', time: 'epoch-ms' }, { t: 1e300 }, at, 't')).toThrow(MappingError);
  });
});

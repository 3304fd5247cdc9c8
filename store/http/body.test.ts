import { describe, expect, test } from 'vitest';
import { jsonDepth } from './body.ts';

describe('how deep a JSON body nests', () => {
  test('counts arrays and objects, not brackets inside strings or escaped quotes', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonDepth('{"text":"[[[{{{ \\" ]]]"}')).toBe(1);
    expect(JSON.parse('{"text":"[[[{{{ \\" ]]]"}')).toEqual({ text: '[[[{{{ " ]]]' });
    expect(jsonDepth(`${'['.repeat(5000)}${']'.repeat(5000)}`)).toBe(5000);
  });
});

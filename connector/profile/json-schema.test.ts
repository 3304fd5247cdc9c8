import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { PROFILE_SCHEMA_PATH, profileJsonSchema } from './json-schema.ts';

test('profiles/profile.schema.json is what the zod schema says (npm run profile:schema writes it)', () => {
  expect(readFileSync(PROFILE_SCHEMA_PATH, 'utf8')).toBe(profileJsonSchema());
});

test('the JSON Schema names the sections and the control bindings', () => {
  type Node = { $ref?: string; properties?: Record<string, Node>; $defs?: Record<string, Node> };
  const schema = JSON.parse(profileJsonSchema()) as Node;
  const resolve = (node: Node | undefined): Node | undefined =>
    node?.$ref ? resolve(schema.$defs?.[node.$ref.replace('#/$defs/', '')]) : node;
  expect(Object.keys(resolve(schema.properties?.sections)?.properties ?? {})).toEqual([
    'services',
    'metrics',
    'venues',
    'tradingState',
    'positions',
    'alerts',
  ]);
  expect(Object.keys(schema.properties ?? {})).toEqual(
    expect.arrayContaining(['id', 'name', 'http', 'redis', 'secrets', 'controls']),
  );
});

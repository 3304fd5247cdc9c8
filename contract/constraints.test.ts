// The generated types carry shapes but not value constraints: `minimum: 1` and `minimum: 0`, or
// `integer` and `number`, both become `number`, so schemas.typecheck.ts cannot see them drift.
// This test compares each zod schema's JSON Schema (z.toJSONSchema) with its schema in the
// document, reduced on both sides to what validation depends on.
import { readFileSync } from 'node:fs';
// openapi-typescript's own YAML parser (it ships as its dependency); it has type declarations,
// unlike js-yaml on its own.
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { stepBranchSchema, stepSchema } from './playbook-schemas.ts';
import { componentSchemas } from './schemas.ts';
import { storeComponentSchemas } from './store-schemas.ts';

type Json = { [key: string]: unknown };

function schemasOf(file: string): Record<string, Json> {
  const document = parseYaml(readFileSync(new URL(file, import.meta.url), 'utf8')) as {
    components: { schemas: Record<string, Json> };
  };
  return document.components.schemas;
}

// Each document with the zod twins of its schemas; $refs resolve within their own document.
const documents = [
  { file: 'openapi.yaml', yamlSchemas: schemasOf('./openapi.yaml'), zodSchemas: componentSchemas },
  {
    file: 'war-room-store.yaml',
    yamlSchemas: schemasOf('./war-room-store.yaml'),
    zodSchemas: storeComponentSchemas,
  },
] as const;
const yamlSchemas = documents[0].yamlSchemas;

// Kept as they are: everything else (descriptions, zod's date-time `pattern`, `$schema`) does not
// change what either side accepts in a way the document states.
const CONSTRAINTS = [
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'enum',
  'const',
] as const;

const asJson = (value: unknown): Json => value as Json;

// Where a $ref points: a component of the document, or (zod) one of its `$defs` or `#`, the root.
interface Scope {
  schemas: Record<string, Json>;
  /** The $refs being expanded, outermost first: a $ref among them is a recursion. */
  expanding: readonly string[];
}

function refTarget(ref: string, schemas: Record<string, Json>): Json {
  const name = ref.replace(/^#\/(components\/schemas|\$defs)\//, '');
  const target = ref === '#' ? schemas['#'] : schemas[name];
  if (target === undefined) throw new Error(`unresolved ${ref}`);
  return target;
}

/**
 * Follows $refs to the schema they name. A $ref to a schema already being expanded (a Step's
 * branches hold Steps) becomes `{ recursive: true }`: the document names the recursion
 * `Step`, zod `#` or `__schema0`, so only where it recurs can be compared, and it is, since
 * both sides expand each schema once before they mark the recursion.
 */
function resolve(node: Json, scope: Scope): { node: Json; scope: Scope } {
  const ref = node['$ref'];
  if (typeof ref !== 'string') return { node, scope };
  const target = refTarget(ref, scope.schemas);
  const key = ref === '#' ? '#' : ref.replace(/^.*\//, '');
  if (scope.expanding.includes(key)) return { node: { recursive: true }, scope };
  return resolve(target, { ...scope, expanding: [...scope.expanding, key] });
}

// One canonical form for both sides: nullability as a flag (the document writes it as
// `type: [x, 'null']` or `oneOf: [x, {type: 'null'}]`, zod as `anyOf`), `allOf` merged into one
// object, z.int()'s implicit safe-integer bounds dropped, any-valued maps as `record: {}`.
function canonical(input: Json, outer: Scope = { schemas: yamlSchemas, expanding: [] }): Json {
  const { node, scope } = resolve(input, outer);
  if (node['recursive'] === true) return node;
  const recurse = (child: unknown) => canonical(asJson(child), scope);
  const out: Json = {};

  const allOf = node['allOf'];
  if (Array.isArray(allOf)) {
    const parts = allOf.map(recurse);
    return {
      type: 'object',
      properties: Object.assign({}, ...parts.map((part) => part['properties'])),
      required: parts.flatMap((part) => (part['required'] as string[] | undefined) ?? []).sort(),
    };
  }

  const union = node['oneOf'] ?? node['anyOf'];
  if (Array.isArray(union)) {
    const members = union.map((member) => asJson(member));
    const others = members.filter((member) => resolve(member, scope).node['type'] !== 'null');
    const nullable = others.length < members.length;
    const [only] = others;
    if (others.length === 1 && only !== undefined)
      return { ...recurse(only), ...(nullable ? { nullable } : {}) };
    return { union: others.map(recurse), ...(nullable ? { nullable } : {}) };
  }

  const type = node['type'];
  if (Array.isArray(type)) {
    const named = type.filter((name) => name !== 'null');
    out['type'] = named.length === 1 ? named[0] : named;
    if (named.length < type.length) out['nullable'] = true;
  } else if (type !== undefined && node['const'] === undefined) {
    out['type'] = type;
  }

  for (const key of CONSTRAINTS) if (node[key] !== undefined) out[key] = node[key];
  if (out['type'] === 'integer') {
    if (out['minimum'] === Number.MIN_SAFE_INTEGER) delete out['minimum'];
    if (out['maximum'] === Number.MAX_SAFE_INTEGER) delete out['maximum'];
  }

  const properties = node['properties'];
  if (properties !== undefined) {
    out['properties'] = Object.fromEntries(
      Object.entries(asJson(properties)).map(([key, value]) => [key, recurse(value)]),
    );
    out['required'] = [...((node['required'] as string[] | undefined) ?? [])].sort();
  }
  // zod closes every object (`additionalProperties: false`) because it strips unknown keys;
  // the document leaves them open. Only a map of values is a constraint worth comparing.
  const additional = node['additionalProperties'];
  if (additional === true || (typeof additional === 'object' && additional !== null)) {
    out['record'] = additional === true ? {} : recurse(additional);
  }
  if (node['items'] !== undefined) out['items'] = recurse(node['items']);
  return out;
}

function fromZod(schema: z.ZodType): Json {
  const json = asJson(z.toJSONSchema(schema, { io: 'output' }));
  const defs = asJson(json['$defs'] ?? {});
  return canonical(json, { schemas: { ...defs, '#': json }, expanding: ['#'] });
}

/** A component of the document, as the root of its own comparison (as zod's `#` is). */
function fromYaml(name: string, schemas: Record<string, Json>): Json {
  return canonical(schemas[name] ?? {}, { schemas, expanding: [name] });
}

describe.each(documents)('zod schemas state the same constraints as contract/$file', (doc) => {
  test('every schema in the document has a zod schema, and no other', () => {
    expect(Object.keys(doc.zodSchemas).sort()).toEqual(Object.keys(doc.yamlSchemas).sort());
  });

  test.each(Object.entries(doc.zodSchemas))('%s', (name, schema: z.ZodType) => {
    const yamlSchema = doc.yamlSchemas[name];
    expect(yamlSchema).toBeDefined();
    expect(fromZod(schema)).toEqual(fromYaml(name, doc.yamlSchemas));
  });
});

describe('the comparison', () => {
  // The comparison itself must see the differences it exists for.
  test('a changed bound, integer-ness or nullability is a difference', () => {
    const venue = canonical(yamlSchemas['Venue'] ?? {});
    const shape = componentSchemas.Venue.shape;
    const changed = [
      componentSchemas.Venue.extend({ openOrders: z.int().min(1) }),
      componentSchemas.Venue.extend({ openOrders: z.number().min(0) }),
      componentSchemas.Venue.extend({ lastMarketDataAt: shape.lastMarketDataAt.unwrap() }),
      componentSchemas.Venue.extend({ name: z.string().max(10) }),
    ];
    expect(fromZod(componentSchemas.Venue)).toEqual(venue);
    for (const schema of changed) expect(fromZod(schema)).not.toEqual(venue);
  });

  test('a recursive schema is compared, down to where it recurs', () => {
    const storeYaml = documents[1].yamlSchemas;
    const branch = fromYaml('StepBranch', storeYaml);
    expect(fromZod(stepBranchSchema)).toEqual(branch);
    // The steps of a branch without their minItems: a difference one level into the recursion.
    expect(fromZod(stepBranchSchema.extend({ steps: z.array(stepSchema) }))).not.toEqual(branch);
    expect(JSON.stringify(fromYaml('Playbook', storeYaml))).toContain('{"recursive":true}');
  });
});

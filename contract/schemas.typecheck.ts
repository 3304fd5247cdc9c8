// Type-level binding of contract/schemas.ts to the types openapi-typescript generates from
// contract/openapi.yaml. Nothing here runs; `npm run typecheck` fails when the YAML changes and
// a zod schema does not follow (or the other way round), naming the schema that drifted.
import type { z } from 'zod';
import type { components } from './generated/openapi.ts';
import type * as s from './schemas.ts';

// Exact type identity, not mutual assignability: two generic signatures are only related when
// their conditional types are identical, so `any`, a missing `| null`, an optional property that
// should be required, or a `readonly` all count as a difference.
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// openapi-typescript writes `allOf: [EventBase, {...}]` as the intersection `EventBase & {...}`,
// while a zod object built with `.extend()` infers one flat object type. The two have the same
// properties with the same types and modifiers, but Equal tells an intersection from the flat
// object it denotes. Flattening — merging every intersection of object types into one object,
// recursively, on both sides — is the only adjustment made: a homomorphic mapped type keeps
// each property's optionality and readonly-ness, and leaves primitives, literals, `null`,
// `unknown` and `any` as they are, so every other difference still fails the check.
// (Mapped over an array or tuple type, the same mapped type keeps it an array, readonly or not.)
type Flatten<T> = T extends object ? { [K in keyof T]: Flatten<T[K]> } : T;

export type Same<Zod, Generated> = Equal<Flatten<Zod>, Flatten<Generated>>;

type Schemas = components['schemas'];

// componentSchemas has one entry per schema in `components.schemas`; the key checks below make a
// schema added to the YAML without a zod twin (or one removed from it) fail too.
type Bindings = typeof s.componentSchemas;

// `T extends never` makes a failure read "Type '"Venue"' does not satisfy the constraint 'never'".
type None<T extends never> = T;

type Drifted = {
  [K in keyof Bindings & keyof Schemas]: Same<z.infer<Bindings[K]>, Schemas[K]> extends true ? never : K;
}[keyof Bindings & keyof Schemas];

type Unbound = Exclude<keyof Schemas, keyof Bindings>;
type Stale = Exclude<keyof Bindings, keyof Schemas>;

export type ContractBinding = [None<Drifted>, None<Unbound>, None<Stale>];

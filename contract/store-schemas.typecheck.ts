// Type-level binding of contract/store-schemas.ts to the types openapi-typescript generates from
// contract/war-room-store.yaml, exactly as schemas.typecheck.ts binds the trading schemas: nothing
// here runs; `npm run typecheck` fails naming the schema that drifted, a schema of the document
// without a zod twin, or a twin whose schema left the document.
import type { z } from 'zod';
import type { components } from './generated/war-room-store.ts';
import type { Same } from './schemas.typecheck.ts';
import type * as s from './store-schemas.ts';

type Schemas = components['schemas'];
type Bindings = typeof s.storeComponentSchemas;

type None<T extends never> = T;

type Drifted = {
  [K in keyof Bindings & keyof Schemas]: Same<z.infer<Bindings[K]>, Schemas[K]> extends true ? never : K;
}[keyof Bindings & keyof Schemas];

type Unbound = Exclude<keyof Schemas, keyof Bindings>;
type Stale = Exclude<keyof Bindings, keyof Schemas>;

export type StoreContractBinding = [None<Drifted>, None<Unbound>, None<Stale>];

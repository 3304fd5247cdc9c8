// Signing in to the war room: part of the zod twins of contract/war-room-store.yaml (see
// store-schemas.ts, which re-exports everything and binds it to the document).
import { z } from 'zod';

/** A viewer may read and nothing more; a commander may also act. */
export const operatorRoleSchema = z.enum(['viewer', 'commander']);
export type OperatorRole = z.infer<typeof operatorRoleSchema>;

/** The longest operator name: names are short identifiers, and the same limit holds everywhere. */
export const OPERATOR_NAME_MAX = 64;

/** Who a session belongs to. */
export const personSchema = z.object({
  name: z.string().min(1).max(OPERATOR_NAME_MAX),
  role: operatorRoleSchema,
});
export type Person = z.infer<typeof personSchema>;

export const signInSchema = z.object({
  name: z.string().min(1).max(OPERATOR_NAME_MAX),
  password: z.string().min(1).max(1024),
});
export type SignIn = z.infer<typeof signInSchema>;

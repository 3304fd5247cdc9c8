// The profile schema as JSON Schema, for editors: profiles/profile.schema.json is this, written
// by `npm run profile:schema` and held to it by json-schema.test.ts. The zod schema stays the one
// source; checks that JSON Schema cannot express (a read names a declared service) are the
// loader's, at start.
import { z } from 'zod';
import { profileSchema } from './schema.ts';

export const PROFILE_SCHEMA_PATH = 'profiles/profile.schema.json';

export function profileJsonSchema(): string {
  const schema = z.toJSONSchema(profileSchema, { io: 'input', unrepresentable: 'any', reused: 'ref' });
  return `${JSON.stringify({ ...schema, title: 'War-room trading-system profile' }, null, 2)}\n`;
}

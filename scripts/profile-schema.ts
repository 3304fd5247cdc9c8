// `npm run profile:schema`: writes profiles/profile.schema.json from the zod profile schema.
import { writeFileSync } from 'node:fs';
import { PROFILE_SCHEMA_PATH, profileJsonSchema } from '../connector/profile/json-schema.ts';

writeFileSync(PROFILE_SCHEMA_PATH, profileJsonSchema());
console.log(`wrote ${PROFILE_SCHEMA_PATH}`);

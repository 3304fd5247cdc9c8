// The profile documentation's examples are profiles: every YAML block in it parses, and every
// one that gives sections is a valid profile (with an id and a name added where it shows only a
// part). A reader copies these first; a broken one costs them their first hour.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { profileSchema } from './schema.ts';

const DOC = fileURLToPath(new URL('../../docs/connect-your-trading-system.md', import.meta.url));
const blocks = [...readFileSync(DOC, 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

describe('docs/connect-your-trading-system.md', () => {
  test('has YAML examples', () => expect(blocks.length).toBeGreaterThan(3));

  test.each(blocks.map((text, i) => [i + 1, text] as const))('YAML block %i parses', (_n, text) => {
    // Several keys of the same name (alternatives shown one under the other) are allowed.
    for (const doc of parseAllDocuments(text, { uniqueKeys: false, merge: true }))
      expect(doc.errors.map((e) => e.message)).toEqual([]);
  });

  test.each(blocks.map((text, i) => [i + 1, text] as const).filter(([, t]) => /^sections:/m.test(t)))(
    'YAML block %i with sections is a valid profile',
    (_n, text) => {
      const [doc] = parseAllDocuments(text, { merge: true });
      const value = { id: 'example', name: 'Example', ...(doc?.toJS() as object) };
      const parsed = profileSchema.safeParse(value);
      expect(
        parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      ).toEqual([]);
    },
  );
});

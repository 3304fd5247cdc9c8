import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { tempDir } from '../test-support.ts';
import { makeEmbeddedOperators } from './embedded-operators.ts';
import { parseOperatorsFile } from './operators-file.ts';
import { verifyPassword } from './password-hash.ts';

const removals: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const remove of removals.splice(0)) await remove();
});

test('npm start: a commander and a viewer with fresh passwords; the file holds only their hashes', async () => {
  const dir = await tempDir();
  removals.push(dir.remove);
  const file = join(dir.path, 'nested', 'operators.json');
  const people = await makeEmbeddedOperators(file);
  expect(people.map(({ name, role }) => `${name}:${role}`)).toEqual(['commander:commander', 'viewer:viewer']);
  const text = await readFile(file, 'utf8');
  for (const { password } of people) {
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(text).not.toContain(password);
  }
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  const parsed = parseOperatorsFile(text);
  if (!parsed.ok) throw new Error(parsed.error);
  expect(await verifyPassword(people[0]!.password, parsed.operators[0]!.passwordHash)).toBe(true);
  expect(await verifyPassword(people[0]!.password, parsed.operators[1]!.passwordHash)).toBe(false);

  const again = await makeEmbeddedOperators(file);
  expect(again[0]!.password).not.toBe(people[0]!.password);
});

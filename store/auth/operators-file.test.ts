import { beforeAll, describe, expect, test } from 'vitest';
import { parseOperatorsFile, readOperatorsFile } from './operators-file.ts';
import { hashPassword } from './password-hash.ts';

let hash = '';
beforeAll(async () => {
  hash = await hashPassword('a long enough password');
});

const file = (operators: unknown) => JSON.stringify({ operators });

describe('the operators file', () => {
  test('names, roles and password hashes are read and decoded', () => {
    const parsed = parseOperatorsFile(
      file([
        { name: 'dana', role: 'commander', passwordHash: hash },
        { name: 'vic.ops@desk', role: 'viewer', passwordHash: hash },
      ]),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.operators.map(({ name, role }) => ({ name, role }))).toEqual([
      { name: 'dana', role: 'commander' },
      { name: 'vic.ops@desk', role: 'viewer' },
    ]);
    expect(parsed.operators[0]?.passwordHash).toMatchObject({ N: 32768, r: 8, p: 3 });
  });

  // Each message names the field and says what is wrong with it, and never repeats a secret.
  test.for([
    ['{"operators": [', /^not valid JSON$/],
    ['{"operators":\n [] "x"}', /^not valid JSON \(at position 18 \(line 2 column 5\)\)$/],
    ['hunter2', /^not valid JSON$/],
    ['[]', /^the file: Invalid input: expected object, received array$/],
    ['{}', /^operators: Invalid input: expected array, received undefined$/],
    ['{"operators": []}', /^operators: lists nobody: add at least one operator$/],
    [
      () => file([{ name: 'dana', role: 'admin', passwordHash: hash }]),
      /^operators\[0\]\.role: Invalid option: expected one of "viewer"\|"commander"$/,
    ],
    [
      () => file([{ name: '-dana', role: 'viewer', passwordHash: hash }]),
      /^operators\[0\]\.name: must be 1 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit$/,
    ],
    [
      () =>
        file([
          { name: 'dana', role: 'viewer', passwordHash: hash },
          { name: 'dana', role: 'commander', passwordHash: hash },
        ]),
      /^operators\[1\]\.name: "dana" is listed twice; each operator once$/,
    ],
    [
      () => file([{ name: 'dana', role: 'viewer' }]),
      /^operators\[0\]\.passwordHash: Invalid input: expected string, received undefined$/,
    ],
    [
      () => file([{ name: 'dana', role: 'viewer', passwordHash: 'hunter2-in-clear' }]),
      /^operators\[0\]\.passwordHash: must have the form scrypt\$N\$r\$p\$saltBase64\$hashBase64 /,
    ],
    [
      () => file([{ name: 'dana', role: 'viewer', passwordHash: hash.replace('$32768$', '$1024$') }]),
      /^operators\[0\]\.passwordHash: N must be a power of two from 16384 to 1048576, got 1024$/,
    ],
    [
      () => file([{ name: 'dana', role: 'viewer', passwordHash: hash, password: 'hunter2-in-clear' }]),
      /^operators\[0\]: unknown field "password"; the file holds password hashes only \(passwordHash\), never passwords$/,
    ],
  ] as const)('%s → %s', ([text, message]) => {
    const parsed = parseOperatorsFile(typeof text === 'function' ? text() : text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatch(message);
    expect(parsed.error).not.toContain('hunter2');
  });

  test('a file that cannot be read says why', () => {
    expect(readOperatorsFile('/no/such/operators.json')).toEqual({
      ok: false,
      error: 'cannot read it (ENOENT)',
    });
  });
});

import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { tempDir } from '../test-support.ts';
import { PASSWORD_ENV, runOperatorTool } from './operator-tool.ts';
import { parseOperatorsFile } from './operators-file.ts';
import { decodePasswordHash, verifyPassword } from './password-hash.ts';

const removals: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const remove of removals.splice(0)) await remove();
});
async function dir(): Promise<string> {
  const made = await tempDir();
  removals.push(made.remove);
  return made.path;
}

function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  return runOperatorTool(argv, { env, out: (line) => lines.push(line) }).then((result) => ({
    result,
    lines,
  }));
}

const PASSWORD = 'a war-room passphrase';

describe('node store/operator.ts', () => {
  test('hash: the password from the environment, or the first line of a file; only the hash is printed', async () => {
    const fromEnv = await run(['hash'], { [PASSWORD_ENV]: PASSWORD });
    expect(fromEnv.result).toEqual({ ok: true });
    const [hash = ''] = fromEnv.lines;
    expect(hash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(await verifyPassword(PASSWORD, decodePasswordHash(hash))).toBe(true);

    const file = join(await dir(), 'pw.txt');
    await writeFile(file, `${PASSWORD}\n`);
    const fromFile = await run(['hash', '--password-file', file]);
    expect(await verifyPassword(PASSWORD, decodePasswordHash(fromFile.lines[0] ?? ''))).toBe(true);
    expect(fromFile.lines.join('\n')).not.toContain(PASSWORD);
  });

  test('a password on the command line, none at all, or a short one is refused', async () => {
    expect((await run(['hash', '--password', PASSWORD])).result).toEqual({
      ok: false,
      error: `a password is never given on the command line: use --password-file FILE or ${PASSWORD_ENV}`,
    });
    expect((await run(['hash'])).result).toEqual({
      ok: false,
      error: `no password: put it in a file given with --password-file, or in ${PASSWORD_ENV} (never on the command line)`,
    });
    expect((await run(['hash'], { [PASSWORD_ENV]: 'short' })).result).toEqual({
      ok: false,
      error: 'the password is too short: at least 12 characters',
    });
  });

  test('add: makes the file (owner-only), then adds or updates; the store accepts it', async () => {
    const file = join(await dir(), 'operators.json');
    const env = { [PASSWORD_ENV]: PASSWORD };
    expect((await run(['add', '--file', file, '--name', 'dana', '--role', 'commander'], env)).lines).toEqual([
      `dana (commander) added to ${file}`,
    ]);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await run(['add', '--file', file, '--name', 'vic', '--role', 'viewer'], env);
    const other = { [PASSWORD_ENV]: 'another passphrase' };
    expect((await run(['add', '--file', file, '--name', 'vic', '--role', 'commander'], other)).lines).toEqual(
      [`vic (commander) updated in ${file}`],
    );

    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('passphrase');
    const parsed = parseOperatorsFile(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.operators.map(({ name, role }) => `${name}:${role}`)).toEqual([
      'dana:commander',
      'vic:commander',
    ]);
    const vic = parsed.operators[1]!;
    expect(await verifyPassword('another passphrase', vic.passwordHash)).toBe(true);
  });

  test('add refuses a bad role, a bad name, and a file that is not an operators file', async () => {
    const folder = await dir();
    const file = join(folder, 'operators.json');
    const env = { [PASSWORD_ENV]: PASSWORD };
    expect((await run(['add', '--file', file, '--name', 'dana', '--role', 'chief'], env)).result).toEqual({
      ok: false,
      error: '--role must be viewer or commander, got "chief"',
    });
    expect(
      (await run(['add', '--file', file, '--name', 'dana smith', '--role', 'viewer'], env)).result,
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^operators\[0\]\.name: must be 1 to 64 letters/),
    });
    await writeFile(file, '{"operators": "all"}');
    expect(
      (await run(['add', '--file', file, '--name', 'dana', '--role', 'viewer'], env)).result,
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/is not a valid operators file: operators: /),
    });
    expect(await readFile(file, 'utf8')).toBe('{"operators": "all"}');
  });
});

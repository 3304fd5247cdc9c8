import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CONTRACTS, checkContract, checkContracts, generateTypes } from './check-contract.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const spec = join(root, 'contract/openapi.yaml');
const generated = join(root, 'contract/generated/openapi.ts');
const storeSpec = join(root, 'contract/war-room-store.yaml');
const storeGenerated = join(root, 'contract/generated/war-room-store.ts');

// The real files are only read; every altered copy lives in a temporary directory.
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'check-contract-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeVariant(name: string, from: string, edit: (text: string) => string): Promise<string> {
  const original = await readFile(from, 'utf8');
  const changed = edit(original);
  expect(changed).not.toBe(original);
  const path = join(dir, name);
  await writeFile(path, changed);
  return path;
}

describe('checkContract', () => {
  test('the committed generated types match the document', async () => {
    const result = await checkContract(spec, generated, { silent: true });
    expect(result).toEqual({ ok: true, message: expect.stringContaining('matches') });
  });

  test('a change to the document without regenerating is drift', async () => {
    const changed = await writeVariant('added-field.yaml', spec, (text) =>
      text.replace(
        /^(\s+)title: \{ type: string \}$/m,
        '$1title: { type: string }\n$1instance: { type: string }',
      ),
    );
    const result = await checkContract(changed, generated, { silent: true });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(
      /does not match .*first difference at line \d+.*run `npm run contract:gen`/,
    );
  });

  test('a hand edit to the generated types is drift', async () => {
    const edited = await writeVariant('edited.ts', generated, (text) =>
      text.replace('errorRate: number;', 'errorRate: number | null;'),
    );
    const result = await checkContract(spec, edited, { silent: true });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('npm run contract:gen');
  });

  test('missing generated types', async () => {
    const result = await checkContract(spec, join(dir, 'nothing.ts'), { silent: true });
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/is missing: run `npm run contract:gen`/),
    });
  });

  test('a document that is not OpenAPI 3.1 is refused', async () => {
    const older = await writeVariant('older.yaml', spec, (text) =>
      text.replace(/^openapi: .*$/m, 'openapi: 3.0.3'),
    );
    const result = await checkContract(older, generated, { silent: true });
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/not a valid OpenAPI 3\.1 document: it declares `openapi: 3\.0\.3`/),
    });
  });

  test('an invalid document is refused with the validator’s reason', async () => {
    const broken = await writeVariant('broken.yaml', spec, (text) =>
      text.replace("$ref: '#/components/schemas/Snapshot' }", "$ref: '#/components/schemas/Snapshop' }"),
    );
    const result = await checkContract(broken, generated, { silent: true });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/is not a valid OpenAPI 3\.1 document: Can't resolve \$ref at #\/paths/);
  });
});

describe('checkContracts: both documents', () => {
  test('the committed store types match the war-room store document', async () => {
    const result = await checkContract(storeSpec, storeGenerated, { silent: true });
    expect(result).toEqual({ ok: true, message: expect.stringContaining('matches') });
  });

  test('checks every document, and drift in the store document alone fails it', async () => {
    const all = CONTRACTS.map(({ spec: s, generated: g }) => ({
      spec: join(root, s),
      generated: join(root, g),
    }));
    expect((await checkContracts(all, { silent: true })).map((r) => r.ok)).toEqual([true, true]);

    const changed = await writeVariant('store-changed.yaml', storeSpec, (text) =>
      text.replace(/^(\s+)declaredBy: \{ type: string \}$/m, '$1declaredBy: { type: [string, "null"] }'),
    );
    const results = await checkContracts([all[0]!, { spec: changed, generated: storeGenerated }], {
      silent: true,
    });
    expect(results[0]?.ok).toBe(true);
    expect(results[1]).toEqual({
      ok: false,
      message: expect.stringMatching(/war-room-store\.ts does not match .*store-changed\.yaml/),
    });
  });

  test('npm run contract:gen writes every checked document', async () => {
    const scripts = (
      JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    // contract:gen runs the other contract:gen:* scripts; together they must cover CONTRACTS.
    const commands = Object.entries(scripts)
      .filter(([name]) => name.startsWith('contract:gen'))
      .map(([, command]) => command);
    expect(scripts['contract:gen']).toMatch(/contract:gen:trading.*contract:gen:store/);
    for (const { spec: s, generated: g } of CONTRACTS)
      expect(commands).toContain(`openapi-typescript ${s} -o ${g}`);
  });
});

describe('generateTypes', () => {
  const cli = () =>
    join(dirname(createRequire(import.meta.url).resolve('openapi-typescript')), '../bin/cli.js');

  test.for(CONTRACTS.map((c) => c.spec))(
    'writes byte for byte what the openapi-typescript CLI writes for %s',
    async (document) => {
      const out = join(dir, `cli-output-${document.replaceAll('/', '_')}.ts`);
      await promisify(execFile)(process.execPath, [cli(), document, '-o', out], { cwd: root });
      expect(await generateTypes(join(root, document), { silent: true })).toBe(await readFile(out, 'utf8'));
    },
  );
});

// Making password hashes and operators files (store/operator.ts runs it). The password is read
// from the environment or a file, never from the command line, where `ps` and shell history
// would keep it; only its hash is ever printed or written.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseCommandLine } from '../../http-kit/cli.ts';
import { operatorRoleSchema } from '../../contract/store-schemas.ts';
import { operatorsFileSchema, parseOperatorsFile } from './operators-file.ts';
import { hashPassword } from './password-hash.ts';

export const PASSWORD_ENV = 'WARROOM_OPERATOR_PASSWORD';
export const MIN_PASSWORD_CHARS = 12;

export const USAGE = `usage:
  npx node store/operator.ts hash [--password-file FILE]
      prints the hash of the password, for an operators file's "passwordHash"
  npx node store/operator.ts add --file operators.json --name NAME --role viewer|commander [--password-file FILE]
      adds the operator to the file (made if missing), or sets their role and password
the password comes from the file given, else from ${PASSWORD_ENV}; never from the command line`;

export interface ToolIo {
  env: NodeJS.ProcessEnv;
  out(line: string): void;
}

type Result = { ok: true } | { ok: false; error: string };

function readPassword(
  file: string | undefined,
  env: NodeJS.ProcessEnv,
): { ok: true; password: string } | { ok: false; error: string } {
  let password: string | undefined;
  if (file !== undefined) {
    try {
      // The file's first line: an editor's final newline is not part of the password.
      password = readFileSync(file, 'utf8').split(/\r?\n/)[0];
    } catch (error) {
      return {
        ok: false,
        error: `cannot read --password-file ${file}: ${(error as { code?: string }).code ?? String(error)}`,
      };
    }
  } else password = env[PASSWORD_ENV];
  if (password === undefined || password === '')
    return {
      ok: false,
      error: `no password: put it in a file given with --password-file, or in ${PASSWORD_ENV} (never on the command line)`,
    };
  if ([...password].length < MIN_PASSWORD_CHARS)
    return { ok: false, error: `the password is too short: at least ${MIN_PASSWORD_CHARS} characters` };
  return { ok: true, password };
}

function readFileOrEmpty(path: string): { ok: true; text: string | null } | { ok: false; error: string } {
  try {
    return { ok: true, text: readFileSync(path, 'utf8') };
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { ok: true, text: null };
    return { ok: false, error: `cannot read ${path}: ${String(error)}` };
  }
}

async function add(values: Record<string, string | undefined>, io: ToolIo): Promise<Result> {
  const { file, name, role } = values;
  if (file === undefined || name === undefined || role === undefined)
    return { ok: false, error: `add needs --file, --name and --role\n${USAGE}` };
  const parsedRole = operatorRoleSchema.safeParse(role);
  if (!parsedRole.success) return { ok: false, error: `--role must be viewer or commander, got "${role}"` };
  const existing = readFileOrEmpty(file);
  if (!existing.ok) return existing;
  if (existing.text !== null) {
    const check = parseOperatorsFile(existing.text);
    if (!check.ok) return { ok: false, error: `${file} is not a valid operators file: ${check.error}` };
  }
  const password = readPassword(values['password-file'], io.env);
  if (!password.ok) return password;
  const entries =
    existing.text === null ? [] : operatorsFileSchema.parse(JSON.parse(existing.text)).operators;
  const entry = { name, role: parsedRole.data, passwordHash: await hashPassword(password.password) };
  const index = entries.findIndex((e) => e.name === name);
  const next = { operators: index < 0 ? [...entries, entry] : entries.with(index, entry) };
  // The whole result is checked as the store will check it (the name's form, above all).
  const valid = parseOperatorsFile(JSON.stringify(next));
  if (!valid.ok) return { ok: false, error: valid.error };
  writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  io.out(`${name} (${parsedRole.data}) ${index < 0 ? 'added to' : 'updated in'} ${file}`);
  return { ok: true };
}

export async function runOperatorTool(argv: readonly string[], io: ToolIo): Promise<Result> {
  const [command, ...rest] = argv;
  const parsed = parseCommandLine(rest, {
    'password-file': { type: 'string' },
    file: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
  });
  if (!parsed.ok)
    return {
      ok: false,
      error: /--password\b/.test(parsed.error)
        ? `a password is never given on the command line: use --password-file FILE or ${PASSWORD_ENV}`
        : `${parsed.error}\n${USAGE}`,
    };
  if (command === 'hash') {
    const password = readPassword(parsed.values['password-file'], io.env);
    if (!password.ok) return password;
    io.out(await hashPassword(password.password));
    return { ok: true };
  }
  if (command === 'add') return add(parsed.values, io);
  return { ok: false, error: USAGE };
}

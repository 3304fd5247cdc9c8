// The store's command line, checked: every mistake becomes one sentence and exit code 2.
import { statSync } from 'node:fs';
import { parseCommandLine } from '../http-kit/cli.ts';
import { OPERATORS_FILE_ENV } from './auth/operators-file.ts';

export interface StoreArgs {
  port: number;
  host: string;
  db: string;
  staticDir: string | undefined;
  tradingApi: URL | undefined;
  /** Who may sign in: --operators, else the file WARROOM_OPERATORS_FILE names; none: nobody. */
  operatorsFile: string | undefined;
  /** The trading systems to connect: --profile (repeatable), else WARROOM_PROFILES (comma-separated). */
  profiles: string[];
}

export type ParsedArgs = { ok: true; args: StoreArgs } | { ok: false; error: string };

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function parseStoreArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ParsedArgs {
  const parsed = parseCommandLine(argv, {
    port: { type: 'string', default: '4312' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: '.data/war-room.db' },
    static: { type: 'string' },
    'trading-api': { type: 'string' },
    operators: { type: 'string' },
    profile: { type: 'string', multiple: true, default: [] },
  });
  if (!parsed.ok) return parsed;
  const { values } = parsed;
  const port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!(port >= 0 && port <= 65535))
    return { ok: false, error: `--port must be a port number (0 picks a free one), got "${values.port}"` };
  if (values.host === '') return { ok: false, error: '--host must name an address, e.g. 127.0.0.1' };
  if (values.db === '') return { ok: false, error: '--db must be a file path' };
  if (values.static !== undefined && !isDirectory(values.static))
    return {
      ok: false,
      error: `--static must be a directory (the built dashboard, dist/), got "${values.static}"`,
    };
  let tradingApi: URL | undefined;
  if (values['trading-api'] !== undefined) {
    tradingApi = URL.canParse(values['trading-api']) ? new URL(values['trading-api']) : undefined;
    if (tradingApi?.protocol !== 'http:' && tradingApi?.protocol !== 'https:')
      return {
        ok: false,
        error: `--trading-api must be an http(s) URL such as http://127.0.0.1:4311, got "${values['trading-api']}"`,
      };
  }
  const operatorsFile = values.operators ?? (env[OPERATORS_FILE_ENV] || undefined);
  if (operatorsFile === '')
    return { ok: false, error: '--operators must be a file path (the operators file, JSON)' };
  const profiles =
    values.profile.length > 0
      ? values.profile
      : (env.WARROOM_PROFILES ?? '')
          .split(',')
          .map((p) => p.trim())
          .filter((p) => p !== '');
  return {
    ok: true,
    args: {
      port,
      host: values.host,
      db: values.db,
      staticDir: values.static,
      tradingApi,
      operatorsFile,
      profiles,
    },
  };
}

// The war-room store as a process:
//   node store/main.ts [--port 4312] [--host 127.0.0.1] [--db .data/war-room.db]
//                      [--static dist] [--trading-api http://127.0.0.1:4311]
//                      [--operators operators.json]   (or WARROOM_OPERATORS_FILE=operators.json)
//                      [--profile profiles/hft.yaml]... (or WARROOM_PROFILES=a.yaml,b.yaml)
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { exitWithError } from '../http-kit/cli.ts';
import { readOperatorsFile } from './auth/operators-file.ts';
import type { Operator } from './auth/operators-file.ts';
import { parseStoreArgs } from './cli-args.ts';
import { createStoreServer } from './server.ts';
import { openSqliteStorage } from './storage/sqlite/sqlite-storage.ts';
import type { Storage } from './storage/storage.ts';

function fail(message: string, code: number): never {
  return exitWithError('war-room store', message, code);
}

const parsed = parseStoreArgs(process.argv.slice(2));
if (!parsed.ok) fail(parsed.error, 2);
const { args } = parsed;

// Checked whole before anything else: a store that cannot say who may sign in does not start.
let operators: Operator[] = [];
if (args.operatorsFile !== undefined) {
  const read = readOperatorsFile(args.operatorsFile);
  if (!read.ok) fail(`operators file ${args.operatorsFile}: ${read.error}`, 2);
  operators = read.operators;
}

let storage: Storage;
try {
  mkdirSync(dirname(args.db), { recursive: true });
  storage = openSqliteStorage(args.db);
} catch (error) {
  fail(`cannot open the database ${args.db}: ${error instanceof Error ? error.message : String(error)}`, 1);
}

function createServer() {
  try {
    return createStoreServer({
      storage,
      staticDir: args.staticDir,
      tradingApi: args.tradingApi,
      auth: { operators },
      profiles: { files: args.profiles },
    });
  } catch (error) {
    // An invalid profile: every problem, each naming its file and field.
    return fail(error instanceof Error ? error.message : String(error), 2);
  }
}

const server = createServer();
try {
  const port = await server.listen(args.port, args.host);
  console.log(`war-room store listening on http://${args.host}:${port}`);
} catch (error) {
  fail(
    `cannot listen on ${args.host}:${args.port}: ${error instanceof Error ? error.message : String(error)}`,
    1,
  );
}

// Stop taking requests, let the writes in flight commit, then close the database.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void server
      .close()
      .then(() => storage.close())
      .then(() => process.exit(0));
  });
}
